/** Idempotent loader: upserts the curated dataset and the province reference data in one transaction. */
import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../db/client.ts'
import * as schema from '../db/schema.ts'
import { provinces } from '../domain/provinces.ts'
import type { ActorRow, Dataset } from './types.ts'

export type LoadReport = Record<keyof Dataset | 'provinces', number>

/**
 * Inserts rows that are missing and updates rows whose values differ; identical rows are left
 * untouched (their updated_at too), so running it twice changes nothing. Returns rows written per table.
 */
export async function loadDataset (db: Database, dataset: Dataset): Promise<LoadReport> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database
    return {
      provinces: await upsert(t, schema.provinces, provinces.map((p) => ({ ...p })), [schema.provinces.code]),
      sources: await upsert(t, schema.sources, dataset.sources, [schema.sources.id]),
      sourceCitations: await upsert(t, schema.sourceCitations, dataset.sourceCitations,
        [schema.sourceCitations.sourceId, schema.sourceCitations.citedSourceId]),
      actors: await upsert(t, schema.actors, parentsFirst(dataset.actors), [schema.actors.id]),
      incidents: await upsert(t, schema.incidents, dataset.incidents, [schema.incidents.id]),
      incidentReports: await upsert(t, schema.incidentReports, dataset.incidentReports, [schema.incidentReports.id]),
      casualtyBreakdowns: await upsert(t, schema.casualtyBreakdowns, dataset.casualtyBreakdowns, [
        schema.casualtyBreakdowns.incidentId, schema.casualtyBreakdowns.outcome,
        schema.casualtyBreakdowns.victimGroup, schema.casualtyBreakdowns.sourceId]),
      statements: await upsert(t, schema.statements, dataset.statements, [schema.statements.id]),
      statementIncidents: await upsert(t, schema.statementIncidents, dataset.statementIncidents,
        [schema.statementIncidents.statementId, schema.statementIncidents.incidentId]),
      statementSources: await upsert(t, schema.statementSources, dataset.statementSources,
        [schema.statementSources.statementId, schema.statementSources.sourceId]),
      responsibilities: await upsert(t, schema.responsibilities, dataset.responsibilities, [schema.responsibilities.id])
    }
  })
}

const BATCH = 500

async function upsert (db: Database, table: PgTable, rows: object[], target: PgColumn[]): Promise<number> {
  const columns = Object.entries(getTableColumns(table))
  const updatable = columns.filter(([key, col]) => !target.includes(col) && key !== 'createdAt' && key !== 'updatedAt')
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
