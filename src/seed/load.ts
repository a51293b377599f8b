/** Idempotent loader: upserts the curated dataset and the province reference data in one transaction. */
import { and, getTableColumns, getTableName, inArray, sql, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../db/client.ts'
import * as schema from '../db/schema.ts'
import { provinces } from '../domain/provinces.ts'
import type { ActorRow, Dataset } from './types.ts'

export type LoadReport = Record<keyof Dataset | 'provinces', number> & {
  /** Rows of a loaded record's parts (reports, responsibility, links) that its file no longer lists, and were removed. */
  removed: number
}

/** One table of the dataset: its conflict key and, for the parts of a record, the column naming the record. */
interface TableSpec {
  key: keyof Dataset
  table: PgTable
  target: PgColumn[]
  /** For parts of a record: the column of the owning record; rows of loaded owners not in the dataset are removed. */
  owner?: PgColumn
}

const specs: TableSpec[] = [
  { key: 'sources', table: schema.sources, target: [schema.sources.id] },
  { key: 'sourceCitations', table: schema.sourceCitations, target: [schema.sourceCitations.sourceId, schema.sourceCitations.citedSourceId], owner: schema.sourceCitations.sourceId },
  { key: 'actors', table: schema.actors, target: [schema.actors.id] },
  { key: 'statements', table: schema.statements, target: [schema.statements.id] },
  { key: 'actorEstimates', table: schema.actorEstimates, target: [schema.actorEstimates.id], owner: schema.actorEstimates.actorId },
  { key: 'incidents', table: schema.incidents, target: [schema.incidents.id] },
  { key: 'incidentReports', table: schema.incidentReports, target: [schema.incidentReports.id], owner: schema.incidentReports.incidentId },
  {
    key: 'casualtyBreakdowns',
    table: schema.casualtyBreakdowns,
    target: [schema.casualtyBreakdowns.incidentId, schema.casualtyBreakdowns.outcome, schema.casualtyBreakdowns.victimGroup, schema.casualtyBreakdowns.sourceId],
    owner: schema.casualtyBreakdowns.incidentId
  },
  { key: 'noClaimReports', table: schema.noClaimReports, target: [schema.noClaimReports.incidentId, schema.noClaimReports.sourceId], owner: schema.noClaimReports.incidentId },
  { key: 'incidentParticipants', table: schema.incidentParticipants, target: [schema.incidentParticipants.id], owner: schema.incidentParticipants.incidentId },
  { key: 'incidentFollowUps', table: schema.incidentFollowUps, target: [schema.incidentFollowUps.id], owner: schema.incidentFollowUps.incidentId },
  {
    key: 'incidentRelations',
    table: schema.incidentRelations,
    target: [schema.incidentRelations.incidentId, schema.incidentRelations.relatedIncidentId, schema.incidentRelations.kind],
    owner: schema.incidentRelations.incidentId
  },
  { key: 'statementIncidents', table: schema.statementIncidents, target: [schema.statementIncidents.statementId, schema.statementIncidents.incidentId], owner: schema.statementIncidents.statementId },
  { key: 'statementSources', table: schema.statementSources, target: [schema.statementSources.statementId, schema.statementSources.sourceId], owner: schema.statementSources.statementId },
  { key: 'responsibilities', table: schema.responsibilities, target: [schema.responsibilities.id], owner: schema.responsibilities.incidentId },
  { key: 'tallies', table: schema.tallies, target: [schema.tallies.id] },
  { key: 'tallyBreakdowns', table: schema.tallyBreakdowns, target: [schema.tallyBreakdowns.tallyId, schema.tallyBreakdowns.outcome, schema.tallyBreakdowns.victimGroup], owner: schema.tallyBreakdowns.tallyId },
  { key: 'tallyIncidents', table: schema.tallyIncidents, target: [schema.tallyIncidents.tallyId, schema.tallyIncidents.incidentId], owner: schema.tallyIncidents.tallyId }
]

/** Which top-level records own each part table's rows (the dataset's own ids, so parts of other records are left alone). */
function ownerIds (dataset: Dataset, spec: TableSpec): string[] {
  const column = spec.owner!
  if (column === schema.sourceCitations.sourceId) return dataset.sources.map((r) => r.id)
  if (column === schema.actorEstimates.actorId) return dataset.actors.map((r) => r.id)
  if (column === schema.statementIncidents.statementId || column === schema.statementSources.statementId) return dataset.statements.map((r) => r.id)
  if (column === schema.tallyBreakdowns.tallyId || column === schema.tallyIncidents.tallyId) return dataset.tallies.map((r) => r.id)
  return dataset.incidents.map((r) => r.id)
}

/**
 * Inserts rows that are missing and updates rows whose values differ; identical rows are left untouched (their
 * updated_at too), so running it twice changes nothing. Parts of a loaded record that its file no longer lists
 * are removed. Returns rows written per table.
 */
export async function loadDataset (db: Database, dataset: Dataset): Promise<LoadReport> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database
    const report = { provinces: await upsert(t, schema.provinces, provinces.map((p) => ({ ...p })), [schema.provinces.code]) } as LoadReport
    // Parts first removed (children before parents would matter only for records, which are never removed).
    report.removed = 0
    for (const spec of specs) {
      if (spec.owner) report.removed += await prune(t, spec, ownerIds(dataset, spec), dataset[spec.key] as object[])
    }
    for (const spec of specs) {
      const rows = spec.key === 'actors' ? parentsFirst(dataset.actors) : dataset[spec.key] as object[]
      report[spec.key] = await upsert(t, spec.table, rows, spec.target)
    }
    return report
  })
}

const BATCH = 500

/** Deletes rows owned by `owners` whose key is not among `rows`. */
async function prune (db: Database, spec: TableSpec, owners: string[], rows: object[]): Promise<number> {
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

async function upsert (db: Database, table: PgTable, rows: object[], target: PgColumn[]): Promise<number> {
  const columns = Object.entries(getTableColumns(table))
  const updatable = columns.filter(([key, col]) => !target.includes(col) && !['createdAt', 'updatedAt', 'version'].includes(key))
  let written = 0
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH)
    // Drizzle's generic insert types cannot follow a table chosen at run time.
    const insert = db.insert(table).values(batch as never)
    if (updatable.length === 0) {
      written += (await insert.onConflictDoNothing().returning()).length
      continue
    }
    const set: Record<string, SQL> = {}
    for (const [key, col] of updatable) set[key] = sql.raw(`excluded.${quote(col.name)}`)
    if (columns.some(([key]) => key === 'updatedAt')) set.updatedAt = sql`now()`
    if (columns.some(([key]) => key === 'version')) set.version = sql.raw(`${quote(getTableName(table))}."version" + 1`)
    const current = sql.join(updatable.map(([, col]) => sql`${col}`), sql`, `)
    const incoming = sql.join(updatable.map(([, col]) => sql.raw(`excluded.${quote(col.name)}`)), sql`, `)
    const result = await insert
      .onConflictDoUpdate({ target, set, setWhere: sql`(${current}) is distinct from (${incoming})` })
      .returning()
    written += result.length
  }
  return written
}

function quote (identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`
}

/** Orders actors so that each parent is written before its members. */
function parentsFirst (actors: ActorRow[]): ActorRow[] {
  const byId = new Map(actors.map((a) => [a.id, a]))
  const ordered: ActorRow[] = []
  const seen = new Set<string>()
  const visit = (actor: ActorRow, path: Set<string>) => {
    if (seen.has(actor.id)) return
    if (path.has(actor.id)) throw new Error(`actor parent cycle at ${actor.id}`)
    path.add(actor.id)
    const parent = actor.parentId ? byId.get(actor.parentId) : undefined
    if (parent) visit(parent, path)
    seen.add(actor.id)
    ordered.push(actor)
  }
  for (const actor of actors) visit(actor, new Set())
  return ordered
}
