/** Opens the database: postgres.js when a URL is given, embedded PGlite otherwise. */
import type { Logger } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { defaults } from '../config.ts'
import { openEmbedded } from './embedded-client.ts'
import { openPostgres } from './postgres-client.ts'
import { routeReads } from './replicas.ts'
import type * as schema from './schema.ts'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

/** Connections of the pool: how many, how many in use, how many queries wait for one. */
export interface PoolStats { size: number, inUse: number, waiting: number }

/** A read replica now: whether it answered its last probe (else its reads go to the primary), and its pool. */
export interface ReplicaStats { up: boolean, pool: PoolStats }

export interface DatabaseHandle {
  db: Database
  kind: 'postgres' | 'pglite'
  close: () => Promise<void>
  /** Resolves true when the database answers a trivial query within timeoutMs, false otherwise; never throws. */
  ping: (timeoutMs: number) => Promise<boolean>
  /** The pool's state now (PGlite: one connection). */
  pool: () => PoolStats
  /** With read replicas (DATABASE_REPLICA_URLS): each replica's state now, in the order of the URLs. */
  replicas?: () => ReplicaStats[]
}

/** The limits every connection runs under (see Config.database). */
export interface DatabaseLimits {
  poolSize: number
  statementTimeoutMs: number
  lockTimeoutMs: number
  poolTimeoutMs: number
  connectTimeoutMs: number
  /** PostgreSQL: name prepared statements so each connection parses and plans them once (PGlite: no effect). */
  preparedStatements: boolean
}

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string | null
  /** postgres:// URLs of streaming replicas of `url`: anonymous reads go to them (see replicas.ts). */
  replicaUrls?: string[]
  /** Told when a replica stops or starts answering its probe (index in replicaUrls). */
  onReplicaChange?: (index: number, up: boolean) => void
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
  const replicaUrls = options.replicaUrls ?? []
  if (options.url && replicaUrls.length > 0) {
    const primary = await openPostgres(options.url, limits, options.logger)
    // Each replica is a database of its own: its own pool of poolSize connections, under the same limits.
    const replicas = await Promise.all(replicaUrls.map((url) => openPostgres(url, limits, options.logger)))
    return routeReads(primary, replicas, { onChange: options.onReplicaChange })
  }
  if (replicaUrls.length > 0) throw new Error('Read replicas need a PostgreSQL primary: set DATABASE_URL with DATABASE_REPLICA_URLS')
  if (options.url) return openPostgres(options.url, limits, options.logger)
  return openEmbedded(options.dataDir ?? null, limits, { logger: options.logger, snapshot: options.snapshot })
}
