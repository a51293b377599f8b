/** Revisions and the change feed, written by the write path inside the write's own transaction. */
import { and, asc, desc, eq, gt, max, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { changes, revisions } from '../../db/schema.ts'
import { insertRows } from './tables.ts'
import type { AnyRecord, WritableKind } from './to-record.ts'

export type Operation = 'create' | 'update' | 'delete'

export interface Change {
  kind: WritableKind
  id: string
  version: number
  operation: Operation
  before: AnyRecord | undefined
  after: AnyRecord | undefined
}

/** Lock key for numbering the feed: held from numbering to commit, so numbers become visible in order. */
const FEED_LOCK = 727_001

/** `{ field: { before, after } }` for every top-level field that differs. */
export function changedFields (before: AnyRecord | undefined, after: AnyRecord | undefined): Record<string, { before: unknown, after: unknown }> {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const diff: Record<string, { before: unknown, after: unknown }> = {}
  for (const field of fields) {
    const b = (before as Record<string, unknown> | undefined)?.[field] ?? null
    const a = (after as Record<string, unknown> | undefined)?.[field] ?? null
    if (JSON.stringify(b) !== JSON.stringify(a)) diff[field] = { before: b, after: a }
  }
  return diff
}

/** Writes a revision per change and numbers the changes in the feed. Call it last in the transaction. */
export async function recordChanges (db: Database, list: Change[], keyId: string | null): Promise<void> {
  if (list.length === 0) return
  await insertRows(db, revisions, list.map((c) => ({
    resource: c.kind,
    recordId: c.id,
    version: c.version,
    operation: c.operation,
    keyId,
    record: c.after ?? null,
    changes: changedFields(c.before, c.after)
  })))
  await db.execute(sql`select pg_advisory_xact_lock(${FEED_LOCK})`)
  const [row] = await db.select({ last: max(changes.seq) }).from(changes)
  const last = Number(row?.last ?? 0)
  await insertRows(db, changes, list.map((c, i) => ({
    seq: last + i + 1,
    resource: c.kind,
    recordId: c.id,
    version: c.version,
    operation: c.operation,
    keyId
  })))
}

/** The latest revision of a record (to tell a deleted record from one that never was). */
export async function lastRevision (db: Database, kind: WritableKind, id: string) {
  const [row] = await db.select().from(revisions)
    .where(and(eq(revisions.resource, kind), eq(revisions.recordId, id)))
    .orderBy(desc(revisions.version)).limit(1)
  return row
}

/** A record's revisions after version `after`, oldest first (limit + 1 rows: the extra one says there is more). */
export async function revisionsOf (db: Database, kind: WritableKind, id: string, after: number, limit: number) {
  return db.select().from(revisions)
    .where(and(eq(revisions.resource, kind), eq(revisions.recordId, id), gt(revisions.version, after)))
    .orderBy(asc(revisions.version)).limit(limit + 1)
}

export async function revisionAt (db: Database, kind: WritableKind, id: string, version: number) {
  const [row] = await db.select().from(revisions)
    .where(and(eq(revisions.resource, kind), eq(revisions.recordId, id), eq(revisions.version, version))).limit(1)
  return row
}

/** Every change after `since`, in commit order. */
export function changesAfterSelect (db: Database, since: number) {
  return db.select().from(changes).where(gt(changes.seq, since)).orderBy(asc(changes.seq))
}

/** Changes after `since`, in commit order (limit + 1 rows). */
export async function changesAfter (db: Database, since: number, limit: number) {
  return changesAfterSelect(db, since).limit(limit + 1)
}
