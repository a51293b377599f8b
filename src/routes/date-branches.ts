/**
 * A start_date/end_date filter as conditions an ordered index can serve: the newest-first lists walk their date
 * column (occurred_on, said_on) backwards, and a record's date lies in its window date_start..date_end.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { shortWindowDays } from '../db/schema.ts'
import { windowConditions, type DateRangeQuery } from './date-window.ts'

export interface DatedTable {
  table: PgTable
  /** The date lists are ordered by. */
  date: PgColumn
  start: PgColumn
  end: PgColumn
}

/** How many days a record's window spans (0: a single day). The schema indexes it: its maximum and its statistics. */
function windowSpan (t: DatedTable): SQL {
  return sql`(${t.end} - ${t.start})`
}

/**
 * What a single branch may yield at most: the largest page (500) plus the look-ahead row, as a literal. A LIMIT
 * parameter is estimated at a tenth of the table, which keeps the plain list on custom plans (planned on every run);
 * with this, it gets a generic plan, and the page's own limit on top still stops the scan at the page. Several
 * branches keep the page size as their limit: with the literal, their generic plans chose worse indexes (measured).
 */
export const branchRows = sql.raw('501')


/**
 * The filter as sets of conditions whose union is the filter (placeholders `start` and `end`); each bounds the
 * date, so the date indexes scan only what the filter can match, and its estimates are sound.
 * - `within`, and every single-day window (most records): the date itself lies in the range.
 * - a window of 1 to 92 days overlapping the range: the date lies at most 92 days outside it.
 * - a wider window overlapping the range: the date lies at most the widest span in the table outside it (one lookup
 *   in the span index). Partial indexes hold just the records of each kind of window.
 */
export function dateBranches (t: DatedTable, query: DateRangeQuery): SQL[][] {
  if (!query.start_date && !query.end_date) return [[]]
  const p = sql.placeholder
  const span = windowSpan(t)
  const within = (reach: SQL) => {
    const bounds: SQL[] = []
    if (query.start_date) bounds.push(sql`${t.date} >= ${p('start')}::date - ${reach}`)
    if (query.end_date) bounds.push(sql`${t.date} <= ${p('end')}::date + ${reach}`)
    return bounds
  }
  const window = windowConditions(t.start, t.end, {
    start_date: query.start_date && p('start'), end_date: query.end_date && p('end'), date_match: query.date_match
  })
  if (query.date_match === 'within') return [[...window, ...within(sql`0`)]]
  const short = sql.raw(String(shortWindowDays))
  return [
    [sql`${span} = 0`, ...within(sql`0`)],
    [sql`${span} > 0`, sql`${span} <= ${short}`, ...window, ...within(short)],
    [sql`${span} > ${short}`, ...window, ...within(sql`(select coalesce(max(${span}), 0) from ${t.table})`)]
  ]
}

/**
 * `select id` of a page: each branch (selecting the date column, then id) yields its newest rows in order up to the
 * page size (placeholder `limit`), and no branch is sorted whole. Disjoint branches are merged in order; branches
 * that may overlap (`distinct`) are combined with UNION, which drops repeats among their few rows.
 */
export function pageIdsOf (t: DatedTable, branches: SQL[], options: { distinct?: boolean } = {}): SQL {
  const date = sql.identifier(t.date.name)
  const union = options.distinct ? sql` union ` : sql` union all `
  return sql`select ${sql.identifier('id')} from (${sql.join(branches.map((b) => sql`(${b})`), union)}) as ${sql.identifier('matching')}
      order by ${date} desc, ${sql.identifier('id')} desc limit ${sql.placeholder('limit')}`
}
