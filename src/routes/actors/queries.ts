/** Actor queries: lookup by id or slug, resolution of actor filters, and the actor list. */
import { aliasedTable, and, asc, eq, gt, gte, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Static } from '@sinclair/typebox'
import type { Database } from '../../db/client.ts'
import { actorEstimates, actors } from '../../db/schema.ts'
import { containsText, likePattern, recordTimestamps } from '../../db/sql.ts'
import { decodeCursor, encodeCursor, textKey } from '../../http/cursor.ts'
import { toPage } from '../../http/pagination.ts'
import { invalidParameter, notFound } from '../../http/problem.ts'
import type { Actor, ActorListQuery } from '../../schemas/actors.ts'
import { groupBy } from '../group-by.ts'

const parents = aliasedTable(actors, 'parent')

const actorColumns = {
  actor: actors,
  parent: { id: parents.id, slug: parents.slug, name: parents.name }
}

export type ActorJoinRow = { actor: typeof actors.$inferSelect, parent: { id: string, slug: string, name: string } | null }

type ActorView = Static<typeof Actor>

function toActor ({ actor, parent }: ActorJoinRow, estimates: ActorView['estimates'] = []): ActorView {
  return {
    id: actor.id,
    slug: actor.slug,
    name: actor.name,
    aliases: actor.aliases,
    kind: actor.kind,
    parent: parent ?? null,
    description: actor.description,
    estimates,
    version: actor.version,
    ...recordTimestamps(actor)
  }
}

/** Estimates of these actors, oldest first: one query for any number of actors. */
async function estimatesOf (db: Database, ids: string[]): Promise<Map<string, ActorView['estimates']>> {
  if (ids.length === 0) return new Map()
  const rows = await db.select().from(actorEstimates).where(inArray(actorEstimates.actorId, ids))
    .orderBy(asc(actorEstimates.asOf), asc(actorEstimates.id))
  return groupBy(rows, (e) => e.actorId, (e) => ({
    measure: e.measure,
    best: e.best,
    low: e.low,
    high: e.high,
    as_of: e.asOf,
    date_precision: e.datePrecision,
    source_id: e.sourceId,
    statement_id: e.statementId,
    excerpt: e.excerpt,
    notes: e.notes
  }))
}

/** Matches an actor by id, slug or alias (aliases case-insensitively, as `isis-k` for "ISIS-K"). */
const byKey = (value: string) => or(
  eq(actors.id, value.trim()),
  eq(actors.slug, value.trim().toLowerCase()),
  sql`exists (select 1 from unnest(${actors.aliases}) as alias where lower(alias) = ${value.trim().toLowerCase()})`
) as SQL

type KeyRow = { id: string, slug: string, aliases: string[] }

/** The one actor a key names: id first, then slug, then alias; undefined when none; an error when an alias names several. */
function pick (rows: KeyRow[], value: string, ambiguous: (ids: string[]) => Error): KeyRow | undefined {
  const exact = rows.find((r) => r.id === value.trim()) ?? rows.find((r) => r.slug === value.trim().toLowerCase())
  if (exact) return exact
  const key = value.trim().toLowerCase()
  const byAlias = rows.filter((r) => r.aliases.some((a) => a.toLowerCase() === key))
  if (byAlias.length > 1) throw ambiguous(byAlias.map((r) => r.slug))
  return byAlias[0]
}

export async function getActor (db: Database, key: string): Promise<ActorView> {
  const rows = await db.select(actorColumns).from(actors)
    .leftJoin(parents, eq(actors.parentId, parents.id))
    .where(byKey(key)) as unknown as ActorJoinRow[]
  const match = pick(rows.map((r) => r.actor), key, (slugs) => ambiguousActor('id', key, slugs, 'path'))
  const row = rows.find((r) => r.actor.id === match?.id)
  if (!row) throw notFound('actor', key)
  return toActor(row, (await estimatesOf(db, [row.actor.id])).get(row.actor.id))
}

function ambiguousActor (name: string, value: string, slugs: string[], where: 'query' | 'path' = 'query') {
  return invalidParameter(name, `"${value}" is an alias of several actors (${slugs.join(', ')}); use an id or slug`, where)
}

/** The id of the actor with this id, slug or alias; 404 when there is none (for path parameters). */
export async function requireActorId (db: Database, key: string): Promise<string> {
  const rows = await db.select({ id: actors.id, slug: actors.slug, aliases: actors.aliases }).from(actors).where(byKey(key))
  const match = pick(rows, key, (slugs) => ambiguousActor('id', key, slugs, 'path'))
  if (!match) throw notFound('actor', key)
  return match.id
}

/**
 * Resolves actor filter parameters (id, slug or alias) to actor ids, and with `branches` adds every actor below
 * each one in the parent tree (Islamic State -> ISKP). An unknown actor is a 400 naming the parameter: a typo must
 * not look like "no results".
 */
export async function resolveActorFilters<K extends string> (
  db: Database, filters: Partial<Record<K, string>>, options: { branches?: boolean } = {}
): Promise<Partial<Record<K, string[]>>> {
  const entries = Object.entries(filters).filter((e): e is [K, string] => typeof e[1] === 'string')
  if (entries.length === 0) return {}
  const values = [...new Set(entries.map(([, v]) => v))]
  const rows = await db.select({ id: actors.id, slug: actors.slug, aliases: actors.aliases }).from(actors)
    .where(or(...values.map(byKey)))
  const tree = options.branches ? await db.select({ id: actors.id, parentId: actors.parentId }).from(actors) : []
  const below = (id: string): string[] => {
    const ids = [id]
    for (let i = 0; i < ids.length; i++) {
      for (const child of tree) if (child.parentId === ids[i] && !ids.includes(child.id)) ids.push(child.id)
    }
    return ids
  }
  const resolved: Partial<Record<K, string[]>> = {}
  for (const [name, value] of entries) {
    const match = pick(rows, value, (slugs) => ambiguousActor(name, value, slugs))
    if (!match) throw invalidParameter(name, `names no known actor ("${value}"); use an actor id, slug or alias from /v1/actors`)
    resolved[name] = options.branches ? below(match.id) : [match.id]
  }
  return resolved
}

/** Actors a list query matches, ordered by slug, after its cursor: the list's page and the export read the same select. */
export function actorListSelect (db: Database, query: Static<typeof ActorListQuery>) {
  const conditions: SQL[] = []
  if (query.q) {
    conditions.push(or(
      containsText(query.q, [actors.name, actors.slug]),
      sql`exists (select 1 from unnest(${actors.aliases}) as alias where alias ilike ${likePattern(query.q)})`
    ) as SQL)
  }
  if (query.kind) conditions.push(eq(actors.kind, query.kind))
  if (query.updated_since) conditions.push(gte(actors.updatedAt, new Date(query.updated_since)))
  if (query.cursor) {
    const [slug] = decodeCursor(query.cursor, 'actors', [textKey])
    conditions.push(gt(actors.slug, slug as string))
  }
  return db.select(actorColumns).from(actors)
    .leftJoin(parents, eq(actors.parentId, parents.id))
    .where(and(...conditions))
    .orderBy(asc(actors.slug))
}

/** The views of actor rows, with their estimates: one more query for any number of rows. */
export async function toActorViews (db: Database, rows: ActorJoinRow[]): Promise<ActorView[]> {
  const estimates = await estimatesOf(db, rows.map((r) => r.actor.id))
  return rows.map((r) => toActor(r, estimates.get(r.actor.id)))
}

export async function listActors (db: Database, query: Static<typeof ActorListQuery>) {
  const limit = query.limit ?? 50
  const rows = await actorListSelect(db, query).limit(limit + 1) as unknown as ActorJoinRow[]
  const page = toPage(rows, limit, (last) => encodeCursor('actors', [last.actor.slug]))
  return { data: await toActorViews(db, page.data), next_cursor: page.next_cursor }
}
