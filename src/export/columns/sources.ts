/** The columns of a source export: the list's view, citations as lists of source ids. */
import type { Static } from '@sinclair/typebox'
import type { Source } from '../../schemas/sources.ts'
import { listColumn, type Column } from '../column.ts'

export type SourceExportView = Static<typeof Source>

export const sourceColumns: Array<Column<SourceExportView>> = [
  { name: 'id', type: 'string', description: 'Source id.', value: (v) => v.id },
  { name: 'title', type: 'string', description: 'Headline or title; empty when unknown.', value: (v) => v.title },
  { name: 'publisher', type: 'string', description: 'Outlet or organisation that published it; empty when unknown.', value: (v) => v.publisher },
  { name: 'author', type: 'string', description: 'Byline; empty when none.', value: (v) => v.author },
  { name: 'published_on', type: 'date', description: 'Publication date; empty when unknown.', value: (v) => v.published_on },
  { name: 'date_precision', type: 'string', description: 'Precision of `published_on`; empty when the date is unknown.', value: (v) => v.date_precision },
  { name: 'url', type: 'string', description: 'Link to the report (as in the JSON); empty when unknown, never invented.', value: (v) => v.url },
  { name: 'language', type: 'string', description: 'ISO 639-1 language code.', value: (v) => v.language },
  { name: 'kind', type: 'string', description: 'What kind of report (`news_article`, `un_report`, ...).', value: (v) => v.kind },
  { name: 'notes', type: 'string', description: 'Curation notes: how the date or publisher was established.', value: (v) => v.notes },
  listColumn('cites', 'Ids of the reports this source relies on.', (v) => v.cites.map((c) => c.source.id)),
  listColumn('cited_by', 'Ids of the reports in the database that rely on this one.', (v) => v.cited_by.map((c) => c.source.id)),
  { name: 'version', type: 'integer', description: 'The record\'s version: 1 when created, one more at every change.', value: (v) => v.version },
  { name: 'created_at', type: 'datetime', description: 'When the record was created (RFC 3339, UTC).', value: (v) => v.created_at },
  { name: 'updated_at', type: 'datetime', description: 'When the record last changed (RFC 3339, UTC).', value: (v) => v.updated_at },
  { name: 'api_url', type: 'string', description: 'The record in JSON: a path under this API (`url` is the report\'s own link).', value: (v) => `/v1/sources/${encodeURIComponent(v.id)}` }
]
