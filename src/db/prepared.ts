/**
 * Prepared queries, built once per database and query shape, then run with placeholder values: the SQL text is
 * made once (not on every request), and PostgreSQL parses and plans it once per connection.
 */
import type { Database } from './client.ts'
import { readerOf } from './replicas.ts'

const caches = new WeakMap<object, Map<string, unknown>>()

/**
 * The query `build` makes for this shape on this database (on the primary or replica a read goes to now), built on
 * first use. `shape` names everything that
 * changes the SQL text (which filters are present, which mode); values go in placeholders, arrays as one array
 * parameter, so the text never depends on how many values a filter or a page has.
 */
export function prepared<Q> (db: Database, shape: string, build: (db: Database, name: string) => Q): Q {
  // A query prepared on a database stays bound to it: with replicas, prepare on the one this read goes to.
  const target = readerOf(db)
  let cache = caches.get(target)
  if (cache === undefined) caches.set(target, cache = new Map())
  let query = cache.get(shape) as Q | undefined
  if (query === undefined) {
    query = build(target, shape)
    cache.set(shape, query)
  }
  return query
}

/**
 * Runs a prepared query as an unnamed statement: the SQL text is still built once, but PostgreSQL plans each run for
 * the values given. For shapes whose best plan depends on them (a rare actor or a common one, a rare word or a
 * common one), where one generic plan would be right for some values and scan far too much for others.
 */
export function planEachRun<Q extends object> (query: Q): Q {
  // postgres.js names (and so caches the plan of) a statement only when Drizzle passes prepare: true.
  if ('prepare' in query) (query as { prepare: boolean }).prepare = false
  return query
}
