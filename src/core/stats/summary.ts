/** Keeps incident_summary and responsibility_summary in step with the incidents, in the writing transaction. */
import { eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { incidents, incidentSummary, responsibilities, responsibilitySummary } from '../../db/schema.ts'

/** The first day of the month of a date column, as a date. */
export const monthOf = (column: SQL | AnyPgColumn) => sql`date_trunc('month', ${column})::date`

/**
 * The summed measures of the incidents a query reads (see summaryMeasures in src/db/schema.ts). A bound an incident
 * does not give (no low figure; an open-ended "at least" high) counts at its best estimate, so the sums keep
 * low <= best <= high as each incident does.
 */
export const measureColumns = {
  incidents: sql<number>`count(*)::int`.mapWith(Number),
  killedBest: sql<number>`coalesce(sum(${incidents.killedBest}), 0)::bigint`.mapWith(Number),
  killedLow: sql<number>`coalesce(sum(coalesce(${incidents.killedLow}, ${incidents.killedBest})), 0)::bigint`.mapWith(Number),
  killedHigh: sql<number>`coalesce(sum(coalesce(${incidents.killedHigh}, ${incidents.killedBest})), 0)::bigint`.mapWith(Number),
  killedUnknown: sql<number>`(count(*) filter (where ${incidents.killedBest} is null))::int`.mapWith(Number),
  woundedBest: sql<number>`coalesce(sum(${incidents.woundedBest}), 0)::bigint`.mapWith(Number),
  woundedLow: sql<number>`coalesce(sum(coalesce(${incidents.woundedLow}, ${incidents.woundedBest})), 0)::bigint`.mapWith(Number),
  woundedHigh: sql<number>`coalesce(sum(coalesce(${incidents.woundedHigh}, ${incidents.woundedBest})), 0)::bigint`.mapWith(Number),
  woundedUnknown: sql<number>`(count(*) filter (where ${incidents.woundedBest} is null))::int`.mapWith(Number)
}

export type Measures = { [K in keyof typeof measureColumns]: number }
const measureNames = Object.keys(measureColumns) as Array<keyof Measures>

const monthColumns = {
  month: sql<string>`${monthOf(incidents.occurredOn)}`.mapWith(String),
  startMonth: sql<string>`${monthOf(incidents.dateStart)}`.mapWith(String),
  endMonth: sql<string>`${monthOf(incidents.dateEnd)}`.mapWith(String)
}

/** Each (incident, actor, kind) once, however many sources report it. */
export function actorKinds (db: Database) {
  return db.selectDistinct({ incidentId: responsibilities.incidentId, actorId: responsibilities.actorId, kind: responsibilities.kind })
    .from(responsibilities).as('actor_kinds')
}

type IncidentCell = { provinceCode: string | null, type: string, month: string, startMonth: string, endMonth: string } & Measures
type ActorCell = { actorId: string, kind: string, month: string, startMonth: string, endMonth: string } & Measures

/** What some incidents (by id), as stored now, add to each summary. */
export interface Contribution { incidents: IncidentCell[], actors: ActorCell[] }

export async function contributionOf (db: Database, ids: string[]): Promise<Contribution> {
  if (ids.length === 0) return { incidents: [], actors: [] }
  const cells = await db.select({ provinceCode: incidents.provinceCode, type: incidents.type, ...monthColumns, ...measureColumns })
    .from(incidents).where(inArray(incidents.id, ids)).groupBy(sql`1, 2, 3, 4, 5`)
  const pairs = actorKinds(db)
  const actorCells = await db.select({ actorId: pairs.actorId, kind: pairs.kind, ...monthColumns, ...measureColumns })
    .from(incidents).innerJoin(pairs, eq(pairs.incidentId, incidents.id))
    .where(inArray(incidents.id, ids)).groupBy(sql`1, 2, 3, 4, 5`)
  return { incidents: cells as IncidentCell[], actors: actorCells as ActorCell[] }
}

/** `after` minus `before`, cell by cell, leaving out cells that do not change; in key order, so writers lock rows in one order. */
function difference<C extends Measures> (before: C[], after: C[], keys: Array<keyof C>): C[] {
  const cells = new Map<string, C>()
  const add = (cell: C, sign: number) => {
    const key = JSON.stringify(keys.map((k) => cell[k]))
    const sum = cells.get(key) ?? { ...cell, ...Object.fromEntries(measureNames.map((m) => [m, 0])) }
    for (const m of measureNames) (sum as Measures)[m] += sign * cell[m]
    cells.set(key, sum)
  }
  for (const cell of before) add(cell, -1)
  for (const cell of after) add(cell, 1)
  return [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c)
    .filter((c) => measureNames.some((m) => c[m] !== 0))
}

/** ON CONFLICT's SET: each measure of the stored cell plus the change. */
function addMeasures (table: string) {
  return Object.fromEntries(measureNames.map((m) => {
    const column = m.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    return [m, sql.raw(`"${table}"."${column}" + excluded."${column}"`)]
  }))
}

/** Applies the change from `before` to `after` (contributionOf the same ids before and after a write) to the summaries. */
export async function applyContribution (db: Database, before: Contribution, after: Contribution): Promise<void> {
  const cells = difference(before.incidents, after.incidents, ['provinceCode', 'type', 'month', 'startMonth', 'endMonth'])
  if (cells.length > 0) {
    await db.insert(incidentSummary).values(cells as Array<typeof incidentSummary.$inferInsert>)
      .onConflictDoUpdate({ target: [incidentSummary.provinceCode, incidentSummary.type, incidentSummary.month, incidentSummary.startMonth, incidentSummary.endMonth], set: addMeasures('incident_summary') })
  }
  const actorCells = difference(before.actors, after.actors, ['actorId', 'kind', 'month', 'startMonth', 'endMonth'])
  if (actorCells.length > 0) {
    await db.insert(responsibilitySummary).values(actorCells as Array<typeof responsibilitySummary.$inferInsert>)
      .onConflictDoUpdate({ target: [responsibilitySummary.actorId, responsibilitySummary.kind, responsibilitySummary.month, responsibilitySummary.startMonth, responsibilitySummary.endMonth], set: addMeasures('responsibility_summary') })
  }
}

/** Both summaries made anew from every incident (after a bulk load that bypasses the write path). */
export async function rebuildSummaries (db: Database): Promise<void> {
  await db.delete(incidentSummary)
  await db.delete(responsibilitySummary)
  await db.insert(incidentSummary).select(
    db.select({ provinceCode: incidents.provinceCode, type: incidents.type, ...monthColumns, ...measureColumns })
      .from(incidents).groupBy(sql`1, 2, 3, 4, 5`) as never)
  const pairs = actorKinds(db)
  await db.insert(responsibilitySummary).select(
    db.select({ actorId: pairs.actorId, kind: pairs.kind, ...monthColumns, ...measureColumns })
      .from(incidents).innerJoin(pairs, eq(pairs.incidentId, incidents.id)).groupBy(sql`1, 2, 3, 4, 5`) as never)
}
