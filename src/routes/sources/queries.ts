/** Source queries: the filtered list and one source, each with its citation chain. */
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type { Static } from '@sinclair/typebox'
import type { Database } from '../../db/client.ts'
import { sourceCitations, sources } from '../../db/schema.ts'
import { containsText, recordTimestamps } from '../../db/sql.ts'
import { dateKey, decodeCursor, encodeCursor, textKey } from '../../http/cursor.ts'
import { toPage } from '../../http/pagination.ts'
import { parseList } from '../../http/filters.ts'
import { notFound } from '../../http/problem.ts'
import type { Source, SourceListQuery } from '../../schemas/sources.ts'
import { groupBy } from '../group-by.ts'
import { sourceRefJson, type SourceRefRow } from './refs.ts'

type SourceView = Static<typeof Source>

/** Unknown publication dates sort last: they stand in as the earliest possible date. */
const sortDate = sql<string>`coalesce(${sources.publishedOn}, '0001-01-01'::date)`

/** Adds what each source cites and what cites it: two queries for any number of sources. */
export async function hydrateSources (db: Database, rows: Array<typeof sources.$inferSelect>): Promise<SourceView[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [cites, citedBy] = await Promise.all([
    db.select({ key: sourceCitations.sourceId, source: sourceRefJson(sourceCitations.citedSourceId), context: sourceCitations.context })
      .from(sourceCitations)
      .where(inArray(sourceCitations.sourceId, ids)).orderBy(asc(sourceCitations.citedSourceId)),
    db.select({ key: sourceCitations.citedSourceId, source: sourceRefJson(sourceCitations.sourceId), context: sourceCitations.context })
      .from(sourceCitations)
      .where(inArray(sourceCitations.citedSourceId, ids)).orderBy(asc(sourceCitations.sourceId))
  ])
  const citation = (c: { source: SourceRefRow, context: string | null }) => ({ source: c.source, context: c.context })
  const citesOf = groupBy(cites, (c) => c.key, citation)
  const citedByOf = groupBy(citedBy, (c) => c.key, citation)
  return rows.map((s) => ({
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    author: s.author,
    published_on: s.publishedOn,
    date_precision: s.publishedOnPrecision,
    url: s.url,
    language: s.language,
    kind: s.kind,
    notes: s.notes,
    cites: citesOf.get(s.id) ?? [],
    cited_by: citedByOf.get(s.id) ?? [],
    version: s.version,
    ...recordTimestamps(s)
  }))
}

/** Sources a list query matches, newest `published_on` first (unknown dates last), then id descending, after its cursor. */
export function sourceListSelect (db: Database, query: Static<typeof SourceListQuery>) {
  const conditions: SQL[] = []
  const publishers = parseList('publisher', query.publisher)
  if (publishers) conditions.push(inArray(sql`lower(${sources.publisher})`, publishers.map((p) => p.toLowerCase())))
  if (query.kind) conditions.push(eq(sources.kind, query.kind))
  if (query.start_date) conditions.push(gte(sources.publishedOn, query.start_date))
  if (query.end_date) conditions.push(lte(sources.publishedOn, query.end_date))
  if (query.q) conditions.push(containsText(query.q, [sources.title, sources.publisher, sources.author]))
  if (query.updated_since) conditions.push(gte(sources.updatedAt, new Date(query.updated_since)))
  if (query.cursor) {
    const [date, id] = decodeCursor(query.cursor, 'sources', [dateKey, textKey])
    conditions.push(sql`(${sortDate}, ${sources.id}) < (${date}::date, ${id})`)
  }
  return db.select().from(sources).where(and(...conditions))
    .orderBy(sql`${sortDate} desc`, sql`${sources.id} desc`)
}

export async function listSources (db: Database, query: Static<typeof SourceListQuery>) {
  const limit = query.limit ?? 50
  const rows = await sourceListSelect(db, query).limit(limit + 1)
  const page = toPage(rows, limit, (last) => encodeCursor('sources', [last.publishedOn ?? '0001-01-01', last.id]))
  return { data: await hydrateSources(db, page.data), next_cursor: page.next_cursor }
}

export async function getSource (db: Database, id: string): Promise<SourceView> {
  const rows = await db.select().from(sources).where(eq(sources.id, id)).limit(1)
  if (rows.length === 0) throw notFound('source', id)
  const [source] = await hydrateSources(db, rows)
  return source as SourceView
}

export async function sourceExists (db: Database, id: string): Promise<boolean> {
  const [row] = await db.select({ id: sources.id }).from(sources).where(eq(sources.id, id)).limit(1)
  return row !== undefined
}

export async function requireSource (db: Database, id: string): Promise<void> {
  if (!(await sourceExists(db, id))) throw notFound('source', id)
}
