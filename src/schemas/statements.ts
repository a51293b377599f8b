/** API schemas for statements: what actors said, with the reports that carry it. */
import { Type } from '@sinclair/typebox'
import { statementKinds, statementTextKinds } from '../domain/vocabulary.ts'
import { Cursor, DateMatch, EndDate, FreeText, Id, Limit, Nullable, Page, StartDate, ref, StringEnum, timestampProperties, versionProperty, UpdatedSince } from './common.ts'
import { ListFormatParam } from './list-format.ts'
import { ActorRef, DatePrecision, SourceRef } from './references.ts'

export const StatementKind = StringEnum(statementKinds, {
  $id: 'StatementKind', description: 'What the statement does.'
})
export const StatementTextKind = StringEnum(statementTextKinds, {
  $id: 'StatementTextKind', description: '`quote`: the speaker\'s words as reported; `paraphrase`: a faithful paraphrase of what was reported.'
})

export const Statement = Type.Object({
  id: Type.String({ description: 'Opaque statement id.', examples: ['stm_2021_09_21_mujahid_no_one_to_do_with_al_qaeda'] }),
  speaker: ref(ActorRef),
  on_behalf_of: Nullable(ref(ActorRef), { description: 'The organisation the speaker spoke for; null when speaking for themself.' }),
  said_on: Type.String({ format: 'date', description: 'When it was said: the best date the sources support; see `date_precision`.', examples: ['2021-09-21'] }),
  date_precision: ref(DatePrecision),
  date_start: Type.String({ format: 'date', description: 'Earliest date it can have been said (inclusive).', examples: ['2021-09-21'] }),
  date_end: Type.String({ format: 'date', description: 'Latest date it can have been said (inclusive).', examples: ['2021-09-21'] }),
  kind: ref(StatementKind),
  text: Type.String({ description: 'The quote, or a faithful paraphrase (see `text_kind`).', examples: ['We do not see anyone in Afghanistan who has anything to do with al Qaeda'] }),
  text_kind: ref(StatementTextKind),
  notes: Nullable(Type.String(), { description: 'Curation notes: how the date was resolved, context.' }),
  incident_ids: Type.Array(Type.String(), { description: 'Ids of the incidents the statement concerns.' }),
  sources: Type.Array(ref(SourceRef), { description: 'The reports that carry the statement.' }),
  ...versionProperty(),
  ...timestampProperties()
}, { $id: 'Statement', description: 'What an actor said: a claim, denial, condemnation, attribution, assessment or pledge.', additionalProperties: false })

export const StatementList = Page(Statement, 'StatementList', 'A page of statements, newest `said_on` first, then by id.')

export const StatementIdParams = Type.Object({
  id: Id('Statement id.', 'stm_2021_09_21_mujahid_no_one_to_do_with_al_qaeda')
}, { additionalProperties: false })

export const StatementFilters = {
  kind: Type.Optional(StringEnum(statementKinds, { description: 'Only statements of this kind.', examples: ['denial'] })),
  start_date: Type.Optional(StartDate),
  end_date: Type.Optional(EndDate),
  date_match: Type.Optional(DateMatch),
  updated_since: Type.Optional(UpdatedSince),
  q: Type.Optional(FreeText('Case-insensitive text matched against the statement text.', 'al Qaeda')),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor('statements', ['2022-12-31', 'stm_~']))
}

export const StatementListQuery = Type.Object({
  speaker: Type.Optional(Id('Actor id, slug or alias of the speaker.', 'zabihullah-mujahid')),
  actor: Type.Optional(Id('Actor id, slug or alias, as speaker or as the organisation spoken for.', 'taliban')),
  incident: Type.Optional(Id('Incident id: statements about that incident.', 'inc_2021_09_jalalabad_blasts')),
  ...StatementFilters,
  format: ListFormatParam(['csv', 'ndjson'])
}, { additionalProperties: false })

export const NestedStatementQuery = Type.Object({ ...StatementFilters, format: ListFormatParam(['csv', 'ndjson']) }, { additionalProperties: false })
