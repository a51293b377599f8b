/** Actor queries: lookup by id or slug, resolution of actor filters, and the actor list. */
import { aliasedTable, and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Static } from '@sinclair/typebox'
import type { Database } from '../../db/client.ts'
import { actors } from '../../db/schema.ts'
import { containsText, likePattern, recordTimestamps } from '../../db/sql.ts'
import { decodeCursor, encodeCursor, textKey } from '../../http/cursor.ts'
import { toPage } from '../../http/pagination.ts'
import { invalidParameter, notFound } from '../../http/problem.ts'
import type { Actor, ActorListQuery } from '../../schemas/actors.ts'

const parents = aliasedTable(actors, 'parent')

const actorColumns = {
  actor: actors,
  parent: { id: parents.id, slug: parents.slug, name: parents.name }
}

type ActorJoinRow = { actor: typeof actors.$inferSelect, parent: { id: string, slug: string, name: string } | null }

function toActor ({ actor, parent }: ActorJoinRow): Static<typeof Actor> {
  return {
    id: actor.id,
    slug: actor.slug,
    name: actor.name,
    aliases: actor.aliases,
    kind: actor.kind,
    parent: parent ?? null,
    description: actor.description,
    ...recordTimestamps(actor)
  }
}

const byIdOrSlug = (value: string) => or(eq(actors.id, value), eq(actors.slug, value.toLowerCase()))

export async function getActor (db: Database, idOrSlug: string): Promise<Static<typeof Actor>> {
  const [row] = await db.select(actorColumns).from(actors)
    .leftJoin(parents, eq(actors.parentId, parents.id))
    .where(byIdOrSlug(idOrSlug))
    .limit(1)
  if (!row) throw notFound('actor', idOrSlug)
  return toActor(row)
}

/** The id of the actor with this id or slug; 404 when there is none (for path parameters). */
export async function requireActorId (db: Database, idOrSlug: string): Promise<string> {
  const [row] = await db.select({ id: actors.id }).from(actors).where(byIdOrSlug(idOrSlug)).limit(1)
  if (!row) throw notFound('actor', idOrSlug)
  return row.id
}

/**
 * Resolves actor filter parameters (id or slug) to ids in one query.
 * An unknown actor is a 400 naming the parameter: a typo must not look like "no results".
 */
export async function resolveActorFilters<K extends string> (
  db: Database, filters: Partial<Record<K, string>>
): Promise<Partial<Record<K, string>>> {
  const entries = Object.entries(filters).filter((e): e is [K, string] => typeof e[1] === 'string')
  if (entries.length === 0) return {}
  const values = [...new Set(entries.map(([, v]) => v))]
  const rows = await db.select({ id: actors.id, slug: actors.slug }).from(actors)
    .where(or(inArray(actors.id, values), inArray(actors.slug, values.map((v) => v.toLowerCase()))))
  const resolved: Partial<Record<K, string>> = {}
  for (const [name, value] of entries) {
    const match = rows.find((r) => r.id === value) ?? rows.find((r) => r.slug === value.toLowerCase())
    if (!match) throw invalidParameter(name, `names no known actor ("${value}"); use an actor id or slug from /v1/actors`)
    resolved[name] = match.id
  }
  return resolved
}

export async function listActors (db: Database, query: Static<typeof ActorListQuery>) {
  const limit = query.limit ?? 50
  const conditions: SQL[] = []
  if (query.q) {
    conditions.push(or(
      containsText(query.q, [actors.name, actors.slug]),
      sql`exists (select 1 from unnest(${actors.aliases}) as alias where alias ilike ${likePattern(query.q)})`
    ) as SQL)
  }
  if (query.kind) conditions.push(eq(actors.kind, query.kind))
  if (query.cursor) {
    const [slug] = decodeCursor(query.cursor, 'actors', [textKey])
    conditions.push(gt(actors.slug, slug as string))
  }
  const rows = await db.select(actorColumns).from(actors)
    .leftJoin(parents, eq(actors.parentId, parents.id))
    .where(and(...conditions))
    .orderBy(asc(actors.slug))
    .limit(limit + 1)
  return toPage(rows.map(toActor), limit, (last) => encodeCursor('actors', [last.slug]))
}
