/**
 * Whether a summary table can answer a statistics query exactly, and its conditions when it can: only the filters and
 * dimensions a summary keeps (provinces, types, whole months; an actor's claims), nothing else set.
 */
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm'
import { incidentSummary, responsibilitySummary } from '../../db/schema.ts'
import type { IncidentQuery } from '../incidents/queries.ts'
import type { StatsDimension } from './dimensions.ts'

/** The first day of a month and the last: dates a summary by month answers exactly. */
const isFirstOfMonth = (date: string) => date.endsWith('-01')
function isLastOfMonth (date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month, 0)).getUTCDate() === day
}
const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`

type Summary = typeof incidentSummary | typeof responsibilitySummary

/**
 * start_date/end_date on a summary's months: a month-aligned range overlaps an incident's window exactly when it
 * overlaps the months of the window's ends, and holds it (`within`) exactly when it holds them. Undefined when a
 * date is not a month's first (start) or last (end) day.
 */
function monthConditions (table: Summary, query: IncidentQuery): SQL[] | undefined {
  const { start_date: start, end_date: end } = query
  if ((start !== undefined && !isFirstOfMonth(start)) || (end !== undefined && !isLastOfMonth(end))) return undefined
  const within = query.date_match === 'within'
  const conditions: SQL[] = []
  if (start !== undefined) conditions.push(gte(within ? table.startMonth : table.endMonth, start))
  if (end !== undefined) conditions.push(lte(within ? table.endMonth : table.startMonth, firstOfMonth(end)))
  return conditions
}

/** Query properties that are not filters: they never stop a summary from answering. */
const notFilters = new Set(['limit', 'cursor', 'include_total', 'format', 'date_match'])

/** The filters a query sets, other than those listed. */
function otherFilters (query: IncidentQuery, served: string[]): string[] {
  return Object.entries(query).filter(([name, value]) => value !== undefined && !notFilters.has(name) && !served.includes(name)).map(([name]) => name)
}

export type SummaryPlan =
  | { table: typeof incidentSummary, where: SQL | undefined }
  | { table: typeof responsibilitySummary, where: SQL | undefined }

const incidentDimensions: StatsDimension[] = ['province', 'year', 'month', 'type']
const actorDimensions: StatsDimension[] = ['actor', 'year', 'month']

/** The summary that answers the query, with its conditions; undefined when only the incidents themselves can. */
export function summaryPlan (query: IncidentQuery, dimensions: StatsDimension[]): SummaryPlan | undefined {
  const dated = ['start_date', 'end_date']
  // By actor and role, for every actor: no filter but whole months.
  if (dimensions.includes('actor')) {
    if (!dimensions.every((d) => actorDimensions.includes(d)) || otherFilters(query, dated).length > 0) return undefined
    const months = monthConditions(responsibilitySummary, query)
    return months && { table: responsibilitySummary, where: and(...months) }
  }
  // One actor's claims (several actors' would count an incident they share twice).
  if (query.claimedBy !== undefined) {
    if (query.claimedBy.length !== 1 || !dimensions.every((d) => actorDimensions.includes(d)) || otherFilters(query, [...dated, 'claimedBy']).length > 0) return undefined
    const months = monthConditions(responsibilitySummary, query)
    return months && {
      table: responsibilitySummary,
      where: and(eq(responsibilitySummary.actorId, query.claimedBy[0]!), eq(responsibilitySummary.kind, 'claimed'), ...months)
    }
  }
  if (!dimensions.every((d) => incidentDimensions.includes(d)) || otherFilters(query, [...dated, 'provinceCodes', 'types']).length > 0) return undefined
  const months = monthConditions(incidentSummary, query)
  if (!months) return undefined
  const provinces = query.provinceCodes && sql`${incidentSummary.provinceCode} = any(${sql.param(query.provinceCodes)})`
  const types = query.types && sql`${incidentSummary.type} = any(${sql.param(query.types)})`
  return { table: incidentSummary, where: and(provinces, types, ...months) }
}
