/**
 * Benchmark scenarios: concrete requests formed from the data in the database (a busy province and year, the actor
 * with the most claims, the most quoted speaker, deep cursors). What the data cannot support is skipped, with why.
 */
import type postgres from 'postgres'

export interface Scenario {
  name: string
  description: string
  /** Request paths; with several, each request takes the next one in turn. */
  paths: string[]
  /** Items on the page the first path returns; null for a single item. */
  rows: number | null
}

export interface Skipped { name: string, reason: string }

/** GET against the service under test: status and parsed JSON body. */
export type Get = (path: string) => Promise<{ status: number, body: any }>

/** What the scenarios are made from, picked from the data. */
export interface Picks {
  /** Province code and year with the most incidents claimed by `actor` (or the most incidents, without claims). */
  province?: string
  year?: number
  /** Slug of the actor with the most claims (then the most responsibilities of any kind). */
  actor?: string
  /** Slug of the actor with the most statements as speaker. */
  speaker?: string
  /** A word `q` finds in the picked province. */
  q?: string
  /** Incident ids spread over the table (ordered by a hash of the id, so the same data gives the same ids). */
  ids: string[]
  /** Cursors of /v1/incidents (50 a page), by page number: the cursor that fetches that page. */
  cursors: Record<number, string>
  /** How deep the cursor walk went. */
  pagesWalked: number
}

export const deepPages = [200, 1000]

/** Candidate words for the `q` scenario, tried in order; failing all, a word from a title in the province. */
const searchWords = ['mosque', 'market', 'checkpoint', 'school', 'blast', 'attack']

export async function pickData (sql: postgres.Sql, get: Get, options: { ids?: number, deepest?: number } = {}): Promise<Picks> {
  const [actor] = await sql<Array<{ id: string, slug: string, claimed: number }>>`
    select a.id, a.slug, count(*) filter (where r.kind = 'claimed')::int as claimed
    from responsibilities r join actors a on a.id = r.actor_id
    group by a.id, a.slug order by claimed desc, count(*) desc, a.slug limit 1`
  const [place] = actor && actor.claimed > 0
    ? await sql<Array<{ code: string, year: number }>>`
        select i.province_code as code, extract(year from i.occurred_on)::int as year
        from incidents i
        where i.province_code is not null
          and exists (select 1 from responsibilities r where r.incident_id = i.id and r.actor_id = ${actor.id} and r.kind = 'claimed')
        group by 1, 2 order by count(*) desc, 1, 2 limit 1`
    : await sql<Array<{ code: string, year: number }>>`
        select province_code as code, extract(year from occurred_on)::int as year from incidents
        where province_code is not null group by 1, 2 order by count(*) desc, 1, 2 limit 1`
  const [speaker] = await sql<Array<{ slug: string }>>`
    select a.slug from statements s join actors a on a.id = s.speaker_id group by a.slug order by count(*) desc, a.slug limit 1`
  const ids = (await sql<Array<{ id: string }>>`select id from incidents order by md5(id), id limit ${options.ids ?? 1000}`).map((r) => r.id)

  const picks: Picks = { province: place?.code, year: place?.year, actor: actor?.slug, speaker: speaker?.slug, ids, cursors: {}, pagesWalked: 0 }
  if (picks.province) picks.q = await pickWord(sql, get, picks.province)

  // Walk the plain list page by page: the cursor that fetches page n is the next_cursor of page n - 1.
  const deepest = options.deepest ?? Math.max(...deepPages)
  let cursor: string | null = null
  for (let page = 1; page <= deepest; page++) {
    const { status, body } = await get(cursor ? `/v1/incidents?cursor=${encodeURIComponent(cursor)}` : '/v1/incidents')
    if (status !== 200) throw new Error(`walking /v1/incidents: page ${page} answered ${status}`)
    picks.pagesWalked = page
    if (cursor) picks.cursors[page] = cursor
    cursor = body.next_cursor
    if (!cursor) break
  }
  return picks
}

async function pickWord (sql: postgres.Sql, get: Get, province: string): Promise<string | undefined> {
  for (const word of searchWords) {
    const { status, body } = await get(`/v1/incidents?province=${province}&q=${word}`)
    if (status === 200 && body.data.length > 0) return word
  }
  const [row] = await sql<Array<{ title: string }>>`
    select title from incidents where province_code = ${province} order by occurred_on desc, id desc limit 1`
  return row?.title.split(/[^\p{L}]+/u).find((w) => w.length >= 5)?.toLowerCase()
}

type Former = (picks: Picks) => Pick<Scenario, 'description' | 'paths'> | string

const provinceWindow = (p: Picks) => `province=${p.province}&start_date=${p.year}-01-01&end_date=${p.year}-12-31`

/** The scenarios, in the order they run; a string instead of a scenario says why it cannot be formed. */
const formers: Record<string, Former> = {
  list: () => ({ description: 'the plain list, first page', paths: ['/v1/incidents'] }),
  'province-window': (p) => p.province
    ? { description: `province ${p.province}, ${p.year}`, paths: [`/v1/incidents?${provinceWindow(p)}`] }
    : 'no incident has a province',
  'claimed-by': (p) => p.province && p.actor
    ? { description: `province-window + claimed_by=${p.actor}`, paths: [`/v1/incidents?${provinceWindow(p)}&claimed_by=${p.actor}`] }
    : 'no actor has a claim or an attribution',
  'attributed-to': (p) => p.province && p.actor
    ? { description: `province-window + attributed_to=${p.actor}`, paths: [`/v1/incidents?${provinceWindow(p)}&attributed_to=${p.actor}`] }
    : 'no actor has a claim or an attribution',
  actor: (p) => p.province && p.actor
    ? { description: `province-window + actor=${p.actor}`, paths: [`/v1/incidents?${provinceWindow(p)}&actor=${p.actor}`] }
    : 'no actor has a claim or an attribution',
  q: (p) => p.province && p.q
    ? { description: `province ${p.province} + q=${p.q}`, paths: [`/v1/incidents?province=${p.province}&q=${encodeURIComponent(p.q)}`] }
    : 'no word to search for',
  'by-id': (p) => p.ids.length > 0
    ? { description: `one incident by id, rotating over ${p.ids.length}`, paths: p.ids.map((id) => `/v1/incidents/${encodeURIComponent(id)}`) }
    : 'no incidents',
  ...Object.fromEntries(deepPages.map((n) => [`page-${n}`, (p: Picks) => p.cursors[n]
    ? { description: `/v1/incidents, page ${n} of a cursor walk`, paths: [`/v1/incidents?cursor=${encodeURIComponent(p.cursors[n] as string)}`] }
    : `the plain list has ${p.pagesWalked} pages of 50`])),
  'statements-speaker': (p) => p.speaker
    ? { description: `statements by ${p.speaker}`, paths: [`/v1/statements?speaker=${p.speaker}`] }
    : 'no statements',
  'actor-statements': (p) => p.speaker
    ? { description: `/v1/actors/${p.speaker}/statements`, paths: [`/v1/actors/${p.speaker}/statements`] }
    : 'no statements',
  sources: () => ({ description: 'the sources list, first page', paths: ['/v1/sources'] }),
  actors: () => ({ description: 'the actors list, first page', paths: ['/v1/actors'] }),
  // Counts and sums (GET /v1/stats/incidents, the province list's counts, a list's total). Whole exports stream for
  // seconds, not milliseconds: npm run bench:export measures them (first byte, duration, memory).
  'stats-province': () => ({ description: 'stats: every incident by province', paths: ['/v1/stats/incidents?group_by=province'] }),
  'stats-month': () => ({ description: 'stats: every incident by month', paths: ['/v1/stats/incidents?group_by=month'] }),
  'stats-type-year': () => ({ description: 'stats: every incident by type and year', paths: ['/v1/stats/incidents?group_by=type,year'] }),
  'stats-window': (p) => p.year
    ? { description: `stats: ${p.year} by province`, paths: [`/v1/stats/incidents?group_by=province&start_date=${p.year}-01-01&end_date=${p.year}-12-31`] }
    : 'no incident has a province',
  'stats-province-month': (p) => p.province
    ? { description: `stats: province ${p.province} by month`, paths: [`/v1/stats/incidents?group_by=month&province=${p.province}`] }
    : 'no incident has a province',
  'stats-claimed-month': (p) => p.actor
    ? { description: `stats: claimed_by=${p.actor} by month`, paths: [`/v1/stats/incidents?group_by=month&claimed_by=${p.actor}`] }
    : 'no actor has a claim or an attribution',
  'stats-actor': () => ({ description: 'stats: every incident by actor and role', paths: ['/v1/stats/incidents?group_by=actor'] }),
  'provinces-window': (p) => p.year
    ? { description: `provinces with their counts in ${p.year}`, paths: [`/v1/provinces?start_date=${p.year}-01-01&end_date=${p.year}-12-31`] }
    : 'no incident has a province',
  'list-total': (p) => p.province
    ? { description: 'province-window with include_total=true', paths: [`/v1/incidents?${provinceWindow(p)}&include_total=true`] }
    : 'no incident has a province'
  // The targets in report.ts name scenarios; these need none to be measured and compared with their SQL.
}

export const scenarioNames = Object.keys(formers)

/** Forms the scenarios (all, or those named) and checks each first path answers 200; the rest are skipped with why. */
export async function formScenarios (picks: Picks, get: Get, names: string[] = scenarioNames): Promise<{ scenarios: Scenario[], skipped: Skipped[] }> {
  const unknown = names.filter((n) => !(n in formers))
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${scenarioNames.join(', ')}`)
  const scenarios: Scenario[] = []
  const skipped: Skipped[] = []
  for (const name of scenarioNames.filter((n) => names.includes(n))) {
    const formed = (formers[name] as Former)(picks)
    if (typeof formed === 'string') {
      skipped.push({ name, reason: formed })
      continue
    }
    const { status, body } = await get(formed.paths[0] as string)
    if (status !== 200) {
      skipped.push({ name, reason: `${formed.paths[0]} answered ${status}` })
      continue
    }
    scenarios.push({ name, ...formed, rows: Array.isArray(body?.data) ? body.data.length : null })
  }
  return { scenarios, skipped }
}
