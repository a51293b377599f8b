/** The period synthetic records fall in: from the Taliban takeover to mid-2026. */
import { sql, type SQL } from 'drizzle-orm'

export const firstDay = '2021-08-15'
export const lastDay = '2026-06-30'
/** Days from firstDay to lastDay, both included. */
export const dayCount = 1781

export const first: SQL = sql.raw(`date '${firstDay}'`)
export const last: SQL = sql.raw(`date '${lastDay}'`)

/** The start of the window a date of this precision stands for (1 day, 2 week, 3 month, 4 year), kept in the period. */
export function windowStart (day: SQL, precision: SQL): SQL {
  return sql`case ${precision}
    when 3 then greatest(${first}, date_trunc('month', ${day})::date)
    when 4 then greatest(${first}, date_trunc('year', ${day})::date)
    else ${day} end`
}

export function windowEnd (day: SQL, precision: SQL): SQL {
  return sql`case ${precision}
    when 2 then least(${last}, ${day} + 6)
    when 3 then least(${last}, (date_trunc('month', ${day}) + interval '1 month - 1 day')::date)
    when 4 then least(${last}, (date_trunc('year', ${day}) + interval '1 year - 1 day')::date)
    else ${day} end`
}
