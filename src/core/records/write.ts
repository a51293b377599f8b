/**
 * The one write path. Every create, update and delete of a record, from the API, the bulk import and the dataset
 * loader, goes through saveRecords / deleteRecord: references checked, the version compared and bumped, the rows
 * of the record and its parts written, a revision and a change-feed row recorded, all in the caller's transaction.
 */
import { and, eq, getTableColumns, inArray, max, ne } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../../db/client.ts'
import * as schema from '../../db/schema.ts'
import { ActorIndex } from '../../domain/actor-index.ts'
import { recordsToDataset } from '../../seed/to-rows.ts'
import type { Records } from '../../seed/records.ts'
import type { Dataset } from '../../seed/types.ts'
import { applyContribution, contributionOf } from '../stats/summary.ts'
import { InvalidRecord, RecordExists, RecordGone, RecordInUse, RecordNotFound, VersionMismatch, type RecordIssue } from './errors.ts'
import { lastRevision, recordChanges, type Change } from './history.ts'
import { checkReferences } from './references.ts'
import { overwrite, prune, readRows, specs, upsert } from './tables.ts'
import { RowIndex, toRecord, writableKinds, type AnyRecord, type WritableKind } from './to-record.ts'

export interface WriteContext {
  /** The API key making the change; null for the curated dataset and imports run by an operator. */
  keyId: string | null
}

/** What the client says it edited: no record yet (a create), a version (an edit), or nothing to check (an upsert). */
export type Expectation = { absent: true } | { version: number } | undefined

export interface SaveResult {
  id: string
  operation: 'create' | 'update' | 'none'
  version: number
  record: AnyRecord
}

const mainTables: Record<WritableKind, PgTable & { id: typeof schema.incidents.id, version: typeof schema.incidents.version }> = {
  sources: schema.sources as never,
  actors: schema.actors as never,
  statements: schema.statements as never,
  incidents: schema.incidents as never,
  tallies: schema.tallies as never
}

/** All actors as an index (ids, slugs, aliases), plus actors being written in the same batch. */
async function actorIndex (db: Database, extra: AnyRecord[] = []) {
  const rows = await db.select({ id: schema.actors.id, slug: schema.actors.slug, aliases: schema.actors.aliases }).from(schema.actors)
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const a of extra as Array<{ id: string, slug: string, aliases?: string[] }>) byId.set(a.id, { id: a.id, slug: a.slug, aliases: a.aliases ?? [] })
  const actors = [...byId.values()]
  // Canonical records name actors by id, which never changes: a slug can be renamed without touching the records
  // that refer to the actor (files may use slugs or aliases; they resolve to the same id).
  const slugOf = (id: string) => id
  return { index: new ActorIndex(actors), slugOf }
}

/** Records of several kinds written together; references between them (in any direction) are allowed. */
export type Batch = Partial<Record<WritableKind, AnyRecord[]>>

/** One record and what its writer expects of it. */
export interface BatchItem { kind: WritableKind, record: AnyRecord, expect?: Expectation }

const toRecords = (batch: Batch): Records =>
  ({ sources: [], actors: [], incidents: [], statements: [], tallies: [], ...batch }) as Records

/** Writes one record: a create (`{ absent: true }`), an edit at a version, or an upsert. */
export async function saveRecord (db: Database, kind: WritableKind, record: AnyRecord, context: WriteContext, expect?: Expectation): Promise<SaveResult> {
  const [result] = await saveBatch(db, [{ kind, record, expect }], context)
  return result!
}

/**
 * Creates or updates records in one batch. A record equal to the stored one is left alone (operation `none`, no
 * version bump). Throws InvalidRecord with every issue (paths prefixed by `/<position>` when the batch has more than
 * one record), RecordExists / VersionMismatch / RecordNotFound / RecordGone when an expectation fails.
 */
export async function saveBatch (db: Database, items: BatchItem[], context: WriteContext): Promise<SaveResult[]> {
  if (items.length === 0) return []
  const batch: Batch = {}
  for (const item of items) (batch[item.kind] ??= []).push(item.record)
  for (const [kind, records] of Object.entries(batch) as Array<[WritableKind, AnyRecord[]]>) {
    const seen = new Set<string>()
    let duplicate: string | undefined
    for (const { id } of records) {
      if (seen.has(id)) { duplicate = id; break }
      seen.add(id)
    }
    if (duplicate) throw new InvalidRecord(kind, [{ path: '/id', message: `"${duplicate}" is given twice in one batch` }])
  }

  const { index, slugOf } = await actorIndex(db, batch.actors ?? [])
  const batchIds = Object.fromEntries(Object.entries(batch).map(([k, rs]) => [k, new Set(rs.map((r) => r.id))]))
  const issues: RecordIssue[] = []
  const positions = new Map<WritableKind, Map<AnyRecord, number>>()
  items.forEach((item, position) => {
    const ofKind = positions.get(item.kind) ?? positions.set(item.kind, new Map()).get(item.kind)!
    if (!ofKind.has(item.record)) ofKind.set(item.record, position)
  })
  for (const [kind, records] of Object.entries(batch) as Array<[WritableKind, AnyRecord[]]>) {
    const problems = await checkReferences(db, kind, records, index, batchIds)
    problems.forEach((list, n) => {
      const position = positions.get(kind)!.get(records[n]!)!
      for (const issue of list) issues.push({ ...issue, path: items.length > 1 ? `/${position}${issue.path}` : issue.path })
    })
  }
  if (issues.length > 0) throw new InvalidRecord(items[0]!.kind, issues)

  // Lock the stored rows first: a concurrent edit of the same record waits here, then sees the new version.
  const versions = new Map<string, number>()
  const stored = new Map<WritableKind, RowIndex>()
  for (const kind of writableKinds) {
    const records = batch[kind]
    if (!records) continue
    const main = mainTables[kind]
    const locked = await db.select({ id: main.id, version: main.version }).from(main)
      .where(inArray(main.id, records.map((r) => r.id))).for('update')
    for (const row of locked) versions.set(`${kind}/${row.id}`, row.version)
    stored.set(kind, new RowIndex(await readRows(db, kind, locked.map((r) => r.id))))
  }
  for (const { kind, record, expect } of items) {
    const current = versions.get(`${kind}/${record.id}`)
    if (expect && 'absent' in expect && current !== undefined) throw new RecordExists(kind, record.id)
    if (expect && 'version' in expect) {
      if (current === undefined) {
        const last = await lastRevision(db, kind, record.id)
        if (last?.operation === 'delete') throw new RecordGone(kind, record.id, last.version)
        throw new RecordNotFound(kind, record.id)
      }
      if (current !== expect.version) throw new VersionMismatch(kind, record.id, expect.version, current)
    }
  }

  // A record created again after a delete continues its history: its versions go on from the delete's.
  const previous = new Map<string, number>()
  for (const kind of writableKinds) {
    const fresh = (batch[kind] ?? []).map((r) => r.id).filter((id) => !versions.has(`${kind}/${id}`))
    if (fresh.length === 0) continue
    const rows = await db.select({ id: schema.revisions.recordId, last: max(schema.revisions.version) }).from(schema.revisions)
      .where(and(eq(schema.revisions.resource, kind), inArray(schema.revisions.recordId, fresh))).groupBy(schema.revisions.recordId)
    for (const row of rows) previous.set(`${kind}/${row.id}`, Number(row.last))
  }

  const incoming = recordsToDataset(toRecords(batch), index)
  const incomingRows = new RowIndex(incoming)
  const results: SaveResult[] = []
  const changed: Change[] = []
  for (const { kind, record } of items) {
    const key = `${kind}/${record.id}`
    const before = versions.has(key) ? toRecord(kind, stored.get(kind)!, record.id, slugOf) : undefined
    const after = toRecord(kind, incomingRows, record.id, slugOf)!
    if (before && JSON.stringify(before) === JSON.stringify(after)) {
      results.push({ id: record.id, operation: 'none', version: versions.get(key)!, record: before })
      continue
    }
    const version = before ? versions.get(key)! + 1 : (previous.get(key) ?? 0) + 1
    results.push({ id: record.id, operation: before ? 'update' : 'create', version, record: after })
    changed.push({ kind, id: record.id, version, operation: before ? 'update' : 'create', before, after })
  }
  if (changed.length > 0) {
    // The statistics' summaries move with the incidents: what they added before the write, replaced by what they add after.
    const incidentIds = changed.filter((c) => c.kind === 'incidents').map((c) => c.id)
    const before = await contributionOf(db, incidentIds)
    await writeRows(db, incoming, changed)
    await applyContribution(db, before, await contributionOf(db, incidentIds))
    await recordChanges(db, changed, context.keyId)
  }
  return results
}

/**
 * Writes the rows of the changed records: first every record's own row with its new version (in kind order, so
 * each refers only to rows already there), then their parts, replaced.
 */
async function writeRows (db: Database, incoming: Dataset, changed: Change[]): Promise<void> {
  const versions = new Map(changed.map((c) => [`${c.kind}/${c.id}`, c.version]))
  const kinds = writableKinds.filter((k) => changed.some((c) => c.kind === k))
  for (const kind of kinds) {
    const spec = specs.find((s) => s.kind === kind && !s.owner)!
    const own = (incoming[spec.key] as Array<Record<string, unknown>>)
      .filter((r) => versions.has(`${kind}/${r.id as string}`))
      .map((r) => ({ ...r, version: versions.get(`${kind}/${r.id as string}`) }))
    // Actors may name each other as parents within one batch: parents first (a later batch may split them).
    const ordered = kind === 'actors' ? parentsFirst(own as unknown as Array<{ id: string, parentId?: string | null }>) : own
    await overwrite(db, spec.table, ordered, spec.target)
  }
  for (const kind of kinds) {
    const ids = changed.filter((c) => c.kind === kind).map((c) => c.id)
    const owners = new Set(ids)
    // Only records that were stored can have parts to remove (a part's owner is a non-null foreign key).
    const updated = changed.filter((c) => c.kind === kind && c.operation === 'update').map((c) => c.id)
    for (const spec of specs.filter((s) => s.kind === kind && s.owner)) {
      const ownerProperty = Object.entries(getTableColumns(spec.table)).find(([, c]) => c === spec.owner)![0]
      const parts = (incoming[spec.key] as Array<Record<string, unknown>>).filter((r) => owners.has(r[ownerProperty] as string))
      await prune(db, spec, updated, parts)
      await upsert(db, spec.table, parts, spec.target)
    }
  }
}

function parentsFirst<T extends { id: string, parentId?: string | null }> (rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]))
  const out: T[] = []
  const seen = new Set<string>()
  const visit = (row: T, depth: number) => {
    if (seen.has(row.id) || depth > rows.length) return
    const parent = row.parentId ? byId.get(row.parentId) : undefined
    if (parent) visit(parent, depth + 1)
    seen.add(row.id)
    out.push(row)
  }
  for (const row of rows) visit(row, 0)
  return out
}

/** The stored record, canonical; RecordGone or RecordNotFound when there is none. */
export async function readRecord (db: Database, kind: WritableKind, id: string): Promise<{ record: AnyRecord, version: number }> {
  const main = mainTables[kind]
  const [row] = await db.select({ version: main.version }).from(main).where(eq(main.id, id)).limit(1)
  if (!row) {
    const last = await lastRevision(db, kind, id)
    if (last?.operation === 'delete') throw new RecordGone(kind, id, last.version)
    throw new RecordNotFound(kind, id)
  }
  const { slugOf } = await actorIndex(db)
  const record = toRecord(kind, await readRows(db, kind, [id]), id, slugOf)!
  return { record, version: row.version }
}

/** Deletes a record at the expected version; its parts go with it. Other records that refer to it stop the delete. */
export async function deleteRecord (db: Database, kind: WritableKind, id: string, version: number, context: WriteContext): Promise<{ version: number }> {
  const main = mainTables[kind]
  const [row] = await db.select({ version: main.version }).from(main).where(eq(main.id, id)).for('update')
  if (!row) {
    const last = await lastRevision(db, kind, id)
    if (last?.operation === 'delete') throw new RecordGone(kind, id, last.version)
    throw new RecordNotFound(kind, id)
  }
  if (row.version !== version) throw new VersionMismatch(kind, id, version, row.version)
  const users = await referrers(db, kind, id)
  if (users.length > 0) throw new RecordInUse(kind, id, users.join(', '))
  const { slugOf } = await actorIndex(db)
  const before = toRecord(kind, await readRows(db, kind, [id]), id, slugOf)
  const counted = kind === 'incidents' ? await contributionOf(db, [id]) : undefined
  try {
    // A savepoint, so that a refused delete leaves the caller's transaction usable.
    await db.transaction(async (tx) => { await tx.delete(main).where(eq(main.id, id)) })
  } catch (err) {
    const code = (err as { code?: string, cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code
    if (code === '23503' || code === '23001') throw new RecordInUse(kind, id, constraintOf(err) ?? 'a foreign key')
    throw err
  }
  if (counted) await applyContribution(db, counted, { incidents: [], actors: [] })
  const next = row.version + 1
  await recordChanges(db, [{ kind, id, version: next, operation: 'delete', before, after: undefined }], context.keyId)
  return { version: next }
}

/**
 * Other records whose own data names this one (a statement listing an incident, an incident citing a statement):
 * deleting it would silently change them, so the delete is refused. Parts of the record itself go with it.
 */
async function referrers (db: Database, kind: WritableKind, id: string): Promise<string[]> {
  const found: string[] = []
  const check = async (label: string, table: PgTable, column: PgColumn, owner: PgColumn, self?: PgColumn) => {
    const rows = await db.selectDistinct({ owner }).from(table)
      .where(self ? and(eq(column, id), ne(self, id)) : eq(column, id)).limit(5) as Array<{ owner: string }>
    for (const row of rows) found.push(`${label} ${row.owner}`)
  }
  if (kind === 'incidents') {
    await check('statement', schema.statementIncidents, schema.statementIncidents.incidentId, schema.statementIncidents.statementId)
    await check('tally', schema.tallyIncidents, schema.tallyIncidents.incidentId, schema.tallyIncidents.tallyId)
    await check('incident', schema.incidentRelations, schema.incidentRelations.relatedIncidentId, schema.incidentRelations.incidentId, schema.incidentRelations.incidentId)
  }
  if (kind === 'statements') {
    await check('incident', schema.responsibilities, schema.responsibilities.statementId, schema.responsibilities.incidentId)
    await check('incident', schema.responsibilities, schema.responsibilities.challengeStatementId, schema.responsibilities.incidentId)
    await check('incident', schema.incidentFollowUps, schema.incidentFollowUps.statementId, schema.incidentFollowUps.incidentId)
    await check('actor', schema.actorEstimates, schema.actorEstimates.statementId, schema.actorEstimates.actorId)
  }
  if (kind === 'actors') {
    await check('actor', schema.actors, schema.actors.parentId, schema.actors.id, schema.actors.id)
  }
  return [...new Set(found)]
}

function constraintOf (err: unknown): string | undefined {
  const e = err as { constraint_name?: string, constraint?: string, cause?: { constraint_name?: string, constraint?: string } }
  return e.constraint_name ?? e.constraint ?? e.cause?.constraint_name ?? e.cause?.constraint
}

