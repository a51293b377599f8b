/** The columns of a province export: the list's view, the centroid flattened, aliases as a list. */
import type { Static } from '@sinclair/typebox'
import type { Province } from '../../schemas/provinces.ts'
import { listColumn, type Column } from '../column.ts'

export type ProvinceExportView = Static<typeof Province>

export const provinceColumns: Array<Column<ProvinceExportView>> = [
  { name: 'code', type: 'string', description: 'ISO 3166-2:AF code.', value: (v) => v.code },
  { name: 'name', type: 'string', description: 'English name (ISO 3166-2).', value: (v) => v.name },
  listColumn('aliases', 'Other spellings the `province` filter accepts.', (v) => v.aliases),
  { name: 'capital', type: 'string', description: 'Provincial capital.', value: (v) => v.capital },
  { name: 'centroid_latitude', type: 'number', description: 'WGS 84 latitude of the area centroid of the province\'s outline (not its capital), rounded to 0.01°.', value: (v) => v.centroid.latitude },
  { name: 'centroid_longitude', type: 'number', description: 'WGS 84 longitude of the area centroid, rounded to 0.01°.', value: (v) => v.centroid.longitude },
  { name: 'incidents', type: 'integer', description: 'How many incidents in the province match the incident filters given to the list (with none, all its incidents).', value: (v) => v.incidents },
  { name: 'url', type: 'string', description: 'The record in JSON: a path under this API.', value: (v) => `/v1/provinces/${encodeURIComponent(v.code)}` }
]
