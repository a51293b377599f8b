/** Incident queries: the filtered list, one incident with its reports, and batch loading of related rows. */
import { and, asc, desc, eq, exists, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm'
import type { Static, TObject } from '@sinclair/typebox'
import type { Database } from '../../db/client.ts'
import {
  actors, casualtyBreakdowns, incidentReports, incidents, provinces, responsibilities, sources,
  statementIncidents, statements
} from '../../db/schema.ts'
import { likePattern, recordTimestamps } from '../../db/sql.ts'
import { dateKey, decodeCursor, encodeCursor, textKey } from '../../http/cursor.ts'
import { toPage } from '../../http/pagination.ts'
import { notFound } from '../../http/problem.ts'
import type { Incident, IncidentDetail, IncidentFilters } from '../../schemas/incidents.ts'
import { sourceRefColumns, type SourceRefRow } from '../sources/refs.ts'
import { groupBy } from '../group-by.ts'
import { statementsAboutIncident } from '../statements/queries.ts'

type IncidentView = Static<typeof Incident>
type IncidentDetailView = Static<typeof IncidentDetail>

export interface IncidentQuery extends Omit<Static<TObject<typeof IncidentFilters>>, 'province' | 'claimed_by' | 'attributed_to'> {
  provinceCodes?: string[]
  claimedBy?: string
  attributedTo?: string
  /** Any role: responsibility of any kind, or a statement about the incident. */
  actorId?: string
  /** Incidents a source reports. */
  sourceId?: string
}

/**
 * The text `q` searches, joined with \x01 (a control character `q` cannot contain, so matches never span two
 * fields). Served by the trigram index in drizzle/0001_incident_text_search.sql: keep the two expressions identical.
 */
const incidentSearchText = sql`(coalesce(${incidents.title}, '') || E'\\x01' || coalesce(${incidents.summary}, '') || E'\\x01' || coalesce(${incidents.district}, '') || E'\\x01' || coalesce(${incidents.place}, ''))`

const incidentColumns = {
  incident: incidents,
  province: { code: provinces.code, name: provinces.name }
}

function baseSelect (db: Database) {
  return db.select(incidentColumns).from(incidents).leftJoin(provinces, eq(incidents.provinceCode, provinces.code))
}

type IncidentJoinRow = Awaited<ReturnType<typeof baseSelect>>[number]

function responsibilityExists (db: Database, actorId: string, kinds?: Array<'claimed' | 'attributed' | 'suspected' | 'denied'>): SQL {
  return exists(db.select({ one: sql`1` }).from(responsibilities).where(and(
    eq(responsibilities.incidentId, incidents.id),
    eq(responsibilities.actorId, actorId),
    kinds ? inArray(responsibilities.kind, kinds) : undefined
  )))
}

function filterConditions (db: Database, query: IncidentQuery): SQL[] {
  const conditions: SQL[] = []
  if (query.provinceCodes) conditions.push(inArray(incidents.provinceCode, query.provinceCodes))
  if (query.start_date) conditions.push(gte(incidents.occurredOn, query.start_date))
  if (query.end_date) conditions.push(lte(incidents.occurredOn, query.end_date))
  if (query.claimedBy) conditions.push(responsibilityExists(db, query.claimedBy, ['claimed']))
  if (query.attributedTo) conditions.push(responsibilityExists(db, query.attributedTo, ['claimed', 'attributed']))
  if (query.actorId) {
    const spoke = exists(db.select({ one: sql`1` }).from(statementIncidents)
      .innerJoin(statements, eq(statementIncidents.statementId, statements.id))
      .where(and(
        eq(statementIncidents.incidentId, incidents.id),
        or(eq(statements.speakerId, query.actorId), eq(statements.onBehalfOfId, query.actorId))
      )))
    conditions.push(or(responsibilityExists(db, query.actorId), spoke) as SQL)
  }
  if (query.sourceId) {
    conditions.push(exists(db.select({ one: sql`1` }).from(incidentReports).where(and(
      eq(incidentReports.incidentId, incidents.id), eq(incidentReports.sourceId, query.sourceId)))))
  }
  if (query.type) conditions.push(eq(incidents.type, query.type))
  if (query.q) conditions.push(sql`${incidentSearchText} ilike ${likePattern(query.q)}`)
  return conditions
}

/** Incidents newest `occurred_on` first, then id descending: three queries whatever the page size. */
export async function listIncidents (db: Database, query: IncidentQuery) {
  const limit = query.limit ?? 50
  const conditions = filterConditions(db, query)
  if (query.cursor) {
    const [occurredOn, id] = decodeCursor(query.cursor, 'incidents', [dateKey, textKey])
    conditions.push(sql`(${incidents.occurredOn}, ${incidents.id}) < (${occurredOn}::date, ${id})`)
  }
  const rows = await baseSelect(db).where(and(...conditions))
    .orderBy(desc(incidents.occurredOn), desc(incidents.id))
    .limit(limit + 1)
  const page = toPage(rows, limit, (last) => encodeCursor('incidents', [last.incident.occurredOn, last.incident.id]))
  return { data: await hydrateIncidents(db, page.data), next_cursor: page.next_cursor }
}

/** Adds responsibility and casualty breakdowns: two queries for any number of incidents. */
async function hydrateIncidents (db: Database, rows: IncidentJoinRow[]): Promise<IncidentView[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.incident.id)
  const [claims, breakdowns] = await Promise.all([
    db.select({
      incidentId: responsibilities.incidentId,
      kind: responsibilities.kind,
      actor: { id: actors.id, slug: actors.slug, name: actors.name },
      source_id: responsibilities.sourceId,
      statement_id: responsibilities.statementId,
      notes: responsibilities.notes
    }).from(responsibilities).innerJoin(actors, eq(responsibilities.actorId, actors.id))
      .where(inArray(responsibilities.incidentId, ids))
      .orderBy(sql`array_position(array['claimed','attributed','suspected','denied']::responsibility_kind[], ${responsibilities.kind})`,
        asc(actors.slug), asc(responsibilities.sourceId)),
    db.select().from(casualtyBreakdowns).where(inArray(casualtyBreakdowns.incidentId, ids))
      .orderBy(asc(casualtyBreakdowns.victimGroup), asc(casualtyBreakdowns.sourceId))
  ])
  const claimsOf = groupBy(claims, (c) => c.incidentId, ({ incidentId: _, ...c }) => c)
  const breakdownsOf = groupBy(breakdowns, (b) => `${b.incidentId}/${b.outcome}`,
    (b) => ({ group: b.victimGroup, count: b.count, source_id: b.sourceId }))
  return rows.map(({ incident: i, province }) => ({
    id: i.id,
    title: i.title,
    occurred_on: i.occurredOn,
    date_precision: i.datePrecision,
    province: province ?? null,
    district: i.district,
    place: i.place,
    latitude: i.latitude,
    longitude: i.longitude,
    location_precision: i.locationPrecision,
    type: i.type,
    targets: i.targets,
    summary: i.summary,
    killed: { best: i.killedBest, low: i.killedLow, high: i.killedHigh, breakdown: breakdownsOf.get(`${i.id}/killed`) ?? [] },
    wounded: { best: i.woundedBest, low: i.woundedLow, high: i.woundedHigh, breakdown: breakdownsOf.get(`${i.id}/wounded`) ?? [] },
    responsibility: claimsOf.get(i.id) ?? [],
    ...recordTimestamps(i)
  }))
}

export async function incidentExists (db: Database, id: string): Promise<boolean> {
  const [row] = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, id)).limit(1)
  return row !== undefined
}

/** Throws a 404 unless the incident exists (for path parameters). */
export async function requireIncident (db: Database, id: string): Promise<void> {
  if (!(await incidentExists(db, id))) throw notFound('incident', id)
}

export async function getIncident (db: Database, id: string): Promise<IncidentDetailView> {
  const rows = await baseSelect(db).where(eq(incidents.id, id)).limit(1)
  if (rows.length === 0) throw notFound('incident', id)
  const [[incident], reports, statementViews] = await Promise.all([
    hydrateIncidents(db, rows),
    db.select({ report: incidentReports, source: sourceRefColumns }).from(incidentReports)
      .innerJoin(sources, eq(incidentReports.sourceId, sources.id))
      .where(eq(incidentReports.incidentId, id))
      .orderBy(sql`${sources.publishedOn} asc nulls last`, asc(sources.id)),
    statementsAboutIncident(db, id)
  ])
  return {
    ...(incident as IncidentView),
    reports: reports.map(({ report: r, source }) => ({
      source: source as SourceRefRow,
      occurred_on: r.occurredOn,
      date_precision: r.datePrecision,
      killed: { best: r.killedBest, low: r.killedLow, high: r.killedHigh },
      wounded: { best: r.woundedBest, low: r.woundedLow, high: r.woundedHigh },
      excerpt: r.excerpt,
      notes: r.notes
    })),
    statements: statementViews
  }
}
