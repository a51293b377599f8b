/** Makes a database ready to serve: migrations applied, curated dataset loaded when it is empty. */
import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from './client.ts'
import { migrateDatabase } from './migrate.ts'
import { incidents } from './schema.ts'
import { readRecords } from '../seed/dataset.ts'
import { loadDataset, type LoadReport } from '../seed/load.ts'

export interface BootstrapResult { seeded: LoadReport | null }

export async function bootstrapDatabase (handle: DatabaseHandle, options: { url?: string | null, seedOnEmpty: boolean }): Promise<BootstrapResult> {
  await migrateDatabase(handle, options.url)
  if (!options.seedOnEmpty) return { seeded: null }
  const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(incidents)
  if ((row?.n ?? 0) > 0) return { seeded: null }
  return { seeded: await loadDataset(handle.db, readRecords()) }
}
