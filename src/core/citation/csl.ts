/** A source as a CSL-JSON item: the mapping behind GET /v1/sources/{id}/citation and a release's sources.csl.json. */
import type { Static } from '@sinclair/typebox'
import type { DatePrecision, SourceKind } from '../../domain/vocabulary.ts'
import type { CslItem } from '../../schemas/citation.ts'

export type CslItemJson = Static<typeof CslItem>
type CslName = NonNullable<CslItemJson['author']>[number]

/** The fields of a source (its API view) that a citation is made of. */
export interface CitableSource {
  id: string
  title: string | null
  publisher: string | null
  author: string | null
  published_on: string | null
  date_precision: DatePrecision | null
  url: string | null
  language: string | null
  kind: SourceKind
}

const cslType: Record<SourceKind, CslItemJson['type']> = {
  news_article: 'article-newspaper',
  news_agency_report: 'article-newspaper',
  un_report: 'report',
  ngo_report: 'report',
  social_media: 'post',
  official_statement: 'document',
  video: 'motion_picture',
  other: 'document'
}

/** Types whose publisher is the periodical or platform the item appeared in (CSL `container-title`), not its issuer. */
const inContainer = new Set<CslItemJson['type']>(['article-newspaper', 'post'])

/** A capitalised word of letters (hyphens and apostrophes inside): `Amin`, `Al-Hashimi`, `O'Neil`. */
const nameWord = /^\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*$/u

/** Words that make a byline an organisation or a role, not a person ("News Desk", "Staff Reporter"). */
const notPersonal = new Set([
  'agency', 'board', 'bureau', 'contributor', 'contributors', 'correspondent', 'daily', 'desk', 'editor', 'editorial',
  'editors', 'media', 'ministry', 'network', 'news', 'office', 'online', 'press', 'reporter', 'reporters', 'service',
  'staff', 'team', 'times', 'writer'
])

/**
 * One byline as a CSL name, conservatively: exactly two capitalised words that are not an organisation's are
 * `given family`; anything else ("News Desk", a single name, initials, particles) stays `literal`, as written.
 */
export function cslName (byline: string): CslName {
  const text = byline.trim().replace(/\s+/g, ' ')
  const words = text.split(' ')
  if (words.length === 2 && words.every((w) => nameWord.test(w) && !notPersonal.has(w.toLowerCase()))) {
    return { family: words[1]!, given: words[0]! }
  }
  return { literal: text }
}

/** The publication date as precise as it is known: a week-precise date is `circa`; a month or year drops its day. */
function cslDate (date: string, precision: DatePrecision | null): NonNullable<CslItemJson['issued']> {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  if (precision === 'year') return { 'date-parts': [[year]] }
  if (precision === 'month') return { 'date-parts': [[year, month]] }
  return { 'date-parts': [[year, month, day]], ...(precision === 'week' && { circa: true }) }
}

/** The CSL-JSON item of a source; what the source does not know is left out (CSL has no null), never made up. */
export function toCslItem (source: CitableSource): CslItemJson {
  const type = cslType[source.kind]
  const authors = source.author?.split(';').map((a) => a.trim()).filter(Boolean) ?? []
  return {
    id: source.id,
    type,
    ...(source.title !== null && { title: source.title }),
    ...(source.publisher !== null && (inContainer.has(type) ? { 'container-title': source.publisher } : { publisher: source.publisher })),
    ...(authors.length > 0 && { author: authors.map(cslName) }),
    ...(source.published_on !== null && { issued: cslDate(source.published_on, source.date_precision) }),
    ...(source.url !== null && { URL: source.url }),
    ...(source.language !== null && { language: source.language })
  }
}
