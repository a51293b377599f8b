/** The curated dataset as table rows, and lookups the route tests share: ids by pattern, actors by slug, actor refs. */
import { readDataset } from '../src/seed/dataset.ts'

export const dataset = readDataset()

/** The one id matching a pattern: the curators may rename records slightly, the tests follow. */
export function idMatching (rows: Array<{ id: string }>, what: string, pattern: RegExp): string {
  const hits = rows.filter((r) => pattern.test(r.id))
  if (hits.length !== 1) throw new Error(`dataset: expected one ${what} matching ${pattern}, found ${hits.map((h) => h.id).join(', ') || 'none'}`)
  return (hits[0] as { id: string }).id
}

export const actorById = new Map(dataset.actors.map((a) => [a.id, a]))
export const actorBySlug = new Map(dataset.actors.map((a) => [a.slug, a]))

export function actorId (slug: string): string {
  const a = actorBySlug.get(slug)
  if (!a) throw new Error(`dataset: no actor ${slug}`)
  return a.id
}

/** The ActorRef the API embeds for an actor id (null for none). */
export function actorRef (id: string | null | undefined): { id: string, slug: string, name: string } | null {
  if (id == null) return null
  const a = actorById.get(id)
  if (!a) throw new Error(`dataset: no actor ${id}`)
  return { id: a.id, slug: a.slug, name: a.name }
}
