/** The whole result of a source list query, for exports: the list's select, read through a cursor. */
import type { Static } from '@sinclair/typebox'
import type { CursorQuery } from '../../db/cursor.ts'
import type { sources } from '../../db/schema.ts'
import type { SourceExportView } from '../../export/columns/sources.ts'
import type { SourceListQuery } from '../../schemas/sources.ts'
import { hydrateSources, sourceListSelect } from './queries.ts'

export function sourceExport (query: Static<typeof SourceListQuery>, limit?: number): CursorQuery<typeof sources.$inferSelect, SourceExportView> {
  return {
    select: (tx) => (limit === undefined ? sourceListSelect(tx, query) : sourceListSelect(tx, query).limit(limit)),
    map: hydrateSources
  }
}
