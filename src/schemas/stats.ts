/** API schemas for incident statistics: counts and casualty sums of the incidents a filter matches, grouped. */
import { Type } from '@sinclair/typebox'
import { statsDimensions } from '../domain/stats-dimensions.ts'
import { noControlChars, Nullable, ref, StringEnum } from './common.ts'
import { IncidentFilters, IncidentListQuery, IncidentType, ResponsibilityKind } from './incidents.ts'
import { ActorRef, ProvinceRef } from './references.ts'

export const StatsDimension = StringEnum(statsDimensions, {
  $id: 'StatsDimension',
  description: 'A dimension statistics are grouped by: `province`; `year` and `month` of `occurred_on`; incident `type`; `actor`, each actor with responsibility for the incident and the kind of it (`role`); `responsibility`, each kind of responsibility recorded for the incident (null: none recorded).'
})

const sum = (what: string, example: number) => Type.Integer({ minimum: 0, description: what, examples: [example] })

export const StatsFigures = Type.Object({
  best: sum('Sum of the best estimates of the incidents whose best estimate is known.', 412),
  low: sum('Sum of the incidents\' lowest credible figures; an incident without one counts at its best estimate.', 380),
  high: sum('Sum of the incidents\' highest figures; an incident without one (unknown, or open-ended "at least") counts at its best estimate.', 455),
  unknown: sum('How many of the incidents have no best estimate (unknown), so add nothing to `best`.', 3)
}, {
  $id: 'StatsFigures',
  description: 'A casualty figure summed over incidents: each incident\'s reconciled `best`, `low` and `high` where known, a missing bound counting at the best estimate (so low <= best <= high, as for each incident); `unknown` counts the incidents whose `best` is null.',
  additionalProperties: false
})

export const IncidentStatsRow = Type.Object({
  province: Nullable(ref(ProvinceRef), { description: 'The province, when grouped by `province`; null otherwise, and for incidents whose province is unknown.' }),
  year: Nullable(Type.Integer({ minimum: 1 }), { description: 'The year of `occurred_on`, when grouped by `year`; null otherwise.', examples: [2022] }),
  month: Nullable(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }), { description: 'The month of `occurred_on` (`YYYY-MM`), when grouped by `month`; null otherwise.', examples: ['2022-04'] }),
  type: Nullable(ref(IncidentType), { description: 'The incident type, when grouped by `type`; null otherwise.' }),
  actor: Nullable(ref(ActorRef), { description: 'An actor with responsibility for the incidents (of kind `role`), when grouped by `actor`; null otherwise.' }),
  role: Nullable(ref(ResponsibilityKind), { description: 'The kind of responsibility `actor` has for the incidents, when grouped by `actor`; null otherwise.' }),
  responsibility: Nullable(ref(ResponsibilityKind), { description: 'A kind of responsibility recorded for the incidents, when grouped by `responsibility`; null otherwise, and for the incidents with no responsibility recorded.' }),
  incidents: Type.Integer({ minimum: 0, description: 'How many incidents the group holds.', examples: [37] }),
  killed: ref(StatsFigures),
  wounded: ref(StatsFigures)
}, {
  $id: 'IncidentStatsRow',
  description: 'One group: its keys (every one present, null when not grouped by it) and its incidents\' count and casualty sums.',
  additionalProperties: false
})

export const IncidentStats = Type.Object({
  group_by: Type.Array(ref(StatsDimension), { description: 'The dimensions asked for, in order; empty for the total.', examples: [['province', 'year']] }),
  data: Type.Array(ref(IncidentStatsRow), {
    description: 'The groups, ordered by the keys in the order asked: `year` and `month` ascending; the others by their group\'s size (incidents, summed over its rows) descending, then by key, null last. Groups without incidents are left out; without `group_by`, one row: the total.'
  })
}, {
  $id: 'IncidentStats',
  description: 'Counts and casualty sums of the incidents a filter matches (the incidents the list returns for the same filters). Grouped by `actor` or `responsibility`, an incident counts once in each group it belongs to (an incident claimed by one actor and attributed to another is in both), so sums across those groups can exceed the total.',
  additionalProperties: false
})

const { limit: _limit, cursor: _cursor, ...filters } = IncidentFilters

export const IncidentStatsQuery = Type.Object({
  ...filters,
  actor: IncidentListQuery.properties.actor,
  group_by: Type.Optional(Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: noControlChars,
    description: `One or two dimensions, comma-separated, in the order the rows are grouped and sorted: ${statsDimensions.join(', ')}. Omit for the total.`,
    examples: ['province,year']
  }))
}, { additionalProperties: false })
