/**
 * Incident statistics: counts and casualty sums of the incidents a query matches, grouped by up to two dimensions,
 * computed in SQL. A summary table answers when it holds everything the query asks (see summaryPlan); otherwise the
 * incidents do, matched by incidentMatch, so the figures never disagree with the list.
 */
import { eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { actors, incidents, incidentSummary, responsibilities, responsibilitySummary } from '../../db/schema.ts'
import { findProvince } from '../../domain/provinces.ts'
import { actorKinds, measureColumns, monthOf, type Measures } from '../../core/stats/summary.ts'
import { incidentMatch } from '../incidents/match.ts'
import type { IncidentQuery } from '../incidents/queries.ts'
import type { StatsDimension } from './dimensions.ts'
import { summaryPlan, type SummaryPlan } from './summary-filter.ts'

/** The keys of one group: null for a dimension the query does not group by. */
interface GroupKeys {
  province: string | null
  year: number | null
  month: string | null
  type: string | null
  actor: string | null
  role: string | null
  responsibility: string | null
}

export type StatsGroup = GroupKeys & Measures

const text = (expression: SQL) => sql<string | null>`${expression}`.mapWith((v: unknown) => (v === null ? null : String(v)))
const integer = (expression: SQL) => sql<number | null>`${expression}`.mapWith((v: unknown) => (v === null ? null : Number(v)))

/** The SQL of each key, over the table a statistics query reads (the incidents, or a summary). */
interface KeySource {
  province?: SQL
  date?: SQL
  /** The first day of the month of `date`. */
  month?: SQL
  type?: SQL
  actor?: SQL
  role?: SQL
  responsibility?: SQL
}

function keyColumns (dimensions: StatsDimension[], source: KeySource) {
  const columns: Record<string, ReturnType<typeof text> | ReturnType<typeof integer>> = {}
  for (const dimension of dimensions) {
    if (dimension === 'province') columns.province = text(source.province!)
    if (dimension === 'year') columns.year = integer(sql`extract(year from ${source.date!})::int`)
    // Grouped by the month's first day (a summary stores it as is), shown as YYYY-MM.
    if (dimension === 'month') columns.month = sql<string | null>`${source.month!}::text`.mapWith((v: unknown) => (v === null ? null : String(v).slice(0, 7)))
    if (dimension === 'type') columns.type = text(source.type!)
    if (dimension === 'actor') Object.assign(columns, { actor: text(source.actor!), role: text(source.role!) })
    if (dimension === 'responsibility') columns.responsibility = text(source.responsibility!)
  }
  return columns
}

/** Positions of the key columns, for GROUP BY: the keys come first in the select list. */
const groupPositions = (count: number) => sql.raw(Array.from({ length: count }, (_, i) => i + 1).join(', ') || '()')

/** Each group's measures, from the matching incidents (joined to their actors or kinds of responsibility when grouped by them). */
async function fromIncidents (db: Database, query: IncidentQuery, dimensions: StatsDimension[]) {
  const pairs = actorKinds(db)
  const kinds = db.selectDistinct({ incidentId: responsibilities.incidentId, kind: responsibilities.kind }).from(responsibilities).as('incident_kinds')
  const keys = keyColumns(dimensions, {
    province: sql`${incidents.provinceCode}`,
    date: sql`${incidents.occurredOn}`,
    month: monthOf(incidents.occurredOn),
    type: sql`${incidents.type}`,
    actor: sql`${pairs.actorId}`,
    role: sql`${pairs.kind}`,
    responsibility: sql`${kinds.kind}`
  })
  let select = db.select({ ...keys, ...measureColumns }).from(incidents).$dynamic()
  if (dimensions.includes('actor')) select = select.innerJoin(pairs, eq(pairs.incidentId, incidents.id))
  if (dimensions.includes('responsibility')) select = select.leftJoin(kinds, eq(kinds.incidentId, incidents.id))
  return select.where(incidentMatch(db, query)).groupBy(groupPositions(Object.keys(keys).length))
}

/** Each group's measures summed from a summary's rows (groups whose incidents all went away are left out). */
async function fromSummary (db: Database, plan: SummaryPlan, dimensions: StatsDimension[]) {
  const table = plan.table
  const keys = keyColumns(dimensions, table === incidentSummary
    ? { province: sql`${incidentSummary.provinceCode}`, date: sql`${incidentSummary.month}`, month: sql`${incidentSummary.month}`, type: sql`${incidentSummary.type}` }
    : { actor: sql`${responsibilitySummary.actorId}`, role: sql`${responsibilitySummary.kind}`, date: sql`${responsibilitySummary.month}`, month: sql`${responsibilitySummary.month}` })
  const sum = (column: SQL, type: 'int' | 'bigint') => sql<number>`coalesce(sum(${column}), 0)::${sql.raw(type)}`.mapWith(Number)
  const measures = {
    incidents: sum(sql`${table.incidents}`, 'int'),
    killedBest: sum(sql`${table.killedBest}`, 'bigint'),
    killedLow: sum(sql`${table.killedLow}`, 'bigint'),
    killedHigh: sum(sql`${table.killedHigh}`, 'bigint'),
    killedUnknown: sum(sql`${table.killedUnknown}`, 'int'),
    woundedBest: sum(sql`${table.woundedBest}`, 'bigint'),
    woundedLow: sum(sql`${table.woundedLow}`, 'bigint'),
    woundedHigh: sum(sql`${table.woundedHigh}`, 'bigint'),
    woundedUnknown: sum(sql`${table.woundedUnknown}`, 'int')
  }
  const count = Object.keys(keys).length
  const rows = await db.select({ ...keys, ...measures }).from(table as typeof incidentSummary).where(plan.where)
    .groupBy(groupPositions(count))
    .having(count > 0 ? sql`sum(${table.incidents}) > 0` : undefined)
  return rows
}

/** Measures of no incident: the total of a query that matches none. */
const noMeasures: Measures = {
  incidents: 0, killedBest: 0, killedLow: 0, killedHigh: 0, killedUnknown: 0, woundedBest: 0, woundedLow: 0, woundedHigh: 0, woundedUnknown: 0
}

/**
 * The groups of the incidents a query matches, ordered by the keys in the order asked: years and months ascending;
 * other keys by their group's size (the sum of its rows' counts) descending, then by key, nulls last. Without
 * dimensions, one group: the total.
 */
export async function incidentStats (db: Database, query: IncidentQuery, dimensions: StatsDimension[], options: { summaries?: boolean } = {}): Promise<StatsGroup[]> {
  const plan = options.summaries === false ? undefined : summaryPlan(query, dimensions)
  const rows = (plan ? await fromSummary(db, plan, dimensions) : await fromIncidents(db, query, dimensions)) as Array<Partial<GroupKeys> & Measures>
  const groups: StatsGroup[] = rows.map((row) => ({
    province: null, year: null, month: null, type: null, actor: null, role: null, responsibility: null, ...row
  }))
  // GROUP BY () yields one row even for no incident; kept in case a driver returns none.
  if (dimensions.length === 0) return groups.length > 0 ? groups : [{ province: null, year: null, month: null, type: null, actor: null, role: null, responsibility: null, ...noMeasures }]
  return sortGroups(groups, dimensions)
}

const keyOf = (group: StatsGroup, dimension: StatsDimension): string | number | null =>
  dimension === 'actor' ? (group.actor === null ? null : `${group.actor}\u0000${group.role}`) : group[dimension]

function compareKeys (a: string | number | null, b: string | number | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

function sortGroups (groups: StatsGroup[], dimensions: StatsDimension[]): StatsGroup[] {
  // The size of each key's group at each level: its rows' counts summed within the groups of the keys before it.
  const sizes = dimensions.map((_, level) => {
    const size = new Map<string, number>()
    for (const g of groups) {
      const path = JSON.stringify(dimensions.slice(0, level + 1).map((d) => keyOf(g, d)))
      size.set(path, (size.get(path) ?? 0) + g.incidents)
    }
    return size
  })
  const compare = (a: StatsGroup, b: StatsGroup): number => {
    for (const [level, dimension] of dimensions.entries()) {
      const ka = keyOf(a, dimension)
      const kb = keyOf(b, dimension)
      if (ka === kb) continue
      if (dimension !== 'year' && dimension !== 'month') {
        const sa = sizes[level]!.get(JSON.stringify(dimensions.slice(0, level + 1).map((d) => keyOf(a, d))))!
        const sb = sizes[level]!.get(JSON.stringify(dimensions.slice(0, level + 1).map((d) => keyOf(b, d))))!
        if (sa !== sb) return sb - sa
      }
      return compareKeys(ka, kb)
    }
    return 0
  }
  return [...groups].sort(compare)
}

/** The id, slug and name of the actors the groups name. */
export async function actorRefs (db: Database, ids: string[]): Promise<Map<string, { id: string, slug: string, name: string }>> {
  if (ids.length === 0) return new Map()
  const rows = await db.select({ id: actors.id, slug: actors.slug, name: actors.name }).from(actors).where(inArray(actors.id, ids))
  return new Map(rows.map((r) => [r.id, r]))
}

/** A province code as the API's ProvinceRef. */
export function provinceRef (code: string | null): { code: string, name: string } | null {
  if (code === null) return null
  return { code, name: findProvince(code)?.name ?? code }
}

/** How many incidents a query matches (the total of incidentStats). */
export async function countIncidents (db: Database, query: IncidentQuery): Promise<number> {
  const [total] = await incidentStats(db, query, [])
  return total!.incidents
}
