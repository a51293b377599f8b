/** The tally record: a report's own count over a period ("96 killed in two months"), linked to the incidents it sums. */
import { Type, type Static } from '@sinclair/typebox'
import { StringEnum } from '../common.ts'
import { datePrecisions } from '../../domain/vocabulary.ts'
import { ActorKey, BreakdownInput, Excerpt, FiguresInput, IncidentKey, InputDate, Maybe, Notes, RecordId, SourceKey, Text } from './common.ts'

export const TallyInput = Type.Object({
  id: RecordId('tly', 'Tally id: `tly_` and a readable key.'),
  title: Text('What the tally counts, in a line.', { maxLength: 300 }),
  source: SourceKey('The report that gives the tally.'),
  period_start: InputDate('First day of the period counted (inclusive).'),
  period_end: InputDate('Last day of the period counted (inclusive).'),
  period_precision: StringEnum(datePrecisions, { description: 'How exactly the report bounds the period ("the last two months": about a week).' }),
  perpetrator: Maybe(ActorKey('Whose attacks are counted, when the tally says.')),
  killed: Type.Optional(FiguresInput),
  wounded: Type.Optional(FiguresInput),
  breakdown: Type.Optional(Type.Array(BreakdownInput, { description: 'The tally\'s own breakdown by group.' })),
  incident_ids: Type.Optional(Type.Array(IncidentKey('An incident the tally covers.'), { description: 'Incidents in the record that the tally sums.' })),
  excerpt: Excerpt(),
  notes: Notes()
}, { $id: 'TallyInput', additionalProperties: false, description: 'A tally record.' })

export type TallyRecord = Static<typeof TallyInput>
