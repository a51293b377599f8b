/** Statement queries: the filtered list, one statement, and the hydration of incident ids and sources. */
import { aliasedTable, and, asc, desc, eq, exists, gte, ilike, or, sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { Static } from '@sinclair/typebox'
import type { Database } from '../../db/client.ts'
import { actors, statementIncidents, statements, statementSources } from '../../db/schema.ts'
import { prepared } from '../../db/prepared.ts'
import { likePattern, recordTimestamps } from '../../db/sql.ts'
import { dateKey, decodeCursor, encodeCursor, textKey } from '../../http/cursor.ts'
import { toPage } from '../../http/pagination.ts'
import { notFound } from '../../http/problem.ts'
import type { Statement, StatementFilters } from '../../schemas/statements.ts'
import { branchRows, dateBranches, pageIdsOf } from '../date-branches.ts'
import { windowConditions } from '../date-window.ts'
import { groupBy } from '../group-by.ts'
import { sourcePublishedOn, sourceRefJson, type SourceRefRow } from '../sources/refs.ts'
import type { TObject } from '@sinclair/typebox'

type StatementView = Static<typeof Statement>
type CommonFilters = Static<TObject<typeof StatementFilters>>

export interface StatementQuery extends CommonFilters {
  speakerId?: string
  /** Speaker or on behalf of. */
  actorId?: string
  incidentId?: string
}

const speakers = aliasedTable(actors, 'speaker')
const principals = aliasedTable(actors, 'principal')

const statementColumns = {
  statement: statements,
  speaker: { id: speakers.id, slug: speakers.slug, name: speakers.name },
  principal: { id: principals.id, slug: principals.slug, name: principals.name }
}

function baseSelect (db: Database) {
  return db.select(statementColumns).from(statements)
    .innerJoin(speakers, eq(statements.speakerId, speakers.id))
    .leftJoin(principals, eq(statements.onBehalfOfId, principals.id))
}

interface ActorRefRow { id: string, slug: string, name: string }
export interface StatementJoinRow { statement: typeof statements.$inferSelect, speaker: ActorRefRow, principal: ActorRefRow | null }

/** Adds incident ids and sources to statement rows: two queries whatever the number of rows. */
export async function hydrateStatements (db: Database, rows: StatementJoinRow[]): Promise<StatementView[]> {
  if (rows.length === 0) return []
  const queries = prepared(db, 'statement-links', (db) => ({
    incidents: db.select({ statementId: statementIncidents.statementId, incidentId: statementIncidents.incidentId })
      .from(statementIncidents).where(sql`${statementIncidents.statementId} = any(${sql.placeholder('ids')})`)
      .orderBy(asc(statementIncidents.incidentId))
      .prepare('statement_incidents'),
    sources: db.select({ statementId: statementSources.statementId, source: sourceRefJson(statementSources.sourceId) })
      .from(statementSources)
      .where(sql`${statementSources.statementId} = any(${sql.placeholder('ids')})`)
      .orderBy(sql`${sourcePublishedOn(statementSources.sourceId)} asc nulls last`, asc(statementSources.sourceId))
      .prepare('statement_sources')
  }))
  const values = { ids: rows.map((r) => r.statement.id) }
  const [incidentLinks, sourceLinks] = await Promise.all([queries.incidents.execute(values), queries.sources.execute(values)])
  const incidentsOf = groupBy(incidentLinks, (l) => l.statementId, (l) => l.incidentId)
  const sourcesOf = groupBy(sourceLinks, (l) => l.statementId, (l) => l.source as SourceRefRow)
  return rows.map(({ statement: s, speaker, principal }) => ({
    id: s.id,
    speaker,
    on_behalf_of: principal ?? null,
    said_on: s.saidOn,
    date_precision: s.datePrecision,
    date_start: s.dateStart,
    date_end: s.dateEnd,
    kind: s.kind,
    text: s.text,
    text_kind: s.textKind,
    notes: s.notes,
    incident_ids: incidentsOf.get(s.id) ?? [],
    sources: sourcesOf.get(s.id) ?? [],
    version: s.version,
    ...recordTimestamps(s)
  }))
}

const p = sql.placeholder

/** Which filters a query uses: all that changes the SQL text of the list (values go in placeholders). */
function listShape (query: StatementQuery): string {
  const used = [
    query.speakerId && 'speaker', query.actorId && 'actor', query.incidentId && 'incident', query.kind && 'kind',
    query.start_date && 'start', query.end_date && 'end', query.date_match === 'within' && 'within', query.q && 'q',
    query.updated_since && 'updated', query.cursor && 'cursor'
  ]
  return `statements:${used.filter(Boolean).join(',')}`
}

const datedStatements = { table: statements, date: statements.saidOn, start: statements.dateStart, end: statements.dateEnd }

/** A named value of a query: a placeholder of the prepared list, or a bound parameter (statementMatch). */
type Bind = (name: string) => Placeholder | SQL

/** The filters other than the date range (see dateBranches), with their values bound by `v`. */
function listConditions (db: Database, query: StatementQuery, v: Bind = p): SQL[] {
  const conditions: SQL[] = []
  if (query.speakerId) conditions.push(eq(statements.speakerId, v('speaker')))
  if (query.actorId) conditions.push(or(eq(statements.speakerId, v('actor')), eq(statements.onBehalfOfId, v('actor'))) as SQL)
  if (query.incidentId) {
    conditions.push(exists(db.select({ one: sql`1` }).from(statementIncidents).where(and(
      eq(statementIncidents.statementId, statements.id), eq(statementIncidents.incidentId, v('incident'))))))
  }
  if (query.kind) conditions.push(eq(statements.kind, v('kind')))
  if (query.q) conditions.push(ilike(statements.text, v('q')))
  if (query.updated_since) conditions.push(gte(statements.updatedAt, v('updated')))
  if (query.cursor) conditions.push(sql`(${statements.saidOn}, ${statements.id}) < (${v('cursorDate')}::date, ${v('cursorId')})`)
  return conditions
}

/** The values of a query's filters and cursor, by the names listConditions binds. */
function listValues (query: StatementQuery): Record<string, unknown> {
  const values: Record<string, unknown> = {
    speaker: query.speakerId,
    actor: query.actorId,
    incident: query.incidentId,
    kind: query.kind,
    start: query.start_date,
    end: query.end_date,
    q: query.q === undefined ? undefined : likePattern(query.q),
    updated: query.updated_since === undefined ? undefined : new Date(query.updated_since).toISOString()
  }
  if (query.cursor) {
    const [saidOn, id] = decodeCursor(query.cursor, 'statements', [dateKey, textKey])
    values.cursorDate = saidOn
    values.cursorId = id
  }
  return values
}

/**
 * Every statement a query matches after its cursor, as one condition with its values bound as parameters: for the
 * whole-result read of an export, where the list's date branches and page limits do not apply. The same filters as
 * the list, built by the same function.
 */
export function statementMatch (db: Database, query: StatementQuery): SQL {
  const values = listValues(query)
  const v = (name: string) => sql`${sql.param(values[name])}`
  return and(...listConditions(db, query, v), ...windowConditions(statements.dateStart, statements.dateEnd, query)) ?? sql`true`
}

/** Statement rows with their speaker and principal, newest `said_on` first, then id descending. */
export function statementSelect (db: Database, condition: SQL) {
  return baseSelect(db).where(condition).orderBy(desc(statements.saidOn), desc(statements.id))
}

/** Statements newest `said_on` first, then id descending; keyset-paginated; prepared per shape. */
export async function listStatements (db: Database, query: StatementQuery) {
  const limit = query.limit ?? 50
  const values = { ...listValues(query), limit: limit + 1 }
  const list = prepared(db, listShape(query), (db) => {
    const conditions = listConditions(db, query)
    const branches = dateBranches(datedStatements, query).map((range) => db.select({ saidOn: statements.saidOn, id: statements.id })
      .from(statements).where(and(...conditions, ...range))
      .orderBy(desc(statements.saidOn), desc(statements.id))
      .getSQL())
      .map((branch, _, all) => sql`${branch} limit ${all.length === 1 ? branchRows : p('limit')}`)
    // The page's ids first (as an array: fetched by primary key), then its rows.
    return baseSelect(db).where(sql`${statements.id} = any(array(${pageIdsOf(datedStatements, branches)}))`)
      .orderBy(desc(statements.saidOn), desc(statements.id))
      .prepare('list_statements')
  })
  const rows: StatementJoinRow[] = await list.execute(values)
  const page = toPage(rows, limit, (last) => encodeCursor('statements', [last.statement.saidOn, last.statement.id]))
  return { data: await hydrateStatements(db, page.data), next_cursor: page.next_cursor }
}

/** Statements about an incident, oldest first (for the incident's own view). */
export async function statementsAboutIncident (db: Database, incidentId: string): Promise<StatementView[]> {
  const query = prepared(db, 'statements-about-incident', (db) => baseSelect(db)
    .where(exists(db.select({ one: sql`1` }).from(statementIncidents).where(and(
      eq(statementIncidents.statementId, statements.id), eq(statementIncidents.incidentId, sql.placeholder('id'))))))
    .orderBy(asc(statements.saidOn), asc(statements.id))
    .prepare('statements_about_incident'))
  return hydrateStatements(db, await query.execute({ id: incidentId }))
}

export async function getStatement (db: Database, id: string): Promise<StatementView> {
  const rows = await baseSelect(db).where(eq(statements.id, id)).limit(1)
  if (rows.length === 0) throw notFound('statement', id)
  const [statement] = await hydrateStatements(db, rows)
  return statement as StatementView
}
