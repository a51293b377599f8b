/**
 * Prepared queries, built once per database and query shape, then run with placeholder values: the SQL text is
 * made once (not on every request), and PostgreSQL parses and plans it once per connection.
 */
import type { Database } from './client.ts'

const caches = new WeakMap<object, Map<string, unknown>>()

/**
 * The query `build` makes for this shape on this database, built on first use. `shape` names everything that
 * changes the SQL text (which filters are present, which mode); values go in placeholders, arrays as one array
 * parameter, so the text never depends on how many values a filter or a page has.
 */
export function prepared<Q> (db: Database, shape: string, build: (db: Database, name: string) => Q): Q {
  let cache = caches.get(db)
  if (cache === undefined) caches.set(db, cache = new Map())
  let query = cache.get(shape) as Q | undefined
  if (query === undefined) {
    query = build(db, shape)
    cache.set(shape, query)
  }
  return query
}
