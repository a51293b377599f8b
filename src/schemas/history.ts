/** API schemas for record history (revisions) and the change feed. */
import { Type } from '@sinclair/typebox'
import { Cursor, Id, Limit, Nullable, StringEnum, ref } from './common.ts'
import { ListFormatParam } from './list-format.ts'
import { ActorInput } from './input/actor.ts'
import { IncidentInput } from './input/incident.ts'
import { SourceInput } from './input/source.ts'
import { StatementInput } from './input/statement.ts'
import { TallyInput } from './input/tally.ts'
import { ActorPatch, IncidentPatch, SourcePatch, StatementPatch, TallyPatch } from './input/patches.ts'

const patchUnion = () => Type.Union([ref(SourcePatch), ref(ActorPatch), ref(StatementPatch), ref(IncidentPatch), ref(TallyPatch)])

export const Operation = StringEnum(['create', 'update', 'delete'] as const, {
  $id: 'Operation', description: 'What a change did to a record.'
})

export const Revision = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'The record\'s version after this change.', examples: [2] }),
  operation: ref(Operation),
  at: Type.String({ format: 'date-time', description: 'When the change was committed (RFC 3339, UTC).' }),
  key_id: Nullable(Type.String(), { description: 'The API key that made it; null for the curated dataset and operator imports.' }),
  changed_fields: Type.Array(Type.String(), { description: 'The top-level fields of the record this change touched.', examples: [['title', 'killed']] }),
  before: Nullable(patchUnion(), { description: 'The changed fields as they were (null for a create). A field that was absent reads as null.' }),
  after: Nullable(patchUnion(), { description: 'The changed fields as they became (null for a delete).' }),
  record: Nullable(Type.Union([ref(SourceInput), ref(ActorInput), ref(StatementInput), ref(IncidentInput), ref(TallyInput)]), { description: 'The whole record after the change, in the record format (`GET /v1/{resource}/{id}/record`); null after a delete.' })
}, { $id: 'Revision', description: 'One version of a record: who changed what, when.', additionalProperties: false })

export const RevisionList = Type.Object({
  data: Type.Array(ref(Revision), { description: 'Revisions, oldest first.' }),
  next_cursor: Nullable(Type.String(), { description: 'Cursor for the next page, or null on the last page.' })
}, { $id: 'RevisionList', description: 'A page of a record\'s revisions.', additionalProperties: false })

export const Change = Type.Object({
  seq: Type.Integer({ minimum: 1, description: 'Position in the feed: changes are numbered in commit order.' }),
  resource: StringEnum(['sources', 'actors', 'statements', 'incidents', 'tallies'] as const, { description: 'The kind of record.' }),
  id: Type.String({ description: 'The record\'s id.' }),
  operation: ref(Operation),
  version: Type.Integer({ minimum: 1, description: 'The record\'s version after the change.' }),
  at: Type.String({ format: 'date-time', description: 'When the change was committed.' }),
  url: Type.String({ description: 'The record (a 410 after a delete).', examples: ['/v1/incidents/inc_2021_09_jalalabad_blasts'] }),
  revision_url: Type.String({ description: 'The revision this change made.', examples: ['/v1/incidents/inc_2021_09_jalalabad_blasts/revisions/1'] })
}, { $id: 'Change', description: 'A create, update or delete in the feed; a delete is a tombstone.', additionalProperties: false })

export const ChangeList = Type.Object({
  data: Type.Array(ref(Change), { description: 'Changes in commit order.' }),
  next_cursor: Nullable(Type.String(), { description: 'Cursor for the next page; null when this page reaches the end of the feed for now.' }),
  resume_cursor: Type.String({ description: 'Always set: pass it as `since` later to get only what changed after this page.' })
}, { $id: 'ChangeList', description: 'A page of the change feed.', additionalProperties: false })

export const ChangesQuery = Type.Object({
  since: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$', description: 'A cursor from `next_cursor` or `resume_cursor`; omit to start from the first change.', examples: ['WyJjaGFuZ2VzIiwiMTU5Il0'] })),
  limit: Type.Optional(Limit),
  format: ListFormatParam(['csv', 'ndjson'], '`since` starts after a change, `limit` caps the count only when sent')
}, { additionalProperties: false })

export const RevisionParams = (example: string) => Type.Object({
  id: Id('The record\'s id.', example),
  version: Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'A version of the record.', examples: [1] })
}, { additionalProperties: false })

export const RevisionListQuery = Type.Object({
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor('revisions', ['1']))
}, { additionalProperties: false })
