/** API schemas for the province reference list, with each province's centroid and how many incidents match. */
import { Type } from '@sinclair/typebox'
import { ref } from './common.ts'
import { IncidentFilters, IncidentListQuery } from './incidents.ts'
import { ListFormatParam } from './list-format.ts'

export const Centroid = Type.Object({
  latitude: Type.Number({ minimum: -90, maximum: 90, description: 'WGS 84 latitude, in decimal degrees.', examples: [34.27] }),
  longitude: Type.Number({ minimum: -180, maximum: 180, description: 'WGS 84 longitude, in decimal degrees.', examples: [70.45] })
}, {
  $id: 'Centroid',
  description: 'The area centroid of the province\'s outline, computed from published province boundaries and rounded to 0.01°: where to place the province on a map (not its capital).',
  additionalProperties: false
})

export const Province = Type.Object({
  code: Type.String({ description: 'ISO 3166-2:AF code.', examples: ['AF-NAN'] }),
  name: Type.String({ description: 'English name (ISO 3166-2).', examples: ['Nangarhar'] }),
  aliases: Type.Array(Type.String(), { description: 'Other spellings accepted by the `province` filter.', examples: [['Ningarhar', 'Nangrahar']] }),
  capital: Type.String({ description: 'Provincial capital.', examples: ['Jalalabad'] }),
  centroid: ref(Centroid),
  incidents: Type.Integer({
    minimum: 0,
    description: 'How many incidents in the province match the incident filters given to the list (with none, all its incidents): the count `listIncidents` gives for the same filters and this province.',
    examples: [12]
  })
}, { $id: 'Province', description: 'One of the 34 provinces of Afghanistan.', additionalProperties: false })

export const ProvinceList = Type.Object({
  data: Type.Array(ref(Province), { description: 'All 34 provinces, ordered by code.' }),
  next_cursor: Type.Null({ description: 'Always null: the list is complete in one page.' })
}, { $id: 'ProvinceList', description: 'The provinces of Afghanistan.', additionalProperties: false })

const { limit: _limit, cursor: _cursor, ...filters } = IncidentFilters

/** The incident filters, whose matching incidents each province counts. */
export const ProvinceListQuery = Type.Object({
  ...filters,
  actor: IncidentListQuery.properties.actor,
  format: ListFormatParam(['csv', 'ndjson'], null)
}, { additionalProperties: false })
