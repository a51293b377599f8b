/** The change feed as the API shows it: `since` decoded, a feed row as a Change, and the whole feed after `since` for an export. */
import type { Static } from '@sinclair/typebox'
import { changesAfterSelect } from '../../core/records/history.ts'
import type { CursorQuery } from '../../db/cursor.ts'
import type { changes } from '../../db/schema.ts'
import { decodeCursor } from '../../http/cursor.ts'
import type { Change } from '../../schemas/history.ts'

type ChangeRow = typeof changes.$inferSelect
type ChangeView = Static<typeof Change>

/** The feed position a `since` cursor names; 0 (before the first change) without one. */
export function sinceSeq (since: string | undefined): number {
  return since ? Number(decodeCursor(since, 'changes', [(k) => /^\d{1,15}$/.test(k)], 'since')[0]) : 0
}

export function toChangeView (c: ChangeRow): ChangeView {
  return {
    seq: c.seq,
    resource: c.resource as ChangeView['resource'],
    id: c.recordId,
    operation: c.operation as ChangeView['operation'],
    version: c.version,
    at: c.at.toISOString(),
    url: `/v1/${c.resource}/${c.recordId}`,
    revision_url: `/v1/${c.resource}/${c.recordId}/revisions/${c.version}`
  }
}

/** Every change after `since` in commit order (the first `limit` only, when given): what walking the pages gives. */
export function changeExport (since: number, limit?: number): CursorQuery<ChangeRow, ChangeView> {
  return {
    select: (tx) => (limit === undefined ? changesAfterSelect(tx, since) : changesAfterSelect(tx, since).limit(limit)),
    map: async (_tx, rows) => rows.map(toChangeView)
  }
}
