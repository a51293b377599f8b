/**
 * The exports of tallies, provinces and the change feed: each format holds what walking the JSON pages gives (the
 * same records in the same order, the same values), with the list's filters; the feed's export starts after `since`.
 */
import t from 'tap'
import { buildTestApp, getJson } from '../helper.ts'
import { seededSource, writer } from '../writes/support.ts'
import { checkExports, exported, parseCsv, parseNdjson, withParam } from './support.ts'

const { app, database } = await buildTestApp(t)
const { auth } = await writer(database, 'tally-export')

const seededTally = 'tly_2022_12_05_iskp_attacks_last_two_months'
const otherSource = 'src_hasht_e_subh_2022_12_05_96_people_killed_iskp_attacks'

/** Tallies beside the seeded one: other periods and sources, text a CSV must quote or neutralise. */
const made = [
  { id: 'tly_export_a', source: seededSource, period_start: '2021-09-01', period_end: '2021-09-30', perpetrator: 'iskp', notes: '=SUM(A1:A2), said "at least"' },
  { id: 'tly_export_b', source: seededSource, period_start: '2022-01-01', period_end: '2022-06-30', perpetrator: null, notes: 'two lines\nof notes' },
  { id: 'tly_export_c', source: otherSource, period_start: '2022-11-01', period_end: '2022-12-05', perpetrator: 'taliban', notes: null },
  { id: 'tly_export_d', source: seededSource, period_start: '2023-01-01', period_end: '2023-12-31', perpetrator: null, notes: '-1 wounded; +2 missing' }
]
for (const tally of made) {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/tallies',
    headers: auth,
    payload: {
      ...tally,
      title: `Tally ${tally.id}`,
      period_precision: 'month',
      killed: { best: 4, low: 3, high: null },
      breakdown: [{ outcome: 'killed', group: 'civilians', best: 2, low: 2, high: null }, { outcome: 'killed', group: 'children', best: null, low: 1, high: null }],
      incident_ids: [],
      excerpt: null
    }
  })
  if (response.statusCode !== 201) throw new Error(`POST /v1/tallies ${tally.id}: ${response.statusCode} ${response.body}`)
}

/** Every item of a list, walking small pages (`cursor`), so the export is compared with several pages. */
async function walked (url: string, limit = 2): Promise<any[]> {
  const items: any[] = []
  let next: string | null = null
  do {
    const page: { status: number, body: any } = await getJson(app, withParam(url, `limit=${limit}${next === null ? '' : `&cursor=${next}`}`))
    if (page.status !== 200) throw new Error(`GET ${url}: ${page.status}`)
    items.push(...page.body.data)
    next = page.body.next_cursor
  } while (next !== null)
  return items
}

t.test('tallies: every format holds the JSON pages\' records, with the filters', async (t) => {
  const all = await walked('/v1/tallies')
  t.equal(all.length, 5, 'the seeded tally and four more')
  for (const url of ['/v1/tallies', `/v1/tallies?source=${seededSource}`, '/v1/tallies?start_date=2022-01-01&end_date=2022-12-31',
    '/v1/tallies?start_date=2022-01-01&end_date=2022-12-31&date_match=within']) {
    const items = await walked(url)
    t.ok(items.length > 0, `${url}: ${items.length} tallies`)
    if (url !== '/v1/tallies') t.ok(items.length < all.length, `${url}: the filters leave out some`)
    await checkExports(t, app, url, 'tallies', items)
  }
})

t.test('tallies: a cursor resumes the export, limit caps it only when sent', async (t) => {
  const all = await walked('/v1/tallies')
  const first = (await getJson(app, '/v1/tallies?limit=2')).body as { next_cursor: string }
  const rest = parseNdjson((await exported(app, `/v1/tallies?format=ndjson&cursor=${first.next_cursor}`)).body)
  t.same(rest.map((r) => r.id), all.slice(2).map((r) => r.id), 'after the first page\'s cursor, the rest')
  const two = parseNdjson((await exported(app, '/v1/tallies?format=ndjson&limit=2')).body)
  t.same(two.map((r) => r.id), all.slice(0, 2).map((r) => r.id), 'limit=2: the first two')
})

t.test('tallies: the CSV flattens counts, breakdowns and sums, and reads back', async (t) => {
  const { header, rows } = parseCsv((await exported(app, '/v1/tallies?format=csv')).body)
  const row = (id: string) => Object.fromEntries(header.map((name, i) => [name, rows.find((r) => r[0] === id)![i]]))
  const seeded = row(seededTally)
  t.match(seeded, {
    source_id: otherSource,
    perpetrator_slug: 'iskp',
    killed_best: '96',
    killed_high: '',
    killed_breakdown: 'civilians:73;taliban_forces:23',
    wounded_breakdown: 'civilians:141;taliban_forces:21',
    incidents_sum_incidents: '8',
    incidents_sum_killed_best: '96',
    url: `/v1/tallies/${seededTally}`
  })
  t.equal(seeded.incident_ids!.split(';').length, 8, 'the linked incidents, `;`-joined')
  t.match(seeded.notes, /^"The last two months"/, 'quotes in a cell read back')
  t.equal(row('tly_export_a').notes, '\'=SUM(A1:A2), said "at least"', 'a formula is neutralised, the comma and quotes read back')
  t.equal(row('tly_export_b').notes, 'two lines\nof notes', 'a line break reads back')
  t.equal(row('tly_export_b').perpetrator_id, '', 'no perpetrator: an empty cell')
  t.equal(row('tly_export_d').notes, '\'-1 wounded; +2 missing')
  t.equal(row('tly_export_a').killed_breakdown, 'children:?;civilians:2', 'an unknown best is `?`')
})

t.test('provinces: every format holds the JSON list, with the incident filters', async (t) => {
  const counts: number[][] = []
  for (const url of ['/v1/provinces', '/v1/provinces?claimed_by=iskp', '/v1/provinces?start_date=2022-01-01&end_date=2022-12-31&type=suicide_bombing']) {
    const { status, body } = await getJson(app, url)
    t.equal(status, 200)
    t.equal(body.data.length, 34, `${url}: the 34 provinces`)
    counts.push(body.data.map((p: { incidents: number }) => p.incidents))
    await checkExports(t, app, url, 'provinces', body.data)
  }
  t.notSame(counts[1], counts[0], 'claimed_by changes the counts')
  t.notSame(counts[2], counts[0], 'the dates and type change the counts')

  const { header, rows } = parseCsv((await exported(app, '/v1/provinces?format=csv')).body)
  const nangarhar = Object.fromEntries(header.map((name, i) => [name, rows.find((r) => r[0] === 'AF-NAN')![i]]))
  t.match(nangarhar, { name: 'Nangarhar', capital: 'Jalalabad', url: '/v1/provinces/AF-NAN' })
  t.ok(nangarhar.aliases!.split(';').includes('Ningarhar'), 'aliases, `;`-joined')
  t.ok(Number(nangarhar.centroid_latitude) > 33 && Number(nangarhar.centroid_longitude) > 69, 'the centroid as two numbers')
  t.equal((await exported(app, '/v1/provinces?format=csv&limit=3')).status, 400, 'one page, no limit: a 400 as for JSON')
})

/** Every change after `since` (none: from the first), walking the feed's pages with `next_cursor`. */
async function walkedFeed (since: string | null, limit = 50): Promise<any[]> {
  const items: any[] = []
  let next = since
  for (;;) {
    const page = (await getJson(app, `/v1/changes?limit=${limit}${next === null ? '' : `&since=${next}`}`)).body
    items.push(...page.data)
    if (page.next_cursor === null) return items
    next = page.next_cursor
  }
}

t.test('changes: the export is every change after since, in commit order, as walking the pages gives', async (t) => {
  const all = await walkedFeed(null)
  t.ok(all.length > 50, `${all.length} changes, more than a page`)
  t.same(all.slice(-made.length).map((c) => [c.resource, c.id, c.operation]), made.map((m) => ['tallies', m.id, 'create']), 'the tallies made here come last')
  await checkExports(t, app, '/v1/changes', 'changes', all)

  const since = (await getJson(app, '/v1/changes?limit=20')).body.next_cursor as string
  const after = await walkedFeed(since, 7)
  t.same(after, all.slice(20), 'walking from since gives the rest')
  await checkExports(t, app, `/v1/changes?since=${since}`, 'changes', after)

  const capped = parseNdjson((await exported(app, `/v1/changes?since=${since}&format=ndjson&limit=5`)).body)
  t.same(capped, all.slice(20, 25), 'limit caps the export only when sent')

  const resume = (await getJson(app, `/v1/changes?since=${since}&limit=500`)).body.resume_cursor as string
  t.equal((await exported(app, `/v1/changes?since=${resume}&format=ndjson`)).body, '', 'after the end of the feed: nothing')
  t.same(parseCsv((await exported(app, `/v1/changes?since=${resume}&format=csv`)).body).rows, [], 'CSV: the header row alone')
})

t.test('changes: the export is never cached; a bad since is a problem before any byte', async (t) => {
  const csv = await exported(app, '/v1/changes?format=csv')
  t.equal(csv.headers['cache-control'], 'no-store')
  t.equal(csv.headers.etag, undefined)
  const bad = await exported(app, '/v1/changes?format=ndjson&since=abc')
  t.equal(bad.status, 400)
  t.match(bad.headers['content-type'], /application\/problem\+json/)
  t.equal(JSON.parse(bad.body).errors[0].name, 'since')
})
