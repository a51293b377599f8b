/** Opens the database: postgres.js when a URL is given, embedded PGlite otherwise. */
import type { Logger } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { defaults } from '../config.ts'
import { openEmbedded } from './embedded-client.ts'
import { openPostgres } from './postgres-client.ts'
import type * as schema from './schema.ts'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

/** Connections of the pool: how many, how many in use, how many queries wait for one. */
export interface PoolStats { size: number, inUse: number, waiting: number }

export interface DatabaseHandle {
  db: Database
  kind: 'postgres' | 'pglite'
  close: () => Promise<void>
  /** Resolves true when the database answers a trivial query within timeoutMs, false otherwise; never throws. */
  ping: (timeoutMs: number) => Promise<boolean>
  /** The pool's state now (PGlite: one connection). */
  pool: () => PoolStats
}

/** The limits every connection runs under (see Config.database). */
export interface DatabaseLimits {
  poolSize: number
  statementTimeoutMs: number
  lockTimeoutMs: number
  poolTimeoutMs: number
  connectTimeoutMs: number
}

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string | null
  /** PGlite data folder; absent or null means in memory. */
  dataDir?: string | null
  /** Receives every SQL statement (used to count queries). */
  logger?: Logger
  /** Pool size for postgres.js (overrides limits.poolSize). */
  max?: number
  limits?: Partial<DatabaseLimits>
  /** PGlite only, in memory: start from this dump (PGlite dumpDataDir) instead of an empty cluster. */
  snapshot?: Blob
}

export async function openDatabase (options: OpenOptions): Promise<DatabaseHandle> {
  const limits: DatabaseLimits = { ...defaults.database, ...options.limits }
  if (options.max !== undefined) limits.poolSize = options.max
  if (options.url) return openPostgres(options.url, limits, options.logger)
  return openEmbedded(options.dataDir ?? null, limits, { logger: options.logger, snapshot: options.snapshot })
}
