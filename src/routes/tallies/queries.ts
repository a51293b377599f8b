/** Tally queries: the list and one tally, each with its breakdown, its incidents and their summed figures. */
import { and, asc, desc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm'
import type { Static } from '@sinclair/typebox'
import type { Database } from '../../db/client.ts'
import { actors, incidents, sources, tallies, tallyBreakdowns, tallyIncidents } from '../../db/schema.ts'
import { recordTimestamps } from '../../db/sql.ts'
import { dateKey, decodeCursor, encodeCursor, textKey } from '../../http/cursor.ts'
import { toPage } from '../../http/pagination.ts'
import { notFound } from '../../http/problem.ts'
import type { Tally, TallyListQuery } from '../../schemas/tallies.ts'
import { windowConditions } from '../date-window.ts'
import { groupBy } from '../group-by.ts'
import { figures } from '../incidents/parts.ts'
import { sourceRefColumns, type SourceRefRow } from '../sources/refs.ts'

type TallyView = Static<typeof Tally>
type Figure = number | null

const tallyColumns = {
  tally: tallies,
  source: sourceRefColumns,
  perpetrator: { id: actors.id, slug: actors.slug, name: actors.name }
}

export interface TallyJoinRow {
  tally: typeof tallies.$inferSelect
  source: SourceRefRow
  perpetrator: { id: string, slug: string, name: string } | null
}

function baseSelect (db: Database) {
  return db.select(tallyColumns).from(tallies)
    .innerJoin(sources, eq(tallies.sourceId, sources.id))
    .leftJoin(actors, eq(tallies.perpetratorId, actors.id))
}

/** Sums of best, low and high over the incidents that give each; high is null as soon as one incident's is open. */
export function sumFigures (rows: Array<{ best: Figure, low: Figure, high: Figure }>) {
  const known = (values: Figure[]) => values.filter((v): v is number => v !== null)
  const sum = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0))
  const withBest = rows.filter((r) => r.best !== null || r.low !== null)
  return {
    figures: {
      best: sum(withBest.map((r) => (r.best ?? r.low) as number)),
      low: sum(known(withBest.map((r) => r.low ?? r.best))),
      high: withBest.some((r) => r.high === null) ? null : sum(known(withBest.map((r) => r.high)))
    },
    unknown: rows.length - withBest.length
  }
}

/** Adds breakdowns, incident ids and the incidents' summed figures: two queries for any number of tallies. */
export async function hydrateTallies (db: Database, rows: TallyJoinRow[]): Promise<TallyView[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.tally.id)
  const [breakdowns, linked] = await Promise.all([
    db.select().from(tallyBreakdowns).where(inArray(tallyBreakdowns.tallyId, ids))
      .orderBy(asc(tallyBreakdowns.victimGroup)),
    db.select({ tallyId: tallyIncidents.tallyId, incident: incidents }).from(tallyIncidents)
      .innerJoin(incidents, eq(tallyIncidents.incidentId, incidents.id))
      .where(inArray(tallyIncidents.tallyId, ids))
      .orderBy(asc(incidents.occurredOn), asc(incidents.id))
  ])
  const breakdownOf = groupBy(breakdowns, (b) => `${b.tallyId}/${b.outcome}`, (b) => ({ group: b.victimGroup, best: b.best, low: b.low, high: b.high }))
  const incidentsOf = groupBy(linked, (l) => l.tallyId, (l) => l.incident)
  return rows.map(({ tally: t, source, perpetrator }) => {
    const covered = incidentsOf.get(t.id) ?? []
    const killed = sumFigures(covered.map((i) => figures(i, 'killed')))
    const wounded = sumFigures(covered.map((i) => figures(i, 'wounded')))
    return {
      id: t.id,
      title: t.title,
      source,
      period_start: t.periodStart,
      period_end: t.periodEnd,
      period_precision: t.periodPrecision,
      perpetrator: perpetrator ?? null,
      killed: { ...figures(t, 'killed'), breakdown: breakdownOf.get(`${t.id}/killed`) ?? [] },
      wounded: { ...figures(t, 'wounded'), breakdown: breakdownOf.get(`${t.id}/wounded`) ?? [] },
      incident_ids: covered.map((i) => i.id),
      incidents_sum: {
        incidents: covered.length,
        killed: killed.figures,
        wounded: wounded.figures,
        killed_unknown: killed.unknown,
        wounded_unknown: wounded.unknown
      },
      excerpt: t.excerpt,
      notes: t.notes,
      version: t.version,
      ...recordTimestamps(t)
    }
  })
}

/** Tallies a list query matches, latest period_end first, then id descending, after its cursor; the date range matches periods that overlap it (or hold it whole, with date_match=within). */
export function tallyListSelect (db: Database, query: Static<typeof TallyListQuery>) {
  const conditions: SQL[] = []
  if (query.source) conditions.push(eq(tallies.sourceId, query.source))
  conditions.push(...windowConditions(tallies.periodStart, tallies.periodEnd, query))
  if (query.updated_since) conditions.push(gte(tallies.updatedAt, new Date(query.updated_since)))
  if (query.cursor) {
    const [periodEnd, id] = decodeCursor(query.cursor, 'tallies', [dateKey, textKey])
    conditions.push(sql`(${tallies.periodEnd}, ${tallies.id}) < (${periodEnd}::date, ${id})`)
  }
  return baseSelect(db).where(and(...conditions)).orderBy(desc(tallies.periodEnd), desc(tallies.id))
}

export async function listTallies (db: Database, query: Static<typeof TallyListQuery>) {
  const limit = query.limit ?? 50
  const rows = await tallyListSelect(db, query).limit(limit + 1) as unknown as TallyJoinRow[]
  const page = toPage(rows, limit, (last) => encodeCursor('tallies', [last.tally.periodEnd, last.tally.id]))
  return { data: await hydrateTallies(db, page.data), next_cursor: page.next_cursor }
}

export async function getTally (db: Database, id: string): Promise<TallyView> {
  const rows = await baseSelect(db).where(eq(tallies.id, id)).limit(1) as unknown as TallyJoinRow[]
  if (rows.length === 0) throw notFound('tally', id)
  const [tally] = await hydrateTallies(db, rows)
  return tally as TallyView
}
