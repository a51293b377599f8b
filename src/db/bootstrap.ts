/** Makes a database ready to serve: migrations applied, curated dataset loaded when empty; on Postgres under one lock. */
import { sql } from 'drizzle-orm'
import type { Database, DatabaseHandle } from './client.ts'
import { applyMigrations, migrateDatabase, withBootstrapLock } from './migrate.ts'
import { incidents } from './schema.ts'
import { readRecords } from '../seed/dataset.ts'
import { loadDataset, type LoadReport } from '../seed/load.ts'

export interface BootstrapResult { seeded: LoadReport | null }

export async function bootstrapDatabase (handle: DatabaseHandle, options: { url?: string | null, seedOnEmpty: boolean }): Promise<BootstrapResult> {
  if (handle.kind === 'postgres') {
    if (!options.url) throw new Error('bootstrapDatabase needs the URL of a postgres database')
    // Instances starting together on an empty database take turns: the first migrates and seeds, the others find it
    // done. The seed runs on the lock's own connection too, where no pool statement timeout cuts the load short.
    return withBootstrapLock(options.url, async (db) => {
      await applyMigrations(db)
      return { seeded: options.seedOnEmpty ? await seedIfEmpty(db) : null }
    })
  }
  await migrateDatabase(handle)
  return { seeded: options.seedOnEmpty ? await seedIfEmpty(handle.db) : null }
}

async function seedIfEmpty (db: Database): Promise<LoadReport | null> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(incidents)
  if ((row?.n ?? 0) > 0) return null
  return loadDataset(db, readRecords())
}
