/** Incident queries: the filtered list, one incident with its reports, and batch loading of related rows. */
import { and, asc, desc, eq, exists, gte, inArray, or, sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { Static, TObject } from '@sinclair/typebox'
import type { Database } from '../../db/client.ts'
import {
  incidentParticipants, incidentReports, incidents, provinces, responsibilities, sources, statementIncidents, statements
} from '../../db/schema.ts'
import { planEachRun, prepared } from '../../db/prepared.ts'
import { likePattern, recordTimestamps } from '../../db/sql.ts'
import { dateKey, decodeCursor, encodeCursor, textKey } from '../../http/cursor.ts'
import type { BoundingBox, NearPoint } from '../../http/filters.ts'
import { toPage } from '../../http/pagination.ts'
import { notFound } from '../../http/problem.ts'
import type { Incident, IncidentDetail, IncidentFilters } from '../../schemas/incidents.ts'
import { sourceRefColumns, type SourceRefRow } from '../sources/refs.ts'
import { branchRows, dateBranches, pageIdsOf } from '../date-branches.ts'
import { statementsAboutIncident } from '../statements/queries.ts'
import { bboxCondition, geoValues, nearCondition, type Bind } from './geo.ts'
import { figures, incidentDetailParts } from './parts.ts'
import { breakdownJson, participantsJson, responsibilityJson } from './parts-json.ts'

type IncidentView = Static<typeof Incident>
type IncidentDetailView = Static<typeof IncidentDetail>

export interface IncidentQuery extends Omit<Static<TObject<typeof IncidentFilters>>, 'province' | 'claimed_by' | 'attributed_to' | 'type' | 'include_branches' | 'bbox' | 'near' | 'radius_km'> {
  provinceCodes?: string[]
  types?: Array<IncidentView['type']>
  /** Actor ids (the actor, and its branches when asked). */
  claimedBy?: string[]
  attributedTo?: string[]
  /** Any role: responsibility of any kind, a participant, or a statement about the incident. */
  actorIds?: string[]
  /** Incidents a source reports. */
  sourceId?: string
  bbox?: BoundingBox
  near?: NearPoint
}

/**
 * The text `q` searches, joined with \x01 (a control character `q` cannot contain, so matches never span two
 * fields). Served by the trigram index in drizzle/0001_incident_text_search.sql: keep the two expressions identical.
 */
const incidentSearchText = sql`(coalesce(${incidents.title}, '') || E'\\x01' || coalesce(${incidents.summary}, '') || E'\\x01' || coalesce(${incidents.district}, '') || E'\\x01' || coalesce(${incidents.place}, ''))`

const incidentColumns = {
  incident: incidents,
  province: { code: provinces.code, name: provinces.name },
  responsibility: responsibilityJson,
  killedBreakdown: breakdownJson('killed'),
  woundedBreakdown: breakdownJson('wounded'),
  participants: participantsJson
}

export function baseSelect (db: Database) {
  return db.select(incidentColumns).from(incidents).leftJoin(provinces, eq(incidents.provinceCode, provinces.code))
}

export type IncidentJoinRow = Awaited<ReturnType<typeof baseSelect>>[number]

const p = sql.placeholder

/** Responsibility of the given kinds (any kind when absent) by the actors in `actors` (an array value). */
function responsibilityExists (db: Database, actors: Placeholder | SQL, kinds?: Array<'claimed' | 'attributed' | 'suspected' | 'denied'>): SQL {
  return exists(db.select({ one: sql`1` }).from(responsibilities).where(and(
    eq(responsibilities.incidentId, incidents.id),
    sql`${responsibilities.actorId} = any(${actors})`,
    kinds ? inArray(responsibilities.kind, kinds) : undefined
  )))
}

/** Which filters a query uses: all that changes the SQL text of the list (values go in placeholders). */
function listShape (query: IncidentQuery): string {
  const used = [
    query.provinceCodes && (query.provinceCodes.length === 1 ? 'province' : 'provinces'), query.start_date && 'start', query.end_date && 'end',
    query.date_match === 'within' && 'within', query.claimedBy && 'claimed', query.attributedTo && 'attributed',
    query.actorIds && 'actor', query.sourceId && 'source', query.types && 'type', query.updated_since && 'updated',
    query.q && 'q', query.bbox && 'bbox', query.near && 'near', query.cursor && 'cursor'
  ]
  return `incidents:${used.filter(Boolean).join(',')}`
}

/** The placeholder values of a query (the shape says which the SQL uses). */
function listValues (query: IncidentQuery, limit: number): Record<string, unknown> {
  const values = filterValues(query)
  values.limit = limit + 1
  if (query.cursor) {
    const [occurredOn, id] = decodeCursor(query.cursor, 'incidents', [dateKey, textKey])
    values.cursorDate = occurredOn
    values.cursorId = id
  }
  return values
}

/** The values of a query's filters, by the names filterConditions and actorRoles bind. */
export function filterValues (query: IncidentQuery): Record<string, unknown> {
  return {
    ...geoValues(query.bbox, query.near),
    province: query.provinceCodes?.[0],
    provinces: query.provinceCodes,
    start: query.start_date,
    end: query.end_date,
    claimed: query.claimedBy,
    attributed: query.attributedTo,
    actors: query.actorIds,
    source: query.sourceId,
    types: query.types,
    updated: query.updated_since === undefined ? undefined : new Date(query.updated_since).toISOString(),
    q: query.q === undefined ? undefined : likePattern(query.q)
  }
}

const datedIncidents = { table: incidents, date: incidents.occurredOn, start: incidents.dateStart, end: incidents.dateEnd }

/**
 * The `actor` filter (any role) as one set of conditions per role, whose union is the filter: responsibility of any
 * kind, taking part, or speaking (or being spoken for) in a statement about the incident. Apart, each is a plain
 * semi-join the planner can serve either way, probing incidents in date order for a busy actor or starting from the
 * actor's own rows for a rare one; joined by OR, neither is possible.
 */
export function actorRoles (db: Database, query: IncidentQuery, v: Bind = p): SQL[][] {
  if (!query.actorIds) return [[]]
  const tookPart = exists(db.select({ one: sql`1` }).from(incidentParticipants).where(and(
    eq(incidentParticipants.incidentId, incidents.id), sql`${incidentParticipants.actorId} = any(${v('actors')})`)))
  const spoke = exists(db.select({ one: sql`1` }).from(statementIncidents)
    .innerJoin(statements, eq(statementIncidents.statementId, statements.id))
    .where(and(
      eq(statementIncidents.incidentId, incidents.id),
      or(sql`${statements.speakerId} = any(${v('actors')})`, sql`${statements.onBehalfOfId} = any(${v('actors')})`)
    )))
  return [[responsibilityExists(db, v('actors'))], [tookPart], [spoke]]
}

/**
 * The filters other than the date range and the actor's roles (see dateBranches, actorRoles), with their values
 * bound by `v`: placeholders of the prepared list, or parameters (incidentMatch).
 */
export function filterConditions (db: Database, query: IncidentQuery, v: Bind = p): SQL[] {
  const conditions: SQL[] = []
  // One province as a plain equality: the (province, occurred_on) index then yields the page in order.
  if (query.provinceCodes?.length === 1) conditions.push(eq(incidents.provinceCode, v('province')))
  else if (query.provinceCodes) conditions.push(sql`${incidents.provinceCode} = any(${v('provinces')})`)
  if (query.claimedBy) conditions.push(responsibilityExists(db, v('claimed'), ['claimed']))
  if (query.attributedTo) conditions.push(responsibilityExists(db, v('attributed'), ['claimed', 'attributed']))
  if (query.sourceId) {
    conditions.push(exists(db.select({ one: sql`1` }).from(incidentReports).where(and(
      eq(incidentReports.incidentId, incidents.id), eq(incidentReports.sourceId, v('source'))))))
  }
  if (query.types) conditions.push(sql`${incidents.type} = any(${v('types')})`)
  if (query.updated_since) conditions.push(gte(incidents.updatedAt, v('updated')))
  if (query.q) conditions.push(sql`${incidentSearchText} ilike ${v('q')}`)
  if (query.bbox) conditions.push(bboxCondition(v))
  if (query.near) conditions.push(nearCondition(v))
  if (query.cursor) conditions.push(sql`(${incidents.occurredOn}, ${incidents.id}) < (${v('cursorDate')}::date, ${v('cursorId')})`)
  return conditions
}

/** Shapes whose best plan depends on the values: how many incidents an actor has, how common a word is. */
function plannedPerValues (query: IncidentQuery): boolean {
  return Boolean(query.claimedBy ?? query.attributedTo ?? query.actorIds ?? query.q)
}

/**
 * Incidents newest `occurred_on` first, then id descending: one prepared query whatever the page size. The page's
 * ids are found first (filters, order, limit), and only its rows get their nested parts, so the planner's choice for
 * the filters never runs the parts' subqueries for rows that are not on the page.
 */
export async function listIncidents (db: Database, query: IncidentQuery) {
  const limit = query.limit ?? 50
  const values = listValues(query, limit)
  const list = prepared(db, listShape(query), (db) => {
    const conditions = filterConditions(db, query)
    // Each branch yields its newest rows in order and stops at the page size; the branches are merged in order.
    const roles = actorRoles(db, query)
    const branches = dateBranches(datedIncidents, query).flatMap((range) => roles.map((role) =>
      db.select({ occurredOn: incidents.occurredOn, id: incidents.id })
        .from(incidents).where(and(...conditions, ...range, ...role))
        .orderBy(desc(incidents.occurredOn), desc(incidents.id))
        .getSQL()))
    // A single branch of a generically planned shape stops at branchRows (see there); any other at the page size: a
    // custom plan knows it, and a UNION of overlapping branches reads each whole.
    const perValues = plannedPerValues(query)
    const branchLimit = branches.length === 1 && !perValues ? branchRows : p('limit')
    const limited = branches.map((branch) => sql`${branch} limit ${branchLimit}`)
    // An incident can match several roles: then the branches overlap, and their union drops the repeats.
    const pageIds = pageIdsOf(datedIncidents, limited, { distinct: roles.length > 1 })
    // As an array (an InitPlan), the page is fetched by primary key whatever the planner guesses the page size to be.
    const statement = baseSelect(db).where(sql`${incidents.id} = any(array(${pageIds}))`)
      .orderBy(desc(incidents.occurredOn), desc(incidents.id))
      .prepare('list_incidents')
    return perValues ? planEachRun(statement) : statement
  })
  const rows = await list.execute(values)
  const page = toPage(rows, limit, (last) => encodeCursor('incidents', [last.incident.occurredOn, last.incident.id]))
  return { data: toIncidentViews(page.data), next_cursor: page.next_cursor }
}

/** The view of incident rows: their nested parts come with them, as JSON built by the query. */
export function toIncidentViews (rows: IncidentJoinRow[]): IncidentView[] {
  return rows.map(({ incident: i, province, responsibility, killedBreakdown, woundedBreakdown, participants }) => ({
    id: i.id,
    title: i.title,
    occurred_on: i.occurredOn,
    date_precision: i.datePrecision,
    date_start: i.dateStart,
    date_end: i.dateEnd,
    province: province ?? null,
    district: i.district,
    place: i.place,
    latitude: i.latitude,
    longitude: i.longitude,
    location_precision: i.locationPrecision,
    type: i.type,
    targets: i.targets,
    summary: i.summary,
    killed: { ...figures(i, 'killed'), breakdown: killedBreakdown },
    wounded: { ...figures(i, 'wounded'), breakdown: woundedBreakdown },
    perpetrators_killed: figures(i, 'perpetratorsKilled'),
    perpetrators_wounded: figures(i, 'perpetratorsWounded'),
    responsibility,
    participants,
    version: i.version,
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

/** The incident's row and its reports with their sources, prepared once per database. */
function itemQueries (db: Database) {
  const id = p('id')
  return prepared(db, 'incident-item', (db) => ({
    row: baseSelect(db).where(eq(incidents.id, id)).limit(1).prepare('incident_row'),
    reports: db.select({ report: incidentReports, source: sourceRefColumns }).from(incidentReports)
      .innerJoin(sources, eq(incidentReports.sourceId, sources.id))
      .where(eq(incidentReports.incidentId, id))
      .orderBy(sql`${sources.publishedOn} asc nulls last`, asc(sources.id))
      .prepare('incident_reports')
  }))
}

export async function getIncident (db: Database, id: string): Promise<IncidentDetailView> {
  const queries = itemQueries(db)
  const rows = await queries.row.execute({ id })
  if (rows.length === 0) throw notFound('incident', id)
  const [incident] = toIncidentViews(rows)
  const [reports, statementViews, detail] = await Promise.all([
    queries.reports.execute({ id }),
    statementsAboutIncident(db, id),
    incidentDetailParts(db, id)
  ])
  const view = incident as IncidentView
  const breakdownOf = (sourceId: string) => [...view.killed.breakdown, ...view.wounded.breakdown].filter((b) => b.source_id === sourceId)
  return {
    ...view,
    reports: reports.map(({ report: r, source }) => ({
      source: source as SourceRefRow,
      occurred_on: r.occurredOn,
      date_precision: r.datePrecision,
      date_start: r.dateStart,
      date_end: r.dateEnd,
      killed: figures(r, 'killed'),
      wounded: figures(r, 'wounded'),
      perpetrators_killed: figures(r, 'perpetratorsKilled'),
      perpetrators_wounded: figures(r, 'perpetratorsWounded'),
      breakdown: breakdownOf(r.sourceId),
      excerpt: r.excerpt,
      notes: r.notes
    })),
    statements: statementViews,
    ...detail
  }
}
