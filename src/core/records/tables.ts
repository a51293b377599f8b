/** The tables that hold each kind of record, and set-based reads, upserts and prunes over them. */
import { and, getTableColumns, getTableName, inArray, Param, SQL, sql } from 'drizzle-orm'
import { PgArray, PgJson, PgJsonb, type PgColumn, type PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../../db/client.ts'
import * as schema from '../../db/schema.ts'
import type { Dataset } from '../../seed/types.ts'
import { emptyDataset } from '../../seed/to-rows.ts'

export type RecordKind = 'sources' | 'actors' | 'incidents' | 'statements' | 'tallies'

/** One table of the dataset: its conflict key and, for the parts of a record, the column naming the record. */
export interface TableSpec {
  /** The kind of record the rows belong to. */
  kind: RecordKind
  key: keyof Dataset
  table: PgTable
  target: PgColumn[]
  /** For parts of a record: the column of the owning record; rows of loaded owners not in the dataset are removed. */
  owner?: PgColumn
}

export const specs: TableSpec[] = [
  { kind: 'sources', key: 'sources', table: schema.sources, target: [schema.sources.id] },
  { kind: 'sources', key: 'sourceCitations', table: schema.sourceCitations, target: [schema.sourceCitations.sourceId, schema.sourceCitations.citedSourceId], owner: schema.sourceCitations.sourceId },
  { kind: 'actors', key: 'actors', table: schema.actors, target: [schema.actors.id] },
  { kind: 'statements', key: 'statements', table: schema.statements, target: [schema.statements.id] },
  { kind: 'actors', key: 'actorEstimates', table: schema.actorEstimates, target: [schema.actorEstimates.id], owner: schema.actorEstimates.actorId },
  { kind: 'incidents', key: 'incidents', table: schema.incidents, target: [schema.incidents.id] },
  { kind: 'incidents', key: 'incidentReports', table: schema.incidentReports, target: [schema.incidentReports.id], owner: schema.incidentReports.incidentId },
  {
    kind: 'incidents',
    key: 'casualtyBreakdowns',
    table: schema.casualtyBreakdowns,
    target: [schema.casualtyBreakdowns.incidentId, schema.casualtyBreakdowns.outcome, schema.casualtyBreakdowns.victimGroup, schema.casualtyBreakdowns.sourceId],
    owner: schema.casualtyBreakdowns.incidentId
  },
  { kind: 'incidents', key: 'noClaimReports', table: schema.noClaimReports, target: [schema.noClaimReports.incidentId, schema.noClaimReports.sourceId], owner: schema.noClaimReports.incidentId },
  { kind: 'incidents', key: 'incidentParticipants', table: schema.incidentParticipants, target: [schema.incidentParticipants.id], owner: schema.incidentParticipants.incidentId },
  { kind: 'incidents', key: 'incidentFollowUps', table: schema.incidentFollowUps, target: [schema.incidentFollowUps.id], owner: schema.incidentFollowUps.incidentId },
  {
    kind: 'incidents',
    key: 'incidentRelations',
    table: schema.incidentRelations,
    target: [schema.incidentRelations.incidentId, schema.incidentRelations.relatedIncidentId, schema.incidentRelations.kind],
    owner: schema.incidentRelations.incidentId
  },
  { kind: 'statements', key: 'statementIncidents', table: schema.statementIncidents, target: [schema.statementIncidents.statementId, schema.statementIncidents.incidentId], owner: schema.statementIncidents.statementId },
  { kind: 'statements', key: 'statementSources', table: schema.statementSources, target: [schema.statementSources.statementId, schema.statementSources.sourceId], owner: schema.statementSources.statementId },
  { kind: 'incidents', key: 'responsibilities', table: schema.responsibilities, target: [schema.responsibilities.id], owner: schema.responsibilities.incidentId },
  { kind: 'tallies', key: 'tallies', table: schema.tallies, target: [schema.tallies.id] },
  { kind: 'tallies', key: 'tallyBreakdowns', table: schema.tallyBreakdowns, target: [schema.tallyBreakdowns.tallyId, schema.tallyBreakdowns.outcome, schema.tallyBreakdowns.victimGroup], owner: schema.tallyBreakdowns.tallyId },
  { kind: 'tallies', key: 'tallyIncidents', table: schema.tallyIncidents, target: [schema.tallyIncidents.tallyId, schema.tallyIncidents.incidentId], owner: schema.tallyIncidents.tallyId }
]

/** Which top-level records own each part table's rows (the dataset's own ids, so parts of other records are left alone). */
export function ownerIds (dataset: Dataset, spec: TableSpec): string[] {
  const column = spec.owner!
  if (column === schema.sourceCitations.sourceId) return dataset.sources.map((r) => r.id)
  if (column === schema.actorEstimates.actorId) return dataset.actors.map((r) => r.id)
  if (column === schema.statementIncidents.statementId || column === schema.statementSources.statementId) return dataset.statements.map((r) => r.id)
  if (column === schema.tallyBreakdowns.tallyId || column === schema.tallyIncidents.tallyId) return dataset.tallies.map((r) => r.id)
  return dataset.incidents.map((r) => r.id)
}

const BATCH = 500

/** Deletes rows owned by `owners` whose key is not among `rows`. */
export async function prune (db: Database, spec: TableSpec, owners: string[], rows: object[]): Promise<number> {
  if (owners.length === 0) return 0
  const columns = getTableColumns(spec.table)
  const keyOf = (values: unknown[]) => JSON.stringify(values)
  const propertyOf = (col: PgColumn) => Object.entries(columns).find(([, c]) => c === col)![0]
  const keyProps = spec.target.map(propertyOf)
  const keep = new Set(rows.map((r) => keyOf(keyProps.map((p) => (r as Record<string, unknown>)[p]))))
  const selection = Object.fromEntries(keyProps.map((p, i) => [p, spec.target[i]!]))
  const existing = await db.select(selection).from(spec.table).where(inArray(spec.owner!, owners)) as Array<Record<string, unknown>>
  const stale = existing.filter((r) => !keep.has(keyOf(keyProps.map((p) => r[p]))))
  for (const row of stale) {
    await db.delete(spec.table).where(and(...spec.target.map((col, i) => sql`${col} = ${row[keyProps[i]!]}`)))
  }
  return stale.length
}

export async function upsert (db: Database, table: PgTable, rows: object[], target: PgColumn[]): Promise<number> {
  const columns = Object.entries(getTableColumns(table))
  const updatable = columns.filter(([key, col]) => !target.includes(col) && !['createdAt', 'updatedAt', 'version'].includes(key))
  let written = 0
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH)
    const set: Record<string, SQL> = {}
    for (const [key, col] of updatable) set[key] = sql.raw(`excluded.${quote(col.name)}`)
    if (columns.some(([key]) => key === 'updatedAt')) set.updatedAt = sql`now()`
    if (columns.some(([key]) => key === 'version')) set.version = sql.raw(`${quote(getTableName(table))}."version" + 1`)
    const current = sql.join(updatable.map(([, col]) => sql`${col}`), sql`, `)
    const incoming = sql.join(updatable.map(([, col]) => sql.raw(`excluded.${quote(col.name)}`)), sql`, `)
    const fast = insertFromJson(table, batch)
    if (fast) {
      const conflict = updatable.length === 0
        ? sql`on conflict do nothing`
        : sql`on conflict (${columnList(target)}) do update set ${assignments(table, set)} where (${current}) is distinct from (${incoming})`
      written += await countRows(db, sql`with written as (${fast} ${conflict} returning 1) select count(*)::int as n from written`)
      continue
    }
    // Drizzle's generic insert types cannot follow a table chosen at run time.
    const insert = db.insert(table).values(batch as never)
    if (updatable.length === 0) {
      written += (await insert.onConflictDoNothing().returning()).length
      continue
    }
    const result = await insert
      .onConflictDoUpdate({ target, set, setWhere: sql`(${current}) is distinct from (${incoming})` })
      .returning()
    written += result.length
  }
  return written
}

/**
 * `insert into t (columns) select columns from json_to_recordset($1) as x(column type, ...)`: every row in one json
 * parameter. Drizzle's builder costs microseconds per value and its SQL text grows with the rows, which makes it
 * the hot spot of a bulk import; this statement is the same for any number of rows. JSON columns travel as text and
 * are parsed once, by the cast. Null when the rows are not plain values given alike (a column set in some rows and
 * left to its default in others, SQL expressions), or the table has defaults computed in JS or enums in another
 * schema: then Drizzle's builder writes them.
 */
function insertFromJson (table: PgTable, rows: object[]): SQL | null {
  const columns = Object.entries(getTableColumns(table))
  if (rows.length === 0) return null
  if (columns.some(([, col]) => col.defaultFn !== undefined || col.onUpdateFn !== undefined || (col as { enum?: { schema?: string } }).enum?.schema)) return null
  const keys = new Set(columns.map(([key]) => key))
  const given = columns.filter(([key]) => (rows[0] as Record<string, unknown>)[key] !== undefined)
  const isJson = given.map(([, col]) => col instanceof PgJsonb || col instanceof PgJson)
  const json: Array<Record<string, unknown>> = []
  for (const row of rows as Array<Record<string, unknown>>) {
    const out: Record<string, unknown> = {}
    let n = 0
    for (const key in row) if (row[key] !== undefined && keys.has(key)) n++
    if (n !== given.length) return null
    for (let i = 0; i < given.length; i++) {
      const [key, col] = given[i]!
      const value = row[key]
      if (value === undefined || value instanceof SQL || value instanceof Param) return null
      out[col.name] = value === null || col instanceof PgArray ? value : col.mapToDriverValue(value)
    }
    json.push(out)
  }
  const list = columnList(given.map(([, col]) => col))
  const selected = sql.join(given.map(([, col], i) => isJson[i] ? sql`${sql.identifier(col.name)}::${sql.raw(col.getSQLType())}` : sql.identifier(col.name)), sql`, `)
  const types = sql.join(given.map(([, col], i) => sql`${sql.identifier(col.name)} ${sql.raw(isJson[i] ? 'text' : col.getSQLType())}`), sql`, `)
  return sql`insert into ${table} (${list}) select ${selected} from json_to_recordset(${JSON.stringify(json)}::json) as incoming(${types})`
}

const columnList = (columns: PgColumn[]) => sql.join(columns.map((col) => sql.identifier(col.name)), sql`, `)

function assignments (table: PgTable, set: Record<string, SQL>): SQL {
  const columns = getTableColumns(table)
  return sql.join(Object.entries(set).map(([key, value]) => sql`${sql.identifier(columns[key]!.name)} = ${value}`), sql`, `)
}

/** The `n` of a `select count(*) as n`, whichever driver ran it (postgres.js gives rows, PGlite `{ rows }`). */
async function countRows (db: Database, query: SQL): Promise<number> {
  const result = await db.execute(query) as unknown as Array<{ n: number }> | { rows: Array<{ n: number }> }
  const rows = Array.isArray(result) ? result : result.rows
  return Number(rows[0]?.n ?? 0)
}

function quote (identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`
}


/** Every row of these records of one kind: the records' own rows and their parts. */
export async function readRows (db: Database, kind: RecordKind, ids: string[]): Promise<Dataset> {
  const dataset = emptyDataset()
  if (ids.length === 0) return dataset
  for (const spec of specs.filter((s) => s.kind === kind)) {
    const column = spec.owner ?? spec.target[0]!
    ;(dataset[spec.key] as object[]) = await db.select().from(spec.table).where(inArray(column, ids)) as object[]
  }
  return dataset
}

/** Inserts rows (in batches, as one statement each when the rows allow it). */
export async function insertRows (db: Database, table: PgTable, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH)
    const fast = insertFromJson(table, batch)
    if (fast) await db.execute(fast)
    else await db.insert(table).values(batch as never)
  }
}

/** Inserts rows or overwrites the stored ones, whatever they hold (for rows known to have changed), in batches. */
export async function overwrite (db: Database, table: PgTable, rows: object[], target: PgColumn[]): Promise<void> {
  const columns = Object.entries(getTableColumns(table))
  const set: Record<string, SQL> = {}
  for (const [key, col] of columns) {
    if (target.includes(col) || key === 'createdAt') continue
    set[key] = key === 'updatedAt' ? sql`now()` : sql.raw(`excluded.${quote(col.name)}`)
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH)
    const fast = insertFromJson(table, batch)
    if (fast) await db.execute(sql`${fast} on conflict (${columnList(target)}) do update set ${assignments(table, set)}`)
    else await db.insert(table).values(batch as never).onConflictDoUpdate({ target, set })
  }
}
