/**
 * The tally endpoints (GET /v1/tallies, /v1/tallies/{id}): a report's own count over a period beside the incidents
 * of the record it covers. Against the curated dataset (readDataset()): the list and each tally as the dataset gives
 * it, `incidents_sum` recomputed here from the linked incidents' figures, the overlap date filter, `source`, errors.
 * The curated record holds few tallies, so ordering, keyset pagination and the sums' edge cases (open upper bounds,
 * unknown figures, no incident) are also proven on a second database: the curated dataset plus synthetic tallies.
 */
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import * as schema from '../../src/db/schema.ts'
import { actorRef, dataset } from '../dataset.ts'
import type { IncidentRow, TallyBreakdownRow, TallyIncidentRow, TallyRow } from '../../src/seed/types.ts'
import { buildTestApp, getJson, walkPages } from '../helper.ts'

const { incidents, sources } = dataset

const sourceById = new Map(sources.map((s) => [s.id, s]))
const incidentById = new Map(incidents.map((i) => [i.id, i]))
const rfc3339Utc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

const tallyKeys = [
  'created_at', 'excerpt', 'id', 'incident_ids', 'incidents_sum', 'killed', 'notes', 'perpetrator', 'period_end', 'period_precision',
  'period_start', 'source', 'title', 'updated_at', 'version', 'wounded'
].sort()

type Figure = number | null | undefined
interface Figures { best: Figure, low: Figure, high: Figure }

/**
 * The linked incidents' figures summed, as documented: an incident gives a figure when it has a best or a low one
 * (the others are counted as unknown and left out); best sums best (or low when only that is known), low sums low
 * (or best), high sums high and is null as soon as one incident giving a figure leaves its high open.
 */
function sumOf (rows: Figures[]) {
  const given = rows.filter((r) => r.best != null || r.low != null)
  const total = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0))
  return {
    figures: {
      best: total(given.map((r) => (r.best ?? r.low) as number)),
      low: total(given.map((r) => (r.low ?? r.best) as number)),
      high: given.length === 0 || given.some((r) => r.high == null) ? null : total(given.map((r) => r.high as number))
    },
    unknown: rows.length - given.length
  }
}

interface TallyData { tallies: TallyRow[], tallyBreakdowns: TallyBreakdownRow[], tallyIncidents: TallyIncidentRow[] }

const sourceRef = (id: string) => {
  const s = sourceById.get(id)
  if (!s) throw new Error(`dataset: no source ${id}`)
  return { id: s.id, title: s.title ?? null, publisher: s.publisher ?? null, published_on: s.publishedOn ?? null, url: s.url ?? null }
}

/** What the API should say about a tally (breakdowns and incident ids as sorted sets: their order is not documented). */
function expectedTally (data: TallyData, t: TallyRow) {
  const linked = data.tallyIncidents.filter((l) => l.tallyId === t.id).map((l) => incidentById.get(l.incidentId) as IncidentRow)
  const killed = sumOf(linked.map((i) => ({ best: i.killedBest, low: i.killedLow, high: i.killedHigh })))
  const wounded = sumOf(linked.map((i) => ({ best: i.woundedBest, low: i.woundedLow, high: i.woundedHigh })))
  const breakdown = (outcome: string) => data.tallyBreakdowns.filter((b) => b.tallyId === t.id && b.outcome === outcome)
    .map((b) => ({ group: b.victimGroup, best: b.best ?? null, low: b.low ?? null, high: b.high ?? null }))
    .sort((a, b) => (a.group < b.group ? -1 : 1))
  return {
    id: t.id,
    title: t.title,
    source: sourceRef(t.sourceId),
    period_start: t.periodStart,
    period_end: t.periodEnd,
    period_precision: t.periodPrecision,
    perpetrator: actorRef(t.perpetratorId),
    killed: { best: t.killedBest ?? null, low: t.killedLow ?? null, high: t.killedHigh ?? null, breakdown: breakdown('killed') },
    wounded: { best: t.woundedBest ?? null, low: t.woundedLow ?? null, high: t.woundedHigh ?? null, breakdown: breakdown('wounded') },
    incident_ids: linked.map((i) => i.id).sort(),
    incidents_sum: {
      incidents: linked.length,
      killed: killed.figures,
      wounded: wounded.figures,
      killed_unknown: killed.unknown,
      wounded_unknown: wounded.unknown
    },
    excerpt: t.excerpt ?? null,
    notes: t.notes ?? null
  }
}

/** The API item in the comparable form of expectedTally. */
function comparable (item: any) {
  const { created_at: _c, updated_at: _u, version: _v, ...rest } = item
  const count = (c: any) => ({ ...c, breakdown: [...(c?.breakdown ?? [])].sort((a: any, b: any) => (a.group < b.group ? -1 : 1)) })
  return { ...rest, killed: count(item.killed), wounded: count(item.wounded), incident_ids: [...(item.incident_ids ?? [])].sort() }
}

/** Documented order: latest period_end first, then id descending. */
const byDocumentedOrder = (a: TallyRow, b: TallyRow) =>
  a.periodEnd !== b.periodEnd ? (a.periodEnd < b.periodEnd ? 1 : -1) : (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
const expectIds = (rows: TallyRow[], predicate: (t: TallyRow) => boolean = () => true) =>
  rows.filter(predicate).sort(byDocumentedOrder).map((t) => t.id)
/** start_date/end_date: periods that overlap the range. */
const overlaps = (start?: string, end?: string) => (t: TallyRow) =>
  (start === undefined || t.periodEnd >= start) && (end === undefined || t.periodStart <= end)

async function listIds (t: Test, app: FastifyInstance, url: string): Promise<string[]> {
  const { status, body } = await getJson(app, `${url}${url.includes('?') ? '&' : '?'}limit=500`)
  t.equal(status, 200, `GET ${url}: 200`)
  if (status !== 200) return []
  t.equal(body.next_cursor, null, `GET ${url}: one page`)
  return body.data.map((x: { id: string }) => x.id)
}

function expectProblem (t: Test, res: { status: number, headers: Record<string, unknown>, body: any }, status: number, code: string, param?: string, label = '') {
  if (res.status !== status) {
    t.fail(`${label}: expected ${status} ${code}, got ${res.status}: ${JSON.stringify(res.body)?.slice(0, 300)}`)
    return
  }
  t.pass(`${label}: ${status}`)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/, `${label}: problem+json`)
  t.equal(res.body?.code, code, `${label}: code`)
  t.equal(res.body?.status, status, `${label}: body status`)
  t.equal(res.body?.type, `/problems/${code}`, `${label}: type`)
  t.type(res.body?.detail, 'string', `${label}: detail`)
  if (param !== undefined) {
    const errors: Array<{ in: string, name: string, message: string }> = res.body?.errors ?? []
    t.ok(errors.some((e) => e.name === param && e.in === 'query' && e.message.length > 0), `${label}: errors name ${param} (got ${JSON.stringify(errors)})`)
  }
}

// ================================================ curated dataset ================================================

t.test('tallies over the curated dataset', async (t) => {
  const { app } = await buildTestApp(t)
  const curated: TallyData = dataset

  t.test('test data sanity', async (t) => {
    t.ok(curated.tallies.length > 0, 'the record has tallies')
    t.ok(curated.tallyIncidents.length > 1, 'linked to several incidents')
    t.ok(curated.tallyBreakdowns.length > 0, 'with breakdowns')
    const linked = curated.tallyIncidents.map((l) => incidentById.get(l.incidentId) as IncidentRow)
    t.ok(linked.some((i) => i.killedBest == null && i.killedLow == null), 'a linked incident with unknown killed')
    t.ok(linked.some((i) => i.killedBest != null && i.killedHigh == null), 'a linked incident with an open upper bound')
  })

  t.test('list: envelope, order, shape, every tally as the dataset gives it', async (t) => {
    const res = await getJson(app, '/v1/tallies?limit=500')
    t.equal(res.status, 200)
    t.match(String(res.headers['content-type']), /^application\/json/)
    t.strictSame(Object.keys(res.body).sort(), ['data', 'next_cursor'], 'envelope')
    t.equal(res.body.next_cursor, null, 'one page')
    t.notOk(res.headers.link, 'no Link header on the last page')
    t.strictSame(res.body.data.map((x: any) => x.id), expectIds(curated.tallies), 'every tally, latest period_end first, then id descending')
    for (const item of res.body.data) {
      t.strictSame(Object.keys(item).sort(), tallyKeys, `${item.id}: keys`)
      t.strictSame(Object.keys(item.incidents_sum).sort(), ['incidents', 'killed', 'killed_unknown', 'wounded', 'wounded_unknown'], `${item.id}: incidents_sum keys`)
      for (const key of ['killed', 'wounded']) {
        t.strictSame(Object.keys(item[key]).sort(), ['best', 'breakdown', 'high', 'low'], `${item.id}: ${key} keys`)
        for (const b of item[key].breakdown) t.strictSame(Object.keys(b).sort(), ['best', 'group', 'high', 'low'], `${item.id}: breakdown keys`)
        t.strictSame(Object.keys(item.incidents_sum[key]).sort(), ['best', 'high', 'low'], `${item.id}: incidents_sum.${key} keys`)
      }
      t.match(item.created_at, rfc3339Utc, `${item.id}: created_at`)
      t.match(item.updated_at, rfc3339Utc, `${item.id}: updated_at`)
      const row = curated.tallies.find((x) => x.id === item.id)
      if (!row) { t.fail(`${item.id} is not in the dataset`); continue }
      t.strictSame(comparable(item), expectedTally(curated, row), `${item.id}: matches the dataset, incidents_sum recomputed`)
    }
  })

  t.test('get: each tally by id equals its list entry; incidents_sum from the linked incidents', async (t) => {
    const list = await getJson(app, '/v1/tallies?limit=500')
    for (const entry of list.body.data) {
      const res = await getJson(app, `/v1/tallies/${entry.id}`)
      t.equal(res.status, 200, entry.id)
      t.strictSame(res.body, entry, `${entry.id}: the same as in the list`)
      // The sum by hand, from the incidents' own figures.
      const linked = curated.tallyIncidents.filter((l) => l.tallyId === entry.id).map((l) => incidentById.get(l.incidentId) as IncidentRow)
      t.equal(res.body.incidents_sum.incidents, linked.length, `${entry.id}: the number of linked incidents`)
      for (const [key, best, low, high] of [['killed', 'killedBest', 'killedLow', 'killedHigh'], ['wounded', 'woundedBest', 'woundedLow', 'woundedHigh']] as const) {
        const known = linked.filter((i) => i[best] != null || i[low] != null)
        t.equal(res.body.incidents_sum[`${key}_unknown`], linked.length - known.length, `${entry.id}: ${key}_unknown`)
        t.equal(res.body.incidents_sum[key].best, known.length ? known.reduce((s, i) => s + ((i[best] ?? i[low]) as number), 0) : null, `${entry.id}: ${key}.best`)
        t.equal(res.body.incidents_sum[key].low, known.length ? known.reduce((s, i) => s + ((i[low] ?? i[best]) as number), 0) : null, `${entry.id}: ${key}.low`)
        const open = known.some((i) => i[high] == null)
        t.equal(res.body.incidents_sum[key].high, open || !known.length ? null : known.reduce((s, i) => s + (i[high] as number), 0),
          `${entry.id}: ${key}.high (null when a linked incident's is open)`)
      }
      // Each linked incident points back at the tally.
      for (const id of entry.incident_ids) {
        const incident = await getJson(app, `/v1/incidents/${id}`)
        t.ok(incident.body.tally_ids.includes(entry.id), `${id}: tally_ids includes ${entry.id}`)
      }
    }
  })

  t.test('get: the Hasht-e Subh tally of ISKP attacks (deliberate facts)', async (t) => {
    const row = curated.tallies.find((x) => /iskp/.test(x.id) && x.perpetratorId === 'act_iskp')
    t.ok(row, 'test data: a tally of ISKP attacks')
    if (!row) return
    const { body } = await getJson(app, `/v1/tallies/${row.id}`)
    t.strictSame(body.perpetrator, actorRef('act_iskp'), 'ISKP\'s attacks')
    t.equal(body.killed.low, 96, '"at least 96" killed')
    t.equal(body.killed.high, null, 'an open upper bound')
    t.equal(body.incidents_sum.killed.high, null, 'an open-ended incident leaves the summed high open')
    t.ok(body.incidents_sum.killed_unknown > 0, 'some linked incidents give no killed figure')
  })

  t.test('unknown id is a 404 problem; bad input is a 400 naming the parameter', async (t) => {
    const missing = await getJson(app, '/v1/tallies/tly_does_not_exist')
    expectProblem(t, missing, 404, 'not_found', undefined, 'unknown tally')
    t.equal(missing.body?.instance, '/v1/tallies/tly_does_not_exist')
    const incidentsCursor = (await getJson(app, '/v1/incidents?limit=1')).body.next_cursor as string
    for (const [url, param] of [
      ['/v1/tallies?source=src_does_not_exist', 'source'],
      ['/v1/tallies?start_date=2022-12-31&end_date=2022-01-01', 'start_date'],
      ['/v1/tallies?start_date=2022-02-30', 'start_date'],
      ['/v1/tallies?end_date=yesterday', 'end_date'],
      ['/v1/tallies?start_date=0000-01-01', 'start_date'],
      ['/v1/tallies?limit=0', 'limit'],
      ['/v1/tallies?limit=501', 'limit'],
      ['/v1/tallies?cursor=garbage!', 'cursor'],
      [`/v1/tallies?cursor=${incidentsCursor}`, 'cursor'],
      [`/v1/tallies?cursor=${Buffer.from('["tallies","2022-13-45","x"]').toString('base64url')}`, 'cursor'],
      ['/v1/tallies?perpetrator=iskp', 'perpetrator'],
      [`/v1/tallies/${curated.tallies[0]?.id}?expand=1`, 'expand']
    ] as Array<[string, string]>) {
      expectProblem(t, await getJson(app, url), 400, 'invalid_parameter', param, url)
    }
    const range = await getJson(app, '/v1/tallies?start_date=2022-12-31&end_date=2022-01-01')
    t.match(range.body?.detail, /2022-12-31.*2022-01-01/, 'the detail says which dates conflict')
    const src = await getJson(app, '/v1/tallies?source=src_does_not_exist')
    t.match(src.body?.detail, /src_does_not_exist/, 'the detail names the unknown source')
  })

  t.test('filters: source and periods overlapping start_date/end_date', async (t) => {
    const tally = [...curated.tallies].sort(byDocumentedOrder)[0] as TallyRow
    const cases: Array<[Record<string, string>, boolean]> = [
      [{ source: tally.sourceId }, true],
      [{ start_date: tally.periodEnd }, true], // the last day of the period
      [{ end_date: tally.periodStart }, true], // the first day
      [{ start_date: tally.periodStart, end_date: tally.periodStart }, true],
      [{ start_date: tally.periodEnd, end_date: '2030-01-01' }, true],
      [{ start_date: '2000-01-01', end_date: tally.periodStart }, true]
    ]
    // A day strictly inside the period: found though the period neither starts nor ends there.
    const inside = new Date((Date.parse(tally.periodStart) + Date.parse(tally.periodEnd)) / 2).toISOString().slice(0, 10)
    if (inside > tally.periodStart && inside < tally.periodEnd) cases.push([{ start_date: inside, end_date: inside }, true])
    const dayAfter = new Date(Date.parse(tally.periodEnd) + 86_400_000).toISOString().slice(0, 10)
    const dayBefore = new Date(Date.parse(tally.periodStart) - 86_400_000).toISOString().slice(0, 10)
    cases.push([{ start_date: dayAfter }, false], [{ end_date: dayBefore }, false])
    for (const [params, found] of cases) {
      const query = new URLSearchParams(params).toString()
      const ids = await listIds(t, app, `/v1/tallies?${query}`)
      const expected = expectIds(curated.tallies, (x) => overlaps(params.start_date, params.end_date)(x) &&
        (params.source === undefined || x.sourceId === params.source))
      t.strictSame(ids, expected, `${query}: exactly the tallies whose period overlaps`)
      t.equal(ids.includes(tally.id), found, `${query}: ${tally.id} ${found ? 'found' : 'not found'}`)
    }
    const other = sources.find((s) => !curated.tallies.some((x) => x.sourceId === s.id))
    t.ok(other, 'test data: a source without tallies')
    t.strictSame((await getJson(app, `/v1/tallies?source=${other?.id}`)).body, { data: [], next_cursor: null }, 'a known source without tallies: an empty list')
  })

  t.test('pagination: a walk sees every tally once, in order', async (t) => {
    const expected = expectIds(curated.tallies)
    const { items, pages } = await walkPages(app, '/v1/tallies?limit=1')
    t.strictSame(items.map((x: any) => x.id), expected, 'limit=1: every tally once, in order')
    t.equal(pages, expected.length, 'one page per tally')
  })
})

// ======================================= curated dataset plus synthetic tallies ===================================

t.test('tallies: ordering, pagination and sums with synthetic tallies beside the curated ones', async (t) => {
  const { app, database } = await buildTestApp(t)
  const pick = (pattern: RegExp) => {
    const found = incidents.filter((i) => pattern.test(i.id))
    if (found.length !== 1) throw new Error(`dataset: expected one incident matching ${pattern}`)
    return found[0] as IncidentRow
  }
  const kaj = pick(/kaj_academy/) // killed known, high open
  const office = pick(/hizb_e_islami_office/) // closed figures
  const minibus = pick(/minibus/) // closed figures
  const embassy = pick(/pakistani_embassy/) // killed unknown
  const shop = pick(/charan_singh/) // killed unknown
  const sourceA = (sources.find((s) => /twin_blasts/.test(s.id)) ?? sources[0])!.id
  const sourceB = (sources.find((s) => /anadolu/.test(s.id)) ?? sources[1])!.id
  const curatedEnd = [...dataset.tallies].sort(byDocumentedOrder)[0]?.periodEnd ?? '2022-12-05'

  const synthetic: TallyRow[] = [
    { id: 'tly_test_a_year', title: 'Synthetic: a year', sourceId: sourceA, periodStart: '2021-01-01', periodEnd: '2021-12-31', periodPrecision: 'year', killedBest: 60, killedLow: 50, killedHigh: 70 },
    { id: 'tly_test_b_tie', title: 'Synthetic: ends with the curated tally', sourceId: sourceA, periodStart: '2022-12-01', periodEnd: curatedEnd, periodPrecision: 'day', perpetratorId: 'act_taliban' },
    { id: 'tly_test_c_unknown', title: 'Synthetic: unknown figures', sourceId: sourceB, periodStart: '2022-11-01', periodEnd: '2022-11-30', periodPrecision: 'month', woundedLow: 5 },
    { id: 'tly_test_d_empty', title: 'Synthetic: no incident', sourceId: sourceB, periodStart: curatedEnd, periodEnd: curatedEnd, periodPrecision: 'day' },
    { id: 'tly_test_e_tie', title: 'Synthetic: same end again', sourceId: sourceB, periodStart: '2022-06-01', periodEnd: curatedEnd, periodPrecision: 'week' }
  ]
  const links: TallyIncidentRow[] = [
    { tallyId: 'tly_test_a_year', incidentId: kaj.id },
    { tallyId: 'tly_test_a_year', incidentId: office.id },
    { tallyId: 'tly_test_b_tie', incidentId: office.id },
    { tallyId: 'tly_test_b_tie', incidentId: minibus.id },
    { tallyId: 'tly_test_c_unknown', incidentId: embassy.id },
    { tallyId: 'tly_test_c_unknown', incidentId: shop.id },
    { tallyId: 'tly_test_e_tie', incidentId: kaj.id },
    { tallyId: 'tly_test_e_tie', incidentId: embassy.id },
    { tallyId: 'tly_test_e_tie', incidentId: minibus.id }
  ]
  const breakdowns: TallyBreakdownRow[] = [
    { tallyId: 'tly_test_a_year', outcome: 'killed', victimGroup: 'taliban_forces', best: 10, low: 10, high: null },
    { tallyId: 'tly_test_a_year', outcome: 'killed', victimGroup: 'civilians', best: 50, low: 40, high: 60 },
    { tallyId: 'tly_test_c_unknown', outcome: 'wounded', victimGroup: 'children', best: null, low: 5, high: null }
  ]
  await database.handle.db.insert(schema.tallies).values(synthetic)
  await database.handle.db.insert(schema.tallyIncidents).values(links)
  await database.handle.db.insert(schema.tallyBreakdowns).values(breakdowns)
  const all: TallyData = {
    tallies: [...dataset.tallies, ...synthetic],
    tallyIncidents: [...dataset.tallyIncidents, ...links],
    tallyBreakdowns: [...dataset.tallyBreakdowns, ...breakdowns]
  }

  t.test('test data: the synthetic tallies exercise the edge cases', async (t) => {
    t.ok(kaj.killedBest != null && kaj.killedHigh == null, 'Kaj: killed known, high open')
    t.ok(office.killedHigh != null && minibus.killedHigh != null && office.woundedHigh != null && minibus.woundedHigh != null, 'closed figures')
    t.ok(embassy.killedBest == null && embassy.killedLow == null && shop.killedBest == null && shop.killedLow == null, 'unknown killed')
    t.ok(all.tallies.filter((x) => x.periodEnd === curatedEnd).length >= 3, 'ties on period_end')
  })

  t.test('list and get: every tally as expected, incidents_sum included', async (t) => {
    const { body } = await getJson(app, '/v1/tallies?limit=500')
    t.strictSame(body.data.map((x: any) => x.id), expectIds(all.tallies), 'latest period_end first, then id descending')
    for (const item of body.data) {
      t.strictSame(comparable(item), expectedTally(all, all.tallies.find((x) => x.id === item.id) as TallyRow), `${item.id}: as expected`)
      t.strictSame((await getJson(app, `/v1/tallies/${item.id}`)).body, item, `${item.id}: get equals the list entry`)
    }
    const get = async (id: string) => (await getJson(app, `/v1/tallies/${id}`)).body
    const a = await get('tly_test_a_year')
    t.strictSame(a.incidents_sum.killed, {
      best: (kaj.killedBest as number) + (office.killedBest as number),
      low: (kaj.killedLow as number) + (office.killedLow as number),
      high: null
    }, 'a: best and low summed, high open because Kaj\'s is')
    t.equal(a.incidents_sum.killed_unknown, 0, 'a: no unknown')
    const b = await get('tly_test_b_tie')
    t.strictSame(b.incidents_sum.killed, {
      best: (office.killedBest as number) + (minibus.killedBest as number),
      low: (office.killedLow as number) + (minibus.killedLow as number),
      high: (office.killedHigh as number) + (minibus.killedHigh as number)
    }, 'b: closed figures sum to a closed figure')
    t.strictSame(b.perpetrator, actorRef('act_taliban'), 'b: the perpetrator')
    t.strictSame([b.killed, b.wounded].map((c: any) => [c.best, c.low, c.high, c.breakdown]), [[null, null, null, []], [null, null, null, []]],
      'b: the tally\'s own figures unknown: null, not 0')
    const c = await get('tly_test_c_unknown')
    t.strictSame(c.incidents_sum.killed, { best: null, low: null, high: null }, 'c: no linked incident gives a killed figure: null')
    t.equal(c.incidents_sum.killed_unknown, 2, 'c: both are unknown')
    t.strictSame(c.wounded.breakdown, [{ group: 'children', best: null, low: 5, high: null }], 'c: a lower-bound breakdown')
    const d = await get('tly_test_d_empty')
    t.strictSame(d.incident_ids, [], 'd: no incident')
    t.strictSame(d.incidents_sum, {
      incidents: 0, killed: { best: null, low: null, high: null }, wounded: { best: null, low: null, high: null }, killed_unknown: 0, wounded_unknown: 0
    }, 'd: an empty sum is unknown, not zero')
    const e = await get('tly_test_e_tie')
    t.equal(e.incidents_sum.killed_unknown, 1, 'e: one unknown among three')
    t.equal(e.incidents_sum.killed.best, (kaj.killedBest as number) + (minibus.killedBest as number), 'e: the unknown is left out of the sum')
    // Each linked incident points back at the synthetic tallies.
    const detail = await getJson(app, `/v1/incidents/${kaj.id}`)
    t.strictSame(detail.body.tally_ids, all.tallyIncidents.filter((l) => l.incidentId === kaj.id).map((l) => l.tallyId).sort(), 'Kaj: tally_ids')
  })

  t.test('pagination: walks of every size see every tally once, in order; the Link header keeps the filters', async (t) => {
    const expected = expectIds(all.tallies)
    for (const limit of [1, 2, 3, expected.length]) {
      const { items, pages } = await walkPages(app, `/v1/tallies?limit=${limit}`)
      t.strictSame(items.map((x: any) => x.id), expected, `limit=${limit}: every tally once, in order`)
      t.equal(pages, Math.ceil(expected.length / limit), `limit=${limit}: ${pages} pages`)
    }
    const filtered = expectIds(all.tallies, (x) => overlaps('2022-11-15')(x) && x.sourceId === sourceB)
    t.ok(filtered.length >= 2, 'test data: a filtered walk of several pages')
    const walk = await walkPages(app, `/v1/tallies?start_date=2022-11-15&source=${sourceB}&limit=1`)
    t.strictSame(walk.items.map((x: any) => x.id), filtered, 'a filtered walk')
    const first = await getJson(app, `/v1/tallies?start_date=2022-11-15&source=${sourceB}&limit=1`)
    const link = /^<([^>]+)>; rel="next"$/.exec(String(first.headers.link ?? ''))
    t.ok(link, 'a Link header to the next page')
    if (link) {
      const next = new URL(link[1] as string, 'http://localhost')
      t.equal(next.pathname, '/v1/tallies')
      t.equal(next.searchParams.get('start_date'), '2022-11-15', 'the Link keeps start_date')
      t.equal(next.searchParams.get('source'), sourceB, 'and source')
      t.equal(next.searchParams.get('cursor'), first.body.next_cursor, 'and carries next_cursor')
    }
  })

  t.test('filters: periods overlapping the range, and source', async (t) => {
    const ranges: Array<[string | undefined, string | undefined]> = [
      ['2021-06-01', '2021-06-01'], // inside the year only
      ['2022-11-15', '2022-11-15'],
      [curatedEnd, undefined],
      [undefined, '2022-06-01'],
      ['2022-01-01', '2022-05-31'],
      ['2022-12-01', '2022-12-01']
    ]
    for (const [start, end] of ranges) {
      const params: Record<string, string> = {}
      if (start) params.start_date = start
      if (end) params.end_date = end
      const query = new URLSearchParams(params).toString()
      t.strictSame(await listIds(t, app, `/v1/tallies?${query}`), expectIds(all.tallies, overlaps(start, end)), `${query}: periods overlapping`)
    }
    t.ok(expectIds(all.tallies, overlaps('2021-06-01', '2021-06-01')).includes('tly_test_a_year'), 'test data: a day inside a year-long period')
    for (const source of [sourceA, sourceB]) {
      t.strictSame(await listIds(t, app, `/v1/tallies?source=${source}`), expectIds(all.tallies, (x) => x.sourceId === source), `source=${source}`)
      t.strictSame(await listIds(t, app, `/v1/tallies?source=${source}&end_date=2022-11-30`),
        expectIds(all.tallies, (x) => x.sourceId === source && overlaps(undefined, '2022-11-30')(x)), `source=${source}&end_date=2022-11-30`)
    }
  })
})
