/** Synthetic rows already in the database: how many incidents, whether anything else, and how to delete them all. */
import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { benchPattern, prefixes } from './ids.ts'

export interface BenchRows {
  /** Incidents with this seed's ids (`bench_inc_...`). */
  seeded: number
  /** Incidents with any synthetic id, this seed's or the older benchmark's. */
  incidents: number
  /** Synthetic actors, sources or statements. */
  others: boolean
}

export async function findBenchRows (db: Database): Promise<BenchRows> {
  const ours = `${prefixes.incident.replaceAll('_', '\\_')}%`
  const result = await db.execute(sql`
    select (select count(*) from incidents where id like ${ours})::int as seeded,
      (select count(*) from incidents where id like ${benchPattern})::int as incidents,
      (exists (select 1 from actors where id like ${benchPattern})
        or exists (select 1 from sources where id like ${benchPattern})
        or exists (select 1 from statements where id like ${benchPattern})) as others`) as unknown as BenchRows[] | { rows: BenchRows[] }
  const [row] = Array.isArray(result) ? result : result.rows
  return { seeded: Number(row?.seeded ?? 0), incidents: Number(row?.incidents ?? 0), others: Boolean(row?.others) }
}

/**
 * Columns that point at sources, statements or actors without an index of their own. Deleting a parent row makes
 * Postgres look for rows that still point at it; without an index that is a scan of the whole table per deleted
 * row (minutes for a million). The delete builds these for the time of the transaction and drops them again.
 */
const unindexedReferences: ReadonlyArray<readonly [table: string, column: string]> = [
  ['responsibilities', 'source_id'],
  ['responsibilities', 'challenge_source_id'],
  ['responsibilities', 'statement_id'],
  ['responsibilities', 'challenge_statement_id'],
  ['responsibilities', 'asserted_by_id'],
  ['responsibilities', 'challenged_by_id'],
  ['casualty_breakdowns', 'source_id'],
  ['incident_participants', 'source_id']
]

/**
 * Deletes every synthetic row, children before parents, inside the caller's transaction (the temporary indexes
 * above come and go with it). Returns how many rows went.
 */
export async function deleteBenchRows (db: Database): Promise<number> {
  const like = benchPattern
  const children = [
    sql`delete from statement_sources where statement_id like ${like} or source_id like ${like}`,
    sql`delete from statement_incidents where statement_id like ${like} or incident_id like ${like}`,
    sql`delete from responsibilities where incident_id like ${like} or id like ${like}`,
    sql`delete from incident_reports where incident_id like ${like} or id like ${like}`,
    sql`delete from casualty_breakdowns where incident_id like ${like}`,
    sql`delete from incident_participants where incident_id like ${like} or id like ${like}`
  ]
  const parents = [
    sql`delete from incidents where id like ${like}`,
    sql`delete from statements where id like ${like}`,
    sql`delete from sources where id like ${like}`,
    sql`delete from actors where id like ${like}`
  ]
  const indexes = unindexedReferences.map(([table, column], i) => ({ table, column, name: `bench_seed_reset_${i}_idx` }))
  let rows = 0
  for (const statement of children) rows += await deletedRows(db, statement)
  for (const { table, column, name } of indexes) {
    await db.execute(sql`create index ${sql.identifier(name)} on ${sql.identifier(table)} (${sql.identifier(column)}) where ${sql.identifier(column)} is not null`)
  }
  for (const statement of parents) rows += await deletedRows(db, statement)
  for (const { name } of indexes) await db.execute(sql`drop index ${sql.identifier(name)}`)
  return rows
}

async function deletedRows (db: Database, statement: SQL): Promise<number> {
  const result = await db.execute(statement) as unknown as { count?: number | null, affectedRows?: number }
  return Number(result.count ?? result.affectedRows ?? 0)
}
