/**
 * The 200 synthetic actors: armed groups (1-40) and their branches (41-70), a government (71) and its bodies
 * (72-90), parties and movements, organisations, outlets, and people (141-200) speaking for the others.
 * Responsibility goes to the first 80 by a skewed rank, so a few groups own most of it.
 */
import type { ActorKind } from '../../domain/vocabulary.ts'
import type { actors } from '../../db/schema.ts'
import { actorWidth, idText, prefixes } from './ids.ts'

export const actorCount = 200

/** Ranks that can carry responsibility: the armed groups, their branches and the government. */
export const responsibleActors = 80

/** The government and its bodies: who attributes, denies and responds. */
export const governmentActors = { first: 71, count: 20 }

interface Band { from: number, to: number, kind: ActorKind, label: string, parent?: (n: number) => number | null }

const bands: Band[] = [
  { from: 1, to: 40, kind: 'armed_group', label: 'Armed Group' },
  { from: 41, to: 70, kind: 'armed_group', label: 'Branch', parent: (n) => 1 + ((n - 41) % 10) },
  { from: 71, to: 71, kind: 'government', label: 'Government' },
  { from: 72, to: 90, kind: 'government_body', label: 'Ministry', parent: () => 71 },
  { from: 91, to: 100, kind: 'political_party', label: 'Party' },
  { from: 101, to: 110, kind: 'political_movement', label: 'Movement' },
  { from: 111, to: 118, kind: 'international_organization', label: 'Mission' },
  { from: 119, to: 125, kind: 'ngo', label: 'Relief Group' },
  { from: 126, to: 135, kind: 'media_outlet', label: 'News' },
  { from: 136, to: 140, kind: 'research_organization', label: 'Institute' },
  { from: 141, to: 200, kind: 'person', label: 'Spokesperson', parent: spokespersonFor }
]

/** People speak for armed groups (141-160), the government (161-180) or parties and organisations (181-190); 191-200 for no one. */
function spokespersonFor (n: number): number | null {
  if (n <= 160) return n - 140
  if (n <= 180) return n - 180 + 90
  if (n <= 190) return 91 + (n - 181) * 5
  return null
}

export function actorId (n: number): string {
  return idText(prefixes.actor, n, actorWidth)
}

function bandOf (n: number): Band {
  const band = bands.find((b) => n >= b.from && n <= b.to)
  if (!band) throw new RangeError(`no actor number ${n}`)
  return band
}

/** The parent of each actor by number (index 0 unused), '' for none. */
export function actorParents (): string[] {
  return Array.from({ length: actorCount + 1 }, (_, n) => {
    if (n === 0) return ''
    const parent = bandOf(n).parent?.(n) ?? null
    return parent === null ? '' : actorId(parent)
  })
}

export function benchActors (): Array<typeof actors.$inferInsert> {
  const parents = actorParents()
  return Array.from({ length: actorCount }, (_, i) => {
    const n = i + 1
    const band = bandOf(n)
    const number = String(n).padStart(actorWidth, '0')
    const name = `Bench ${band.label} ${number}`
    return {
      id: actorId(n),
      slug: name.toLowerCase().replaceAll(' ', '-'),
      name,
      aliases: band.kind === 'armed_group' && !band.parent ? [`BAG-${number}`] : [],
      kind: band.kind,
      parentId: parents[n] || null,
      description: 'Synthetic actor for load testing.'
    }
  })
}

/** Who speaks in statements: mostly people, then government bodies and armed groups, each band skewed to its first members. */
export function speakerWeights (): number[] {
  return Array.from({ length: actorCount }, (_, i) => {
    const n = i + 1
    if (n >= 141) return 60 / (n - 140)
    if (n >= 72 && n <= 90) return 8 / (n - 71)
    if (n <= 40) return 10 / n
    return 0
  })
}
