/** One table's share of the seed: how many units it goes through (incidents, sources or statements), in chunks. */
import type { SQL } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { SeedSizes } from './options.ts'

export interface SeedStep {
  /** The table it fills. */
  table: string
  units: (sizes: SeedSizes) => number
  /** The insert for units from..to (1-based, inclusive). */
  insert: (sizes: SeedSizes, from: number, to: number) => SQL
}

/** Rows an insert wrote, whichever driver ran it (postgres.js gives `count`, PGlite `affectedRows`). */
export async function insertedRows (db: Database, query: SQL): Promise<number> {
  const result = await db.execute(query) as unknown as { count?: number | null, affectedRows?: number }
  return Number(result.count ?? result.affectedRows ?? 0)
}
