/** postgres.js under Drizzle, with the configured limits. */
import type { Logger } from 'drizzle-orm'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import type { Database, DatabaseHandle, DatabaseLimits } from './client.ts'
import * as schema from './schema.ts'

export async function openPostgres (url: string, limits: DatabaseLimits, logger?: Logger): Promise<DatabaseHandle> {
  const client = postgres(url, { max: limits.poolSize, onnotice: () => {} })
  const db = drizzlePostgres(client, { schema, logger }) as unknown as Database
  return {
    db,
    kind: 'postgres',
    close: () => client.end({ timeout: 5 }),
    ping: async () => { try { await client`select 1`; return true } catch { return false } },
    pool: () => ({ size: limits.poolSize, inUse: 0, waiting: 0 })
  }
}
