/** Opens the database: postgres.js when a URL is given, embedded PGlite otherwise. */
import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm as pgTrgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { Logger } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema.ts'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

export interface DatabaseHandle {
  db: Database
  kind: 'postgres' | 'pglite'
  close: () => Promise<void>
}

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string | null
  /** PGlite data folder; absent or null means in memory. */
  dataDir?: string | null
  /** Receives every SQL statement (used to count queries). */
  logger?: Logger
  /** Pool size for postgres.js. */
  max?: number
}

export async function openDatabase (options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} })
    const db = drizzlePostgres(client, { schema, logger: options.logger }) as unknown as Database
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) }
  }
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true })
  // pg_trgm backs the incidents text search index (drizzle/0001_incident_text_search.sql).
  const client = new PGlite({ dataDir: options.dataDir ?? undefined, extensions: { pg_trgm: pgTrgm } })
  await client.waitReady
  const db = drizzlePglite(client, { schema, logger: options.logger }) as unknown as Database
  return { db, kind: 'pglite', close: () => client.close() }
}
