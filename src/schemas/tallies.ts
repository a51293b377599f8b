/** API schemas for tallies: a report's own count over a period, set beside the incidents in the record it sums. */
import { Type } from '@sinclair/typebox'
import { datePrecisions, victimGroups } from '../domain/vocabulary.ts'
import { Cursor, DateMatch, EndDate, Id, Limit, Nullable, Page, StartDate, ref, StringEnum, timestampProperties, versionProperty, UpdatedSince } from './common.ts'
import { Figures } from './incidents.ts'
import { ListFormatParam } from './list-format.ts'
import { ActorRef, SourceRef } from './references.ts'

const bound = (description: string) => Nullable(Type.Integer({ minimum: 0 }), { description })

export const TallyBreakdownItem = Type.Object({
  group: StringEnum(victimGroups, { description: 'The group of victims.' }),
  best: bound('Best figure for the group.'),
  low: bound('Lowest figure for the group.'),
  high: bound('Highest figure for the group; null when open-ended.')
}, { $id: 'TallyBreakdownItem', description: 'Part of a tally, by victim group.', additionalProperties: false })

export const TallyCount = Type.Object({
  best: bound('Best figure; null when unknown.'),
  low: bound('Lowest figure ("at least 96" gives 96).'),
  high: bound('Highest figure; null when unknown or open-ended.'),
  breakdown: Type.Array(ref(TallyBreakdownItem), { description: 'The tally\'s own breakdown by group.' })
}, { $id: 'TallyCount', description: 'A tally\'s count, with its breakdown.', additionalProperties: false })

export const IncidentSum = Type.Object({
  incidents: Type.Integer({ minimum: 0, description: 'How many incidents of the record the tally is linked to.' }),
  killed: ref(Figures),
  wounded: ref(Figures),
  killed_unknown: Type.Integer({ minimum: 0, description: 'Linked incidents whose killed figure is unknown (left out of the sums).' }),
  wounded_unknown: Type.Integer({ minimum: 0, description: 'Linked incidents whose wounded figure is unknown (left out of the sums).' })
}, {
  $id: 'IncidentSum',
  description: 'The linked incidents\' own reconciled figures, summed (best, low and high each summed over the incidents that give it; high is null when any incident\'s is open-ended), to set beside the tally.',
  additionalProperties: false
})

export const Tally = Type.Object({
  id: Type.String({ description: 'Opaque tally id.', examples: ['tly_2022_12_05_iskp_attacks_last_two_months'] }),
  title: Type.String({ description: 'What the tally counts.' }),
  source: ref(SourceRef),
  period_start: Type.String({ format: 'date', description: 'First day of the period counted (inclusive).' }),
  period_end: Type.String({ format: 'date', description: 'Last day of the period counted (inclusive).' }),
  period_precision: StringEnum(datePrecisions, { description: 'How exactly the report bounds the period.' }),
  perpetrator: Nullable(ref(ActorRef), { description: 'Whose attacks are counted, when the tally says.' }),
  killed: ref(TallyCount),
  wounded: ref(TallyCount),
  incident_ids: Type.Array(Type.String(), { description: 'Incidents in the record that the tally covers.' }),
  incidents_sum: ref(IncidentSum),
  excerpt: Nullable(Type.String(), { description: 'The report\'s own words.' }),
  notes: Nullable(Type.String(), { description: 'Where the tally and the record agree or differ, and why.' }),
  ...versionProperty(),
  ...timestampProperties()
}, { $id: 'Tally', description: 'A report\'s own count over a period ("96 killed in two months: 73 civilians, 23 Taliban"), linked to the incidents it sums.', additionalProperties: false })

export const TallyList = Page(Tally, 'TallyList', 'A page of tallies, latest `period_end` first, then by id descending.')

export const TallyIdParams = Type.Object({
  id: Id('Tally id.', 'tly_2022_12_05_iskp_attacks_last_two_months')
}, { additionalProperties: false })

export const TallyListQuery = Type.Object({
  source: Type.Optional(Id('Source id: tallies that source gives.', 'src_hasht_e_subh_2022_12_05_96_people_killed_iskp_attacks')),
  start_date: Type.Optional(StartDate),
  end_date: Type.Optional(EndDate),
  date_match: Type.Optional(DateMatch),
  updated_since: Type.Optional(UpdatedSince),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor('tallies', ['2022-12-05', 'tly_~'])),
  format: ListFormatParam(['csv', 'ndjson'])
}, { additionalProperties: false })
