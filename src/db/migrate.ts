/** Applies the SQL migrations in drizzle/ on a dedicated connection. */
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import type { DatabaseHandle } from './client.ts'

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url))

/** On Postgres, migrations run on their own single connection; PGlite has only one. */
export async function migrateDatabase (handle: DatabaseHandle, url?: string | null): Promise<void> {
  if (handle.kind === 'postgres') {
    if (!url) throw new Error('migrateDatabase needs the URL of a postgres database')
    const client = postgres(url, { max: 1, onnotice: () => {} })
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder })
    } finally {
      await client.end({ timeout: 5 })
    }
    return
  }
  const client = (handle.db as unknown as { $client: PGlite }).$client
  await migratePglite(drizzlePglite(client), { migrationsFolder })
}
