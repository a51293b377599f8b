/** The columns of a statement export: the list's view, speaker and principal flattened, incidents and sources as id lists. */
import type { Static } from '@sinclair/typebox'
import type { Statement } from '../../schemas/statements.ts'
import { listColumn, type Column } from '../column.ts'

export type StatementExportView = Static<typeof Statement>

export const statementColumns: Array<Column<StatementExportView>> = [
  { name: 'id', type: 'string', description: 'Statement id.', value: (v) => v.id },
  { name: 'speaker_id', type: 'string', description: 'Actor id of the speaker.', value: (v) => v.speaker.id },
  { name: 'speaker_slug', type: 'string', description: 'Slug of the speaker.', value: (v) => v.speaker.slug },
  { name: 'speaker_name', type: 'string', description: 'Name of the speaker.', value: (v) => v.speaker.name },
  { name: 'on_behalf_of_id', type: 'string', description: 'Actor id of the organisation the speaker spoke for; empty when speaking for themself.', value: (v) => v.on_behalf_of?.id ?? null },
  { name: 'on_behalf_of_slug', type: 'string', description: 'Slug of that organisation; empty when none.', value: (v) => v.on_behalf_of?.slug ?? null },
  { name: 'on_behalf_of_name', type: 'string', description: 'Name of that organisation; empty when none.', value: (v) => v.on_behalf_of?.name ?? null },
  { name: 'said_on', type: 'date', description: 'When it was said: the best date the sources support (see `date_precision`).', value: (v) => v.said_on },
  { name: 'date_precision', type: 'string', description: 'How close `said_on` is to the true date: `day`, `week`, `month` or `year`.', value: (v) => v.date_precision },
  { name: 'date_start', type: 'date', description: 'Earliest date it can have been said (inclusive).', value: (v) => v.date_start },
  { name: 'date_end', type: 'date', description: 'Latest date it can have been said (inclusive).', value: (v) => v.date_end },
  { name: 'kind', type: 'string', description: 'What kind of statement (`claim_of_responsibility`, `denial`, `condemnation`, ...).', value: (v) => v.kind },
  { name: 'text', type: 'string', description: 'The quote, or a faithful paraphrase (see `text_kind`).', value: (v) => v.text },
  { name: 'text_kind', type: 'string', description: 'Whether `text` is a quote or a paraphrase.', value: (v) => v.text_kind },
  { name: 'notes', type: 'string', description: 'Curation notes: how the date was resolved, context.', value: (v) => v.notes },
  listColumn('incident_ids', 'Ids of the incidents the statement concerns.', (v) => v.incident_ids),
  listColumn('source_ids', 'Ids of the sources that carry it.', (v) => v.sources.map((s) => s.id)),
  { name: 'version', type: 'integer', description: 'The record\'s version: 1 when created, one more at every change.', value: (v) => v.version },
  { name: 'created_at', type: 'datetime', description: 'When the record was created (RFC 3339, UTC).', value: (v) => v.created_at },
  { name: 'updated_at', type: 'datetime', description: 'When the record last changed (RFC 3339, UTC).', value: (v) => v.updated_at },
  { name: 'url', type: 'string', description: 'The record in JSON: a path under this API.', value: (v) => `/v1/statements/${encodeURIComponent(v.id)}` }
]
