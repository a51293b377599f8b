/**
 * Every incident a query matches, as one condition on `incidents` (values bound as parameters, no cursor): for
 * whole-result reads (exports, counts, statistics) where the paged list's branches and page limits do not apply.
 * The same filters as the list, built by the same functions, so a count or an export never disagrees with the pages.
 */
import { and, or, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { incidents } from '../../db/schema.ts'
import { windowConditions } from '../date-window.ts'
import { actorRoles, filterConditions, filterValues, type IncidentQuery } from './queries.ts'

/**
 * The window filter restated on `occurred_on`, which lies in each incident's window: inside the range for `within`;
 * for an overlap, at most the widest window in the table (one lookup in the span index) outside it. Implied by the
 * window conditions, so the result is the same; with it, a read in `occurred_on` order (an export's cursor) starts
 * at the range instead of walking every newer incident first.
 */
function dateBounds (query: IncidentQuery): SQL[] {
  const reach = query.date_match === 'within'
    ? sql`0`
    : sql`(select coalesce(max(${incidents.dateEnd} - ${incidents.dateStart}), 0) from ${incidents})`
  const bounds: SQL[] = []
  if (query.start_date) bounds.push(sql`${incidents.occurredOn} >= ${query.start_date}::date - ${reach}`)
  if (query.end_date) bounds.push(sql`${incidents.occurredOn} <= ${query.end_date}::date + ${reach}`)
  return bounds
}

export function incidentMatch (db: Database, query: IncidentQuery): SQL {
  const values = filterValues(query)
  const v = (name: string) => sql`${sql.param(values[name])}`
  const whole = { ...query, cursor: undefined }
  const roles = actorRoles(db, whole, v).map((role) => and(...role)).filter((c): c is SQL => c !== undefined)
  const conditions = [
    ...filterConditions(db, whole, v),
    ...windowConditions(incidents.dateStart, incidents.dateEnd, query),
    ...dateBounds(query),
    roles.length > 0 ? or(...roles) : undefined
  ].filter((c): c is SQL => c !== undefined)
  return and(...conditions) ?? sql`true`
}
