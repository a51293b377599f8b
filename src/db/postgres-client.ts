/** postgres.js under Drizzle, with the configured limits: pool size, timeouts, and a bounded wait for a connection. */
import type { Logger } from 'drizzle-orm'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres, { type ConnectionParameters } from 'postgres'
import type { Database, DatabaseHandle, DatabaseLimits } from './client.ts'
import { gateClient, PoolGate } from './pool-gate.ts'
import { postgresSocket } from './postgres-socket.ts'
import * as schema from './schema.ts'

/**
 * Seconds before a closed connection is opened again, by failed attempts in a row. A query waits out this delay
 * before its connection attempt, so postgres.js's default (growing to 20 s) would keep requests waiting that long
 * during an outage, and after it; capped at 1 s, a request fails fast while the database is down and finds it soon
 * after it is back.
 */
function reconnectDelay (attempts: number): number {
  return (0.5 + Math.random() / 2) * Math.min(3 ** attempts / 100, 1)
}

/**
 * How the service's queries are planned. No JIT: the prepared list queries take the page size as a parameter, so a
 * generic plan estimates a tenth of the table and its cost passes jit_above_cost; compiling then takes hundreds of
 * milliseconds for a page that runs in a few.
 */
export const servicePlanSettings = { jit: 'off' }

/** Parameters every connection starts with, so no statement and no lock wait runs unbounded (0 turns one off). */
function startupParameters (limits: Pick<DatabaseLimits, 'statementTimeoutMs' | 'lockTimeoutMs'>): Partial<ConnectionParameters> {
  // Strings: postgres.js leaves out falsy startup parameters, and an explicit 0 must still override a server default.
  return {
    statement_timeout: String(limits.statementTimeoutMs),
    lock_timeout: String(limits.lockTimeoutMs),
    ...servicePlanSettings
  } as Record<string, string>
}

export async function openPostgres (url: string, limits: DatabaseLimits, logger?: Logger): Promise<DatabaseHandle> {
  const client = postgres(url, {
    // The gate lets the app use poolSize connections at once; the one more is the health check's, so readiness
    // tells whether the database answers, not whether every connection is busy.
    max: limits.poolSize + 1,
    connect_timeout: limits.connectTimeoutMs / 1000,
    // Off for a pooler in transaction mode that does not track prepared statements (pgbouncer before 1.21).
    prepare: limits.preparedStatements,
    backoff: reconnectDelay,
    connection: startupParameters(limits),
    onnotice: () => {},
    ...{ socket: postgresSocket() } // documented in postgres.js's README, missing from its types
  })
  const gate = new PoolGate(limits.poolSize, limits.poolTimeoutMs)
  const db = drizzlePostgres(gateClient(client, gate), { schema, logger }) as unknown as Database
  return {
    db,
    kind: 'postgres',
    close: () => client.end({ timeout: 5 }),
    ping: (timeoutMs) => ping(client, timeoutMs),
    pool: () => gate.stats()
  }
}

/**
 * `select 1` past the gate (a full pool must not make the health check wait its turn), given up after timeoutMs.
 * A ping given up on is left to finish: statement_timeout bounds it, and postgres.js's cancel can reject unhandled.
 */
async function ping (client: postgres.Sql, timeoutMs: number): Promise<boolean> {
  const query = client`select 1`
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<boolean>((resolve) => { timer = setTimeout(resolve, timeoutMs, false) })
  try {
    return await Promise.race([query.then(() => true, () => false), late])
  } finally {
    clearTimeout(timer)
  }
}
