/** A semaphore in front of the postgres.js pool: a bounded wait for a connection, and the pool's numbers. */
import type { Sql } from 'postgres'
import type { PoolStats } from './client.ts'
import { PoolTimeout } from './failures.ts'

/**
 * `size` slots, one per pooled connection. postgres.js itself queues a query with no free connection for as long
 * as it takes; behind this gate a caller waits at most `timeoutMs` (0: not at all) and then gets a PoolTimeout.
 */
export class PoolGate {
  #inUse = 0
  // Insertion-ordered: the longest waiter gets the next free slot.
  readonly #waiters = new Set<() => void>()

  constructor (readonly size: number, readonly timeoutMs: number) {}

  /** Runs task while holding a slot, released when the task settles. */
  async run<T> (task: () => PromiseLike<T>): Promise<T> {
    await this.#acquire()
    try {
      return await task()
    } finally {
      this.#release()
    }
  }

  stats (): PoolStats {
    return { size: this.size, inUse: this.#inUse, waiting: this.#waiters.size }
  }

  #acquire (): Promise<void> {
    if (this.#inUse < this.size) {
      this.#inUse++
      return Promise.resolve()
    }
    if (this.timeoutMs === 0) return Promise.reject(new PoolTimeout(0))
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        this.#waiters.delete(grant)
        reject(new PoolTimeout(this.timeoutMs))
      }, this.timeoutMs)
      this.#waiters.add(grant)
    })
  }

  #release (): void {
    const [next] = this.#waiters
    if (next === undefined) {
      this.#inUse--
      return
    }
    // The slot passes straight to the longest waiter, so a newcomer cannot take it first.
    this.#waiters.delete(next)
    next()
  }
}

/**
 * What Drizzle's postgres-js session does with `client.unsafe(...)`: awaits it, or awaits `.values()`. Like a
 * postgres.js query it is lazy: nothing waits for a slot until someone awaits it.
 */
class GatedQuery<T> implements PromiseLike<T> {
  #values = false
  #result: Promise<T> | undefined

  constructor (private readonly start: (values: boolean) => Promise<T>) {}

  values (): this {
    this.#values = true
    return this
  }

  then<A = T, B = never> (onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.#run().then(onfulfilled, onrejected)
  }

  catch<B = never> (onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#run().catch(onrejected)
  }

  finally (onfinally?: (() => void) | null): Promise<T> {
    return this.#run().finally(onfinally)
  }

  #run (): Promise<T> {
    this.#result ??= this.start(this.#values)
    return this.#result
  }
}

/**
 * The client as Drizzle should see it: `unsafe` (every query) and `begin` (a transaction, holding its slot until it
 * ends) go through the gate; everything else, including the `options` Drizzle's driver writes its parsers into,
 * is the client's own. Queries inside a transaction use the transaction's client and need no second slot.
 */
export function gateClient (client: Sql, gate: PoolGate): Sql {
  const unsafe = (query: string, parameters?: unknown[], options?: object) =>
    new GatedQuery((values) => gate.run(() => {
      const pending = client.unsafe(query, parameters as never, options)
      return values ? pending.values() : pending
    }))
  const begin = (...args: unknown[]) => gate.run(() => (client.begin as (...a: unknown[]) => Promise<unknown>)(...args))
  return new Proxy(client, {
    get (target, property, receiver) {
      if (property === 'unsafe') return unsafe
      if (property === 'begin') return begin
      return Reflect.get(target, property, receiver)
    }
  })
}
