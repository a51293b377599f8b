/** Applies the SQL migrations in drizzle/; on Postgres on a dedicated connection that holds the bootstrap lock. */
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import type { Database, DatabaseHandle } from './client.ts'
import { classifyDatabaseError } from './failures.ts'
import { postgresSocket } from './postgres-socket.ts'
import * as schema from './schema.ts'
import { StartupError } from './startup-error.ts'

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url))

/** Key of the session-level advisory lock that instances take turns on to migrate and seed. */
const bootstrapLockKey = 727_274_001

/** How long an instance waits for the bootstrap lock (and, while migrating, for any table lock) before it gives up. */
const bootstrapLockWaitMs = 5 * 60_000

const bootstrapConnectTimeoutSeconds = 10

/** On Postgres, migrations run under the bootstrap lock on their own single connection; PGlite has only one. */
export async function migrateDatabase (handle: DatabaseHandle, url?: string | null): Promise<void> {
  if (handle.kind === 'postgres') {
    if (!url) throw new Error('migrateDatabase needs the URL of a postgres database')
    await withBootstrapLock(url, applyMigrations)
    return
  }
  const client = (handle.db as unknown as { $client: PGlite }).$client
  await migratePglite(drizzlePglite(client), { migrationsFolder })
}

/** The migrations, over a database whose connection holds the bootstrap lock. */
export async function applyMigrations (db: Database): Promise<void> {
  await migratePostgres(db as unknown as PostgresJsDatabase<typeof schema>, { migrationsFolder })
}

/**
 * Runs work on one dedicated connection holding a session-level advisory lock, so any number of instances can start
 * at once on one database: the first migrates (and seeds), the others wait, then find the work done. Closing the
 * connection releases the lock even when the work fails.
 */
export async function withBootstrapLock<T> (url: string, work: (db: Database) => Promise<T>): Promise<T> {
  const client = postgres(url, {
    max: 1,
    connect_timeout: bootstrapConnectTimeoutSeconds,
    onnotice: () => {},
    // Migrating and seeding may take long (no statement timeout); waiting for a lock may not.
    connection: { application_name: 'bootstrap', statement_timeout: '0', lock_timeout: String(bootstrapLockWaitMs) } as Record<string, string>,
    ...{ socket: postgresSocket() }
  })
  try {
    try {
      await client`select pg_advisory_lock(${bootstrapLockKey})`
    } catch (error) {
      throw startupError(url, error) ?? error
    }
    const result = await work(drizzlePostgres(client, { schema }) as unknown as Database)
    // Released at once for the next instance; should this fail, closing the session releases it too.
    await client`select pg_advisory_unlock(${bootstrapLockKey})`.catch(() => {})
    return result
  } finally {
    await client.end({ timeout: 5 })
  }
}

const reasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'host name lookup failed',
  CONNECT_TIMEOUT: `no answer within ${bootstrapConnectTimeoutSeconds} s`,
  ETIMEDOUT: 'connection timed out',
  '57P03': 'the server is starting up or shutting down'
}

/** One line an operator can act on, for a database that cannot be used at all; undefined for any other error. */
function startupError (url: string, error: unknown): StartupError | undefined {
  const where = describe(url)
  const code = (error as { code?: unknown } | null)?.code
  if (code === '3D000') return new StartupError(`PostgreSQL at ${where}: the database does not exist. Create it, or fix the database name in DATABASE_URL.`)
  if (code === '28P01' || code === '28000') return new StartupError(`PostgreSQL at ${where} refused the login. Check the user and password in DATABASE_URL.`)
  if (code === '55P03') {
    return new StartupError(`PostgreSQL at ${where}: another instance has held the bootstrap lock for over ${bootstrapLockWaitMs / 60_000} min. ` +
      'Check for a stuck instance (pg_stat_activity, application_name \'bootstrap\') and start again.')
  }
  if (classifyDatabaseError(error)?.kind !== 'unavailable') return undefined
  const reason = (typeof code === 'string' && reasons[code]) || (error instanceof Error ? error.message : String(error))
  return new StartupError(`Cannot reach PostgreSQL at ${where} (${reason}). Check DATABASE_URL, and that the server is running and accepts connections there.`)
}

/** host:port/database of a URL, without its credentials. */
function describe (url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname || 'localhost'}:${u.port || '5432'}/${decodeURIComponent(u.pathname.slice(1))}`
  } catch {
    return 'DATABASE_URL'
  }
}
