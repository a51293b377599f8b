/** The statement record as curated and written: what an actor said, about which incidents, per which reports. */
import { Type, type Static } from '@sinclair/typebox'
import { statementKinds, statementTextKinds } from '../../domain/vocabulary.ts'
import { StringEnum } from '../common.ts'
import { ActorKey, IncidentKey, InputDate, InputPrecision, Maybe, Notes, RecordId, SourceKey, Text } from './common.ts'

export const StatementInput = Type.Object({
  id: RecordId('stm', 'Statement id: `stm_` and a readable key.'),
  speaker: ActorKey('Who said it (id, slug or alias).'),
  on_behalf_of: Maybe(ActorKey('The organisation the speaker spoke for.')),
  said_on: InputDate('The best single date the sources support.'),
  date_precision: InputPrecision,
  date_start: Type.Optional(InputDate('Earliest possible date (inclusive); defaults from said_on and precision.')),
  date_end: Type.Optional(InputDate('Latest possible date (inclusive); defaults from said_on and precision.')),
  kind: StringEnum(statementKinds, { description: 'What the statement does.' }),
  text: Text('The quote, verbatim, or a faithful paraphrase (see text_kind).'),
  text_kind: StringEnum(statementTextKinds, { description: '`quote` or `paraphrase`.' }),
  notes: Notes(),
  incident_ids: Type.Optional(Type.Array(IncidentKey('An incident the statement concerns.'), { description: 'Incidents it concerns.' })),
  source_ids: Type.Array(SourceKey('A report that carries it.'), { minItems: 1, description: 'Reports that carry it; at least one.' })
}, { $id: 'StatementInput', additionalProperties: false, description: 'A statement record.' })

export type StatementRecord = Static<typeof StatementInput>
