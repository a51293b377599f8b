/**
 * Reads from streaming replicas. Drizzle's withReplicas sends selects to a replica and inserts, updates, deletes,
 * `execute` and transactions to the primary; on top of that, every read made for a request that carries credentials
 * goes to the primary (read-your-writes: a curator sees their own write at once), and a replica that does not answer
 * its probe takes no reads (they go to the primary) until it answers again.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { withReplicas } from 'drizzle-orm/pg-core'
import type { Database, DatabaseHandle } from './client.ts'

/** The routed databases, each with the function that picks where its next read goes. */
const routers = new WeakMap<object, () => Database>()

/** The database a read made now would go to: for a routed database, the primary or a replica; otherwise itself. */
export function readerOf (db: Database): Database {
  return routers.get(db)?.() ?? db
}

/** True while the code running (and whatever it starts) reads from the primary. */
const primaryReads = new AsyncLocalStorage<boolean>()

/** Runs `task` with its reads on the primary when `primary` is true, on the replicas otherwise. */
export function readingFromPrimary<T> (primary: boolean, task: () => T): T {
  return primaryReads.run(primary, task)
}

export interface ReplicaRouting {
  /** How often each replica is asked `select 1` (2000 ms). */
  probeIntervalMs?: number
  /** How long a probe waits for the answer (1000 ms). */
  probeTimeoutMs?: number
  /** Told when a replica stops or starts answering its probe. */
  onChange?: (index: number, up: boolean) => void
}

/**
 * One handle over a primary and its replicas: `db` routes each query, `close` closes them all, `ping` (readiness) is
 * the primary's. Resolves once each replica has been probed, so the first reads go only to replicas that answer.
 */
export async function routeReads (primary: DatabaseHandle, replicas: DatabaseHandle[], options: ReplicaRouting = {}): Promise<DatabaseHandle> {
  if (replicas.length === 0) return primary
  const { probeIntervalMs = 2000, probeTimeoutMs = 1000 } = options
  const up = replicas.map(() => true)
  let next = 0

  /** The primary for a request with credentials; else the replicas in turn, skipping those down; the primary if all are. */
  function pick (): Database {
    if (primaryReads.getStore() === true) return primary.db
    for (let tried = 0; tried < replicas.length; tried++) {
      const index = (next + tried) % replicas.length
      if (up[index]) {
        next = (index + 1) % replicas.length
        return replicas[index]!.db
      }
    }
    return primary.db
  }

  let probing: Promise<void> | null = null
  const probe = () => {
    probing ??= Promise.all(replicas.map(async (replica, index) => {
      const answered = await replica.ping(probeTimeoutMs)
      if (answered === up[index]) return
      up[index] = answered
      options.onChange?.(index, answered)
    })).then(() => { probing = null })
    return probing
  }
  await probe()
  const timer = setInterval(probe, probeIntervalMs)
  timer.unref()

  const db = withReplicas(primary.db, replicas.map((r) => r.db) as [Database, ...Database[]], pick)
  routers.set(db, pick)
  return {
    db: db as Database,
    kind: 'postgres',
    async close () {
      clearInterval(timer)
      await Promise.all([primary, ...replicas].map((handle) => handle.close()))
    },
    ping: (timeoutMs) => primary.ping(timeoutMs),
    pool: () => primary.pool(),
    replicas: () => replicas.map((replica, index) => ({ up: up[index]!, pool: replica.pool() }))
  }
}
