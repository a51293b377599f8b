/** The whole result of a tally list query, for exports: the list's select, read through a cursor. */
import type { Static } from '@sinclair/typebox'
import type { CursorQuery } from '../../db/cursor.ts'
import type { TallyExportView } from '../../export/columns/tallies.ts'
import type { TallyListQuery } from '../../schemas/tallies.ts'
import { hydrateTallies, tallyListSelect, type TallyJoinRow } from './queries.ts'

export function tallyExport (query: Static<typeof TallyListQuery>, limit?: number): CursorQuery<TallyJoinRow, TallyExportView> {
  return {
    select: (tx) => (limit === undefined ? tallyListSelect(tx, query) : tallyListSelect(tx, query).limit(limit)),
    map: hydrateTallies
  }
}
