/** Makes a database ready to serve: migrations applied, curated dataset loaded when empty; on Postgres under one lock. */
import { sql } from 'drizzle-orm'
import type { Database, DatabaseHandle } from './client.ts'
import { applyMigrations, migrateDatabase, withBootstrapLock } from './migrate.ts'
import { incidents } from './schema.ts'
import { readRecords } from '../seed/dataset.ts'
import { loadDataset, type LoadReport } from '../seed/load.ts'

export interface BootstrapResult { seeded: LoadReport | null }

export interface BootstrapOptions {
  url?: string | null
  seedOnEmpty: boolean
  /** Told when each step ends, with its duration: `migrate`, then `load dataset` (with what was loaded, or null). */
  onStep?: (step: 'migrate' | 'load dataset', ms: number, detail?: object) => void
}

export async function bootstrapDatabase (handle: DatabaseHandle, options: BootstrapOptions): Promise<BootstrapResult> {
  const timed = async <T>(step: 'migrate' | 'load dataset', run: () => Promise<T>, detail: (r: T) => object | undefined = () => undefined) => {
    const started = performance.now()
    const result = await run()
    options.onStep?.(step, Math.round(performance.now() - started), detail(result))
    return result
  }
  const seed = (db: Database) => options.seedOnEmpty
    ? timed('load dataset', () => seedIfEmpty(db), (r) => ({ dataset: r ? r.created : 'already loaded' }))
    : Promise.resolve(null)
  if (handle.kind === 'postgres') {
    if (!options.url) throw new Error('bootstrapDatabase needs the URL of a postgres database')
    // Instances starting together on an empty database take turns: the first migrates and seeds, the others find it
    // done. The seed runs on the lock's own connection too, where no pool statement timeout cuts the load short.
    return withBootstrapLock(options.url, async (db) => {
      await timed('migrate', () => applyMigrations(db))
      return { seeded: await seed(db) }
    })
  }
  await timed('migrate', () => migrateDatabase(handle))
  return { seeded: await seed(handle.db) }
}

async function seedIfEmpty (db: Database): Promise<LoadReport | null> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(incidents)
  if ((row?.n ?? 0) > 0) return null
  return loadDataset(db, readRecords())
}
