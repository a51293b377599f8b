/** Embedded PGlite: one in-process connection, kept in a data folder (or in memory). */
import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm as pgTrgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { Logger } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import type { Database, DatabaseHandle, DatabaseLimits } from './client.ts'
import * as schema from './schema.ts'

export async function openEmbedded (dataDir: string | null, _limits: DatabaseLimits, options: { logger?: Logger, snapshot?: Blob } = {}): Promise<DatabaseHandle> {
  const { logger, snapshot } = options
  if (dataDir) await mkdir(dataDir, { recursive: true })
  // pg_trgm backs the incidents text search index (drizzle/0001_incident_text_search.sql).
  const client = new PGlite({ dataDir: dataDir ?? undefined, loadDataDir: snapshot, extensions: { pg_trgm: pgTrgm } })
  await client.waitReady
  const db = drizzlePglite(client, { schema, logger }) as unknown as Database
  return {
    db,
    kind: 'pglite',
    close: () => client.close(),
    ping: async () => { try { await client.query('select 1'); return true } catch { return false } },
    pool: () => ({ size: 1, inUse: 0, waiting: 0 })
  }
}
