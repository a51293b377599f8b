/** The columns of a change feed export: one row per change, as the JSON list's items are (already flat). */
import type { Static } from '@sinclair/typebox'
import type { Change } from '../../schemas/history.ts'
import type { Column } from '../column.ts'

export type ChangeExportView = Static<typeof Change>

export const changeColumns: Array<Column<ChangeExportView>> = [
  { name: 'seq', type: 'integer', description: 'Position in the feed: changes are numbered in commit order.', value: (v) => v.seq },
  { name: 'resource', type: 'string', description: 'The kind of record (`incidents`, `actors`, `statements`, `sources`, `tallies`).', value: (v) => v.resource },
  { name: 'id', type: 'string', description: 'The record\'s id.', value: (v) => v.id },
  { name: 'operation', type: 'string', description: 'What the change did: `create`, `update` or `delete` (a tombstone).', value: (v) => v.operation },
  { name: 'version', type: 'integer', description: 'The record\'s version after the change.', value: (v) => v.version },
  { name: 'at', type: 'datetime', description: 'When the change was committed (RFC 3339, UTC).', value: (v) => v.at },
  { name: 'url', type: 'string', description: 'The record in JSON: a path under this API (a 410 after a delete).', value: (v) => v.url },
  { name: 'revision_url', type: 'string', description: 'The revision this change made: a path under this API.', value: (v) => v.revision_url }
]
