/** start_date / end_date against a record's date window: overlapping it (the default) or holding it whole. */
import { gte, lte, type Placeholder, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'

/** Dates as strings, or placeholders of a prepared query. */
export interface DateRangeQuery { start_date?: string | Placeholder, end_date?: string | Placeholder, date_match?: 'overlaps' | 'within' }

export function windowConditions (start: PgColumn, end: PgColumn, query: DateRangeQuery): SQL[] {
  const within = query.date_match === 'within'
  const conditions: SQL[] = []
  if (query.start_date) conditions.push(within ? gte(start, query.start_date) : gte(end, query.start_date))
  if (query.end_date) conditions.push(within ? lte(end, query.end_date) : lte(start, query.end_date))
  return conditions
}
