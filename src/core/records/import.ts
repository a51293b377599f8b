/**
 * Bulk import: rows of records (from an NDJSON file or a folder of record files) checked against the record format
 * and written through the one write path in batches, one transaction per batch. Every bad row is reported with its
 * position and reasons, and the import goes on; a record equal to the stored one is left alone, so a second run of
 * the same input changes nothing.
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { isNode, type Document, type LineCounter } from 'yaml'
import type { Database } from '../../db/client.ts'
import * as schema from '../../db/schema.ts'
import { ActorIndex } from '../../domain/actor-index.ts'
import { provinces } from '../../domain/provinces.ts'
import { recordSchemas } from '../../schemas/input/index.ts'
import { readRecordFiles } from '../../seed/records.ts'
import { InvalidRecord, type RecordIssue } from './errors.ts'
import { upsert } from './tables.ts'
import { writableKinds, type AnyRecord, type WritableKind } from './to-record.ts'
import { saveBatch, type SaveResult } from './write.ts'

/** One row of input: a record of a kind, or a row that could not be read (bad JSON, a YAML syntax error). */
export type ImportRow =
  | {
    /** Where the row is, for messages, naming it alone: `line 12`, or a file path. */
    position: string
    kind: string
    record: unknown
    /** The line of a JSON pointer inside the row, when the input knows it (record files do). */
    lineOf?: (pointer: string) => number | null
  }
  | { position: string, problems: Array<{ reason: string, line?: number | null }> }

export interface Rejection {
  /** The row's position as the input gives it (`line 12`, `src/seed/data/incidents/inc_x.yaml`). */
  position: string
  /** The line inside a record file the reason points at, when known. */
  line?: number
  /** `/reports/0/source names no source ("src_x")`, or what stopped the row. */
  reason: string
}

export interface ImportReport {
  /** Rows read, blank lines not counted. */
  read: number
  created: number
  updated: number
  unchanged: number
  /** Every reason a row was rejected for, in input order; a row may have several. */
  rejected: Rejection[]
}

export interface ImportProgress {
  read: number
  /** Rows settled so far: written (created, updated or unchanged) or rejected. */
  done: number
  rejected: number
}

export interface ImportOptions {
  /** Records per write transaction (1000). */
  batchSize?: number
  /** The API key the changes are recorded under; null for an operator's import. */
  keyId?: string | null
  /** Called after every batch and once at the end. */
  onProgress?: (progress: ImportProgress) => void
  /**
   * Batches written at the same time, each in its own transaction on its own connection (1). Two keep both the
   * database and this process busy; it needs a pool of that many connections (postgres.js; PGlite has one).
   */
  concurrency?: number
}

/** `line 12: /reports/0/source names no source ("src_x")`. */
export function formatRejection (r: Rejection): string {
  return `${r.position}${r.line ? `:${r.line}` : ''}: ${r.reason}`
}

/** How many rows were rejected (a row with several reasons counts once). */
export function rejectedRows (report: ImportReport): number {
  return new Set(report.rejected.map((r) => r.position)).size
}

interface Item {
  ordinal: number
  position: string
  kind: WritableKind
  record: AnyRecord
  lineOf?: (pointer: string) => number | null
}

/** A record held back because it names records not written yet; retried once the whole input is read. */
interface Deferred { item: Item, issues: RecordIssue[] }

let validators: Map<string, ValidateFunction> | undefined

/** One Ajv validator per kind, compiled once from the TypeBox input schemas (as the data check does). */
function validatorFor (kind: WritableKind): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false })
    addFormats.default(ajv)
    validators = new Map(Object.entries(recordSchemas).map(([k, s]) => [k, ajv.compile(s)]))
  }
  return validators.get(kind)!
}

/** The schema's errors as issues, one per path and message (anyOf branches of nullable fields repeat themselves). */
function schemaIssues (errors: ErrorObject[]): RecordIssue[] {
  const issues: RecordIssue[] = []
  const seen = new Set<string>()
  for (const e of errors) {
    if (e.keyword === 'anyOf' || (e.keyword === 'type' && seen.has(e.instancePath))) continue
    const issue = e.keyword === 'additionalProperties'
      ? { path: `${e.instancePath}/${String(e.params.additionalProperty)}`, message: 'is not a field of this record' }
      : e.keyword === 'required'
        ? { path: `${e.instancePath}/${String(e.params.missingProperty)}`, message: 'is required' }
        : e.keyword === 'enum'
          ? { path: e.instancePath, message: `must be one of: ${(e.params.allowedValues as string[]).join(', ')}` }
          : { path: e.instancePath, message: e.message ?? 'is invalid' }
    if (seen.has(`${issue.path} ${issue.message}`)) continue
    seen.add(`${issue.path} ${issue.message}`)
    seen.add(e.instancePath)
    issues.push(issue)
  }
  return issues
}

/** A reference to a record that may yet come later in the input: `names no incident ("inc_x")`. */
const dangling = /^names no (source|incident|statement|actor) \("/

const keyOf = (item: { kind: string, record: AnyRecord }) => `${item.kind}/${item.record.id}`

/** The message of a database error, not Drizzle's wrapper (which repeats the whole query and its parameters). */
function databaseMessage (error: unknown): string {
  const e = error as { message?: string, cause?: { message?: string, detail?: string } }
  const message = e.cause?.message ?? e.message ?? String(error)
  return message.split('\n')[0]!
}

/**
 * Imports rows through saveBatch, `batchSize` records per transaction. A row is checked against the JSON Schema of
 * its kind first, and an id may come once per kind in one input. A record that names records later in the input (in
 * another batch) is held back and retried once the input is read, together with the records it names, so references
 * may run in any direction; ordering the kinds could not do that, as statements and incidents name each other. When
 * saveBatch rejects records of a batch, exactly those are rejected and the rest of the batch is written; when the
 * database refuses a batch, its records are written one by one, each in a savepoint, so only the bad ones are rejected.
 */
export async function importRecords (db: Database, rows: AsyncIterable<ImportRow> | Iterable<ImportRow>, options: ImportOptions = {}): Promise<ImportReport> {
  const batchSize = Math.max(1, options.batchSize ?? 1000)
  const context = { keyId: options.keyId ?? null }
  const report: ImportReport = { read: 0, created: 0, updated: 0, unchanged: 0, rejected: [] }
  const rejections: Array<Rejection & { ordinal: number }> = []
  const rejectedOrdinals = new Set<number>()
  let deferred: Deferred[] = []
  /** Every record id met so far, by kind, with the row that gave it: an id is given once per import. */
  const seen = new Map<string, string>()
  const progress = () => options.onProgress?.({
    read: report.read,
    done: report.created + report.updated + report.unchanged + rejectedOrdinals.size,
    rejected: rejectedOrdinals.size
  })

  const reject = (ordinal: number, position: string, reason: string, line?: number | null) => {
    rejections.push({ ordinal, position, reason, ...(line ? { line } : {}) })
    rejectedOrdinals.add(ordinal)
  }
  const rejectIssues = (item: Item, issues: RecordIssue[]) => {
    for (const issue of issues) reject(item.ordinal, item.position, `${issue.path || '/'} ${issue.message}`, item.lineOf?.(issue.path))
  }
  /**
   * A record that names something not written yet is held back, whatever else is wrong with it: that may be in a
   * later row (or, with concurrency, in a batch not yet committed), and its reasons are given from its last try.
   * A record refused for other reasons only is rejected at once.
   */
  const settle = (item: Item, issues: RecordIssue[]) => {
    if (issues.some((i) => dangling.test(i.message))) {
      deferred.push({ item, issues })
    } else {
      rejectIssues(item, issues)
    }
  }
  const count = (results: SaveResult[]) => {
    for (const r of results) {
      if (r.operation === 'create') report.created++
      else if (r.operation === 'update') report.updated++
      else report.unchanged++
    }
  }

  /** Writes one batch; returns how many records were written. */
  async function writeBatch (items: Item[]): Promise<number> {
    let rest = items
    while (rest.length > 0) {
      try {
        const batch = rest
        const results = await db.transaction((tx) => saveBatch(tx as unknown as Database, batch.map(({ kind, record }) => ({ kind, record })), context))
        count(results)
        return results.length
      } catch (error) {
        if (!(error instanceof InvalidRecord)) return writeOneByOne(rest)
        const named = issuesByPosition(error.issues, rest.length)
        if (named.size === 0) return writeOneByOne(rest)
        for (const [n, issues] of named) settle(rest[n]!, issues)
        rest = rest.filter((_, n) => !named.has(n))
      }
    }
    return 0
  }

  /** The batch again, a savepoint per record, in one transaction: the database names the bad ones. */
  async function writeOneByOne (items: Item[]): Promise<number> {
    const results: SaveResult[] = []
    const refused: Array<[Item, RecordIssue[] | string]> = []
    await db.transaction(async (tx) => {
      for (const item of items) {
        try {
          results.push(...await tx.transaction((sp) => saveBatch(sp as unknown as Database, [{ kind: item.kind, record: item.record }], context)))
        } catch (error) {
          refused.push([item, error instanceof InvalidRecord ? error.issues : databaseMessage(error)])
        }
      }
    })
    count(results)
    for (const [item, problem] of refused) {
      if (typeof problem === 'string') reject(item.ordinal, item.position, problem)
      else settle(item, problem)
    }
    return results.length
  }

  // Reference data the records name (provinces), as the dataset loader writes it.
  await db.transaction((tx) => upsert(tx as unknown as Database, schema.provinces, provinces.map((p) => ({ ...p })), [schema.provinces.code]))

  // Batches in flight. A record naming one in a batch not yet committed does not see it, and is held back like a
  // record naming a later one; ids are unique within an import, so two batches never write the same record.
  const concurrency = Math.max(1, options.concurrency ?? 1)
  const inFlight = new Set<Promise<void>>()
  let failure: { error: unknown } | undefined
  let pending: Item[] = []
  const flush = async () => {
    if (pending.length === 0) return
    const batch = pending
    pending = []
    const write: Promise<void> = writeBatch(batch)
      .then(progress, (error: unknown) => { failure ??= { error } })
      .finally(() => inFlight.delete(write))
    inFlight.add(write)
    if (inFlight.size >= concurrency) await Promise.race(inFlight)
    if (failure) throw failure.error
  }

  try {
    for await (const row of rows) {
      const ordinal = report.read++
      if ('problems' in row) {
        for (const p of row.problems) reject(ordinal, row.position, p.reason, p.line)
        continue
      }
      if (!(writableKinds as readonly string[]).includes(row.kind)) {
        reject(ordinal, row.position, `"${row.kind}" is not a kind of record: use ${writableKinds.join(', ')}`)
        continue
      }
      const item: Item = { ordinal, position: row.position, kind: row.kind as WritableKind, record: row.record as AnyRecord, lineOf: row.lineOf }
      const validate = validatorFor(item.kind)
      if (!validate(row.record)) {
        rejectIssues(item, schemaIssues(validate.errors ?? []))
        continue
      }
      // Like the files of the dataset, an import is a set of records, not a log of edits: a second row with the same
      // id is an error (which one should win?), and only that way can a second run of the same input change nothing.
      const first = seen.get(keyOf(item))
      if (first !== undefined) {
        reject(ordinal, row.position, `/id "${item.record.id}" is also the id of ${first}`, row.lineOf?.('/id'))
        continue
      }
      seen.set(keyOf(item), row.position)
      pending.push(item)
      if (pending.length >= batchSize) await flush()
    }
    await flush()
  } finally {
    await Promise.allSettled(inFlight)
  }
  if (failure) throw failure.error

  // Records held back: retried with the records they name in the same batch, until a round writes nothing more.
  while (deferred.length > 0) {
    const round = deferred
    deferred = []
    let written = 0
    for (const batch of packTogether(round.map((d) => d.item), batchSize)) {
      written += await writeBatch(batch)
      progress()
    }
    if (written === 0) break
  }
  for (const { item, issues } of deferred) rejectIssues(item, issues)
  progress()

  rejections.sort((a, b) => a.ordinal - b.ordinal)
  report.rejected = rejections.map(({ ordinal: _, ...r }) => r)
  return report
}

/** Issues by the position of their record in the batch (the first path segment when the batch has several). */
function issuesByPosition (issues: RecordIssue[], size: number): Map<number, RecordIssue[]> {
  const named = new Map<number, RecordIssue[]>()
  for (const issue of issues) {
    let n = 0
    let path = issue.path
    if (size > 1) {
      const match = /^\/(\d+)(\/.*)?$/.exec(issue.path)
      if (!match || Number(match[1]) >= size) return new Map()
      n = Number(match[1])
      path = match[2] ?? ''
    }
    const list = named.get(n) ?? []
    list.push({ path, message: issue.message })
    named.set(n, list)
  }
  return named
}

/**
 * Batches of held-back records in which a record and the held-back records it names are never split (unless such a
 * group alone is larger than a batch), so that records naming each other are written together. What a record names
 * is read from the record itself (any string in it that is the id of a held-back record, or an actor key of one),
 * not from the reasons it was held back for, which need not name them all.
 */
function packTogether (items: Item[], batchSize: number): Item[][] {
  const parent = items.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const byKey = new Map(items.map((item, i) => [keyOf(item), i]))
  const actors = new ActorIndex(items.filter((i) => i.kind === 'actors').map((i) => i.record as { id: string, slug: string, aliases?: string[] }))
  items.forEach((item, i) => {
    for (const value of strings(item.record)) {
      const actor = actors.resolve(value)
      for (const key of [`sources/${value}`, `incidents/${value}`, `statements/${value}`, actor === undefined ? '' : `actors/${actor}`]) {
        const other = byKey.get(key)
        if (other !== undefined) parent[find(i)] = find(other)
      }
    }
  })

  const groups = new Map<number, Item[]>()
  items.forEach((item, i) => {
    const root = find(i)
    const group = groups.get(root)
    if (group) group.push(item)
    else groups.set(root, [item])
  })
  const batches: Item[][] = []
  let current: Item[] = []
  for (const group of groups.values()) {
    if (current.length > 0 && current.length + group.length > batchSize) {
      batches.push(current)
      current = []
    }
    current.push(...group)
  }
  if (current.length > 0) batches.push(current)
  return batches
}

/** Every string value inside a record (its own id included: it names itself, which joins nothing). */
function * strings (value: unknown): Generator<string> {
  if (typeof value === 'string') yield value
  else if (Array.isArray(value)) for (const v of value) yield * strings(v)
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) yield * strings(v)
}

/** The rows of an NDJSON file: `{"kind": "incidents", "record": {...}}` a line; blank lines skipped. */
export async function * ndjsonRows (path: string): AsyncGenerator<ImportRow> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })
  let number = 0
  for await (const line of lines) {
    number++
    if (line.trim() === '') continue
    const position = `line ${number}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      yield { position, problems: [{ reason: `not JSON: ${(error as Error).message}` }] }
      continue
    }
    const row = value as { kind?: unknown, record?: unknown }
    if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof row.kind !== 'string' || typeof row.record !== 'object' || row.record === null || Array.isArray(row.record)) {
      yield { position, problems: [{ reason: 'expected {"kind": "<kind>", "record": {...}}' }] }
      continue
    }
    const extra = Object.keys(row).filter((k) => k !== 'kind' && k !== 'record')
    if (extra.length > 0) {
      yield { position, problems: [{ reason: `unexpected field${extra.length > 1 ? 's' : ''} ${extra.map((k) => JSON.stringify(k)).join(', ')}: a row is {"kind": "<kind>", "record": {...}}` }] }
      continue
    }
    yield { position, kind: row.kind, record: row.record }
  }
}

/** The rows of a folder laid out like src/seed/data (`<kind>/<id>.yaml`), positions being file paths. */
export function * directoryRows (dir: string): Generator<ImportRow> {
  for (const file of readRecordFiles(dir)) {
    if (file.document.errors.length > 0) {
      yield { position: file.path, problems: file.document.errors.map((e) => ({ reason: `YAML: ${e.message.split('\n')[0]}`, line: e.linePos?.[0]?.line ?? null })) }
      continue
    }
    yield { position: file.path, kind: file.kind, record: file.value, lineOf: (pointer) => lineOf(file.document, file.lineCounter, pointer) }
  }
}

function lineOf (document: Document, lineCounter: LineCounter, pointer: string): number | null {
  const keys = pointer.split('/').slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k.replaceAll('~1', '/').replaceAll('~0', '~')))
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? document.contents : document.getIn(keys.slice(0, n), true)
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line
  }
  return null
}
