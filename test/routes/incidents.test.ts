/**
 * The incident endpoints against the curated dataset: list ordering and shape, every filter (expected ids
 * computed from the seed arrays), keyset pagination and the Link header, the item with its per-source reports
 * and statements, the nested views (/v1/incidents/{id}/statements, /v1/actors/{id}/incidents,
 * /v1/sources/{id}/incidents), and bad input as 400 problem details. One app for the whole file.
 */
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import { provinces } from '../../src/domain/provinces.ts'
import { incidentTypes } from '../../src/domain/vocabulary.ts'
import { actors } from '../../src/seed/data/actors.ts'
import {
  casualtyBreakdowns,
  incidentReports,
  incidents,
  INC_AYBAK_MADRASSA,
  INC_HERAT_MINIBUS,
  INC_JALALABAD_CHARAN_SINGH,
  INC_JALALABAD_NOV,
  INC_JALALABAD_SEPT,
  INC_KABUL_HOSPITAL,
  INC_KABUL_IDGAH,
  INC_KAJ_ACADEMY,
  INC_KANDAHAR_MOSQUE,
  INC_KUNDUZ_MOSQUE,
  INC_PAKISTAN_EMBASSY
} from '../../src/seed/data/incidents.ts'
import { responsibilities } from '../../src/seed/data/responsibilities.ts'
import { SRC_000, SRC_001, SRC_004, SRC_ANADOLU, sources } from '../../src/seed/data/sources.ts'
import { statementIncidents, statements } from '../../src/seed/data/statements.ts'
import { buildTestApp, getJson, walkPages } from '../helper.ts'

type IncidentRow = (typeof incidents)[number]
type Predicate = (i: IncidentRow) => boolean

// ---------------------------------------------------------------------------------------------------------------
// Expectations computed from the seed arrays, independently of the SQL in src/routes.
// ---------------------------------------------------------------------------------------------------------------

const actorBySlug = new Map(actors.map((a) => [a.slug, a]))
const actorById = new Map(actors.map((a) => [a.id, a]))
const actorId = (slug: string): string => {
  const a = actorBySlug.get(slug)
  if (!a) throw new Error(`no actor ${slug} in the dataset`)
  return a.id
}
const provinceByCode = new Map(provinces.map((p) => [p.code, p]))
const sourceById = new Map(sources.map((s) => [s.id, s]))
const statementById = new Map(statements.map((s) => [s.id, s]))

/** The documented order: newest occurred_on first, then id descending. */
function byDocumentedOrder (a: IncidentRow, b: IncidentRow): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? 1 : -1
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}
const allInOrder = [...incidents].sort(byDocumentedOrder)
const allIds = allInOrder.map((i) => i.id)

const expectIds = (...predicates: Predicate[]): string[] =>
  allInOrder.filter((i) => predicates.every((p) => p(i))).map((i) => i.id)

const inProvinces = (...codes: string[]): Predicate => (i) => codes.includes(i.provinceCode ?? '')
const onOrAfter = (date: string): Predicate => (i) => i.occurredOn >= date
const onOrBefore = (date: string): Predicate => (i) => i.occurredOn <= date
const hasResponsibility = (actor: string, kinds?: string[]): Predicate => (i) =>
  responsibilities.some((r) => r.incidentId === i.id && r.actorId === actor && (!kinds || kinds.includes(r.kind)))
const claimedBy = (actor: string): Predicate => hasResponsibility(actor, ['claimed'])
const attributedTo = (actor: string): Predicate => hasResponsibility(actor, ['claimed', 'attributed'])
const spokeAbout = (actor: string): Predicate => (i) =>
  statementIncidents.some((l) => {
    if (l.incidentId !== i.id) return false
    const s = statementById.get(l.statementId)
    return s !== undefined && (s.speakerId === actor || s.onBehalfOfId === actor)
  })
const anyRole = (actor: string): Predicate => (i) => hasResponsibility(actor)(i) || spokeAbout(actor)(i)
const ofType = (type: string): Predicate => (i) => i.type === type
const containsText = (q: string): Predicate => (i) =>
  [i.title, i.summary, i.district, i.place].some((v) => (v ?? '').toLowerCase().includes(q.toLowerCase()))
const reportedBy = (source: string): Predicate => (i) =>
  incidentReports.some((r) => r.incidentId === i.id && r.sourceId === source)

const qs = (params: Record<string, string>) => new URLSearchParams(params).toString()
const sortedJson = <T>(items: T[]) => items.map((x) => JSON.stringify(x)).sort()

// ---------------------------------------------------------------------------------------------------------------
// Request helpers
// ---------------------------------------------------------------------------------------------------------------

/** One page of at most 500 (more than the dataset holds): the ids, asserting it is the last page. */
async function listIds (t: Test, app: FastifyInstance, url: string): Promise<string[]> {
  const sep = url.includes('?') ? '&' : '?'
  const { status, body } = await getJson(app, `${url}${sep}limit=500`)
  t.equal(status, 200, `GET ${url} is 200`)
  if (status !== 200) return []
  t.equal(body.next_cursor, null, `GET ${url}&limit=500 is a single page`)
  return body.data.map((i: { id: string }) => i.id)
}

/** Asserts the endpoint returns exactly `expected`, in the documented order; and, unless told, that it filters. */
async function expectFilter (
  t: Test, app: FastifyInstance, url: string, expected: string[], opts: { allowEmpty?: boolean, allowAll?: boolean } = {}
): Promise<void> {
  if (!opts.allowEmpty) t.ok(expected.length > 0, `test data: ${url} should match something`)
  if (!opts.allowAll) t.ok(expected.length < incidents.length, `test data: ${url} should exclude something`)
  const got = await listIds(t, app, url)
  t.strictSame(got, expected, `${url} returns exactly the expected incidents, newest first`)
}

/** Asserts an RFC 9457 problem; a wrong status is one failure (the rest would only repeat it). */
function expectProblem (
  t: Test, res: { status: number, headers: Record<string, unknown>, body: any }, status: number, code: string, param?: string, label = ''
) {
  if (res.status !== status) {
    t.fail(`${label}: expected ${status} ${code}, got ${res.status}: ${JSON.stringify(res.body)?.slice(0, 300)}`)
    return
  }
  t.pass(`${label}: ${status}`)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/, `${label}: problem+json`)
  t.equal(res.body?.code, code, `${label}: code ${code}`)
  t.equal(res.body?.status, status, `${label}: body status`)
  t.type(res.body?.title, 'string', `${label}: title`)
  t.type(res.body?.detail, 'string', `${label}: detail`)
  t.type(res.body?.type, 'string', `${label}: type`)
  t.type(res.body?.instance, 'string', `${label}: instance`)
  if (param !== undefined) {
    const errors: Array<{ in: string, name: string, message: string }> = res.body?.errors ?? []
    t.ok(errors.some((e) => e.name === param && e.in === 'query' && e.message.length > 0),
      `${label}: errors names ${param} (got ${JSON.stringify(errors)})`)
  }
}

const incidentKeys = [
  'id', 'title', 'occurred_on', 'date_precision', 'province', 'district', 'place', 'latitude', 'longitude',
  'location_precision', 'type', 'targets', 'summary', 'killed', 'wounded', 'responsibility', 'created_at', 'updated_at'
].sort()

/** What the API should say about an incident, from the dataset arrays (responsibility and breakdowns unordered). */
function expectedIncident (i: IncidentRow) {
  const province = i.provinceCode ? provinceByCode.get(i.provinceCode) : undefined
  const breakdown = (outcome: string) => casualtyBreakdowns
    .filter((b) => b.incidentId === i.id && b.outcome === outcome)
    .map((b) => ({ group: b.victimGroup, count: b.count, source_id: b.sourceId }))
  return {
    id: i.id,
    title: i.title,
    occurred_on: i.occurredOn,
    date_precision: i.datePrecision,
    province: province ? { code: province.code, name: province.name } : null,
    district: i.district ?? null,
    place: i.place ?? null,
    latitude: i.latitude ?? null,
    longitude: i.longitude ?? null,
    location_precision: i.locationPrecision ?? null,
    type: i.type,
    targets: i.targets ?? [],
    summary: i.summary ?? null,
    killed: { best: i.killedBest ?? null, low: i.killedLow ?? null, high: i.killedHigh ?? null, breakdown: sortedJson(breakdown('killed')) },
    wounded: { best: i.woundedBest ?? null, low: i.woundedLow ?? null, high: i.woundedHigh ?? null, breakdown: sortedJson(breakdown('wounded')) },
    responsibility: sortedJson(responsibilities.filter((r) => r.incidentId === i.id).map((r) => {
      const a = actorById.get(r.actorId)
      return {
        kind: r.kind,
        actor: { id: r.actorId, slug: a?.slug, name: a?.name },
        source_id: r.sourceId,
        statement_id: r.statementId ?? null,
        notes: r.notes ?? null
      }
    }))
  }
}

/** The API item in the comparable form of expectedIncident (order-free lists, key order normalised). */
function comparableIncident (item: any) {
  const { created_at: _c, updated_at: _u, ...rest } = item
  const norm = (x: any) => JSON.parse(JSON.stringify(x))
  const reorder = (r: any) => ({
    kind: r.kind,
    actor: { id: r.actor?.id, slug: r.actor?.slug, name: r.actor?.name },
    source_id: r.source_id,
    statement_id: r.statement_id,
    notes: r.notes
  })
  const casualties = (c: any) => ({
    best: c?.best, low: c?.low, high: c?.high,
    breakdown: sortedJson((c?.breakdown ?? []).map((b: any) => ({ group: b.group, count: b.count, source_id: b.source_id })))
  })
  return {
    ...norm(rest),
    killed: casualties(item.killed),
    wounded: casualties(item.wounded),
    responsibility: sortedJson((item.responsibility ?? []).map(reorder))
  }
}

const anIncidentsCursor = Buffer.from(JSON.stringify(['incidents', '2021-10-01', INC_KUNDUZ_MOSQUE])).toString('base64url')

t.test('incident endpoints', async (t) => {
  const { app } = await buildTestApp(t)

  t.test('test data sanity: the dataset exercises what these tests rely on', async (t) => {
    t.ok(incidents.length >= 10, 'enough incidents')
    t.ok(new Set(incidents.map((i) => i.occurredOn)).size < incidents.length, 'some incidents share a date (id tie-break)')
    t.ok(incidents.some((i) => i.district === null) && incidents.some((i) => i.latitude === null), 'some unknowns')
    t.ok(responsibilities.some((r) => r.actorId === actorId('iskp') && r.kind === 'suspected'), 'a suspected row')
  })

  // -------------------------------------------------------------------------------------------------------------
  t.test('list: envelope, documented order, item shape, null for unknowns', async (t) => {
    const res = await getJson(app, '/v1/incidents?limit=500')
    t.equal(res.status, 200)
    t.match(String(res.headers['content-type']), /^application\/json/)
    t.strictSame(Object.keys(res.body).sort(), ['data', 'next_cursor'], 'envelope is { data, next_cursor }')
    t.equal(res.body.next_cursor, null, 'one page holds everything: next_cursor null')
    t.notOk(res.headers.link, 'no Link header on the last page')

    const pairs = res.body.data.map((i: any) => [i.occurred_on, i.id])
    t.strictSame(pairs, allInOrder.map((i) => [i.occurredOn, i.id]),
      'every incident once, newest occurred_on first, then id descending')
    for (let k = 1; k < pairs.length; k++) {
      const [d0, id0] = pairs[k - 1]
      const [d1, id1] = pairs[k]
      t.ok(d0 > d1 || (d0 === d1 && id0 > id1), `(${d0}, ${id0}) comes before (${d1}, ${id1})`)
    }

    const byId = new Map(incidents.map((i) => [i.id, i]))
    for (const item of res.body.data) {
      t.strictSame(Object.keys(item).sort(), incidentKeys, `${item.id}: exactly the documented properties, none omitted`)
      t.strictSame(Object.keys(item.killed).sort(), ['best', 'breakdown', 'high', 'low'], `${item.id}: killed shape`)
      t.strictSame(Object.keys(item.wounded).sort(), ['best', 'breakdown', 'high', 'low'], `${item.id}: wounded shape`)
      for (const r of item.responsibility) {
        t.strictSame(Object.keys(r).sort(), ['actor', 'kind', 'notes', 'source_id', 'statement_id'], `${item.id}: responsibility shape`)
        t.strictSame(Object.keys(r.actor).sort(), ['id', 'name', 'slug'], `${item.id}: responsibility actor shape`)
      }
      if (item.province !== null) t.strictSame(Object.keys(item.province).sort(), ['code', 'name'], `${item.id}: province shape`)
      t.match(item.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, `${item.id}: created_at RFC 3339 UTC`)
      t.match(item.updated_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, `${item.id}: updated_at RFC 3339 UTC`)
      const row = byId.get(item.id)
      if (!row) {
        t.fail(`${item.id} is not in the dataset`)
        continue
      }
      t.strictSame(comparableIncident(item), expectedIncident(row), `${item.id}: fields match the dataset`)
    }

    // Unknowns are null, not omitted, not 0 or "".
    const embassy = res.body.data.find((i: any) => i.id === INC_PAKISTAN_EMBASSY)
    t.equal(embassy.killed.best, null, 'unknown killed is null, not 0')
    t.equal(embassy.killed.low, null)
    t.equal(embassy.killed.high, null)
    t.equal(embassy.district, null, 'unknown district is null')
    t.strictSame(embassy.wounded, {
      best: 1, low: 1, high: 1, breakdown: [{ group: 'security_personnel', count: 1, source_id: SRC_004 }]
    })
    const kandahar = res.body.data.find((i: any) => i.id === INC_KANDAHAR_MOSQUE)
    t.strictSame([kandahar.latitude, kandahar.longitude, kandahar.location_precision], [null, null, null],
      'no coordinates: latitude, longitude and location_precision are null')
    const hospital = res.body.data.find((i: any) => i.id === INC_KABUL_HOSPITAL)
    t.strictSame(hospital.killed, { best: null, low: null, high: null, breakdown: [] }, 'unknown casualties: all null, empty breakdown')
    const jalalabad = res.body.data.find((i: any) => i.id === INC_JALALABAD_SEPT)
    t.strictSame(jalalabad.province, { code: 'AF-NAN', name: 'Nangarhar' })
    t.strictSame([jalalabad.killed.low, jalalabad.killed.best, jalalabad.killed.high], [3, 8, 8], 'reconciled killed figures')
    t.equal(jalalabad.wounded.high, null, 'open-ended upper bound is null')
    const claim = jalalabad.responsibility.find((r: any) => r.kind === 'claimed')
    t.strictSame(claim?.actor, { id: 'act_iskp', slug: 'iskp', name: actorBySlug.get('iskp')?.name })
    t.equal(claim?.source_id, SRC_001)
    t.equal(claim?.statement_id, 'stm_2021_09_iskp_claims_jalalabad_blasts')
    const attributed = jalalabad.responsibility.find((r: any) => r.kind === 'attributed')
    t.equal(attributed?.statement_id, null, 'a responsibility without a statement has statement_id null')
  })

  // -------------------------------------------------------------------------------------------------------------
  t.test('filter: province by code, name, spelling, any case, several (OR)', async (t) => {
    const nan = expectIds(inProvinces('AF-NAN'))
    t.ok(nan.includes(INC_JALALABAD_SEPT))
    for (const value of ['AF-NAN', 'af-nan', 'Nangarhar', 'nangarhar', 'NANGARHAR', 'Ningarhar', 'ningarhar', 'Nangrahar', ' Nangarhar ']) {
      await expectFilter(t, app, `/v1/incidents?${qs({ province: value })}`, nan)
    }
    await expectFilter(t, app, '/v1/incidents?province=Kabul', expectIds(inProvinces('AF-KAB')))
    await expectFilter(t, app, '/v1/incidents?province=Hirat', expectIds(inProvinces('AF-HER')))
    await expectFilter(t, app, '/v1/incidents?province=Nangarhar,Kabul', expectIds(inProvinces('AF-NAN', 'AF-KAB')))
    await expectFilter(t, app, '/v1/incidents?province=ningarhar,AF-KAB,samangan',
      expectIds(inProvinces('AF-NAN', 'AF-KAB', 'AF-SAM')))
    await expectFilter(t, app, '/v1/incidents?province=Kabul,Kabol,AF-KAB', expectIds(inProvinces('AF-KAB')),
      {})
    await expectFilter(t, app, '/v1/incidents?province=Bamyan', [], { allowEmpty: true })
    const { body } = await getJson(app, '/v1/incidents?province=Herat,Kunduz&limit=500')
    t.ok(body.data.every((i: any) => ['AF-HER', 'AF-KDZ'].includes(i.province.code)), 'every item is in a requested province')
  })

  t.test('filter: start_date and end_date, inclusive', async (t) => {
    // Boundaries exactly on an incident's date.
    const onBoundary = expectIds(onOrAfter('2022-11-30'))
    t.ok(onBoundary.includes(INC_AYBAK_MADRASSA), 'test data: Aybak is on 2022-11-30')
    await expectFilter(t, app, '/v1/incidents?start_date=2022-11-30', onBoundary)
    t.notOk(expectIds(onOrAfter('2022-12-01')).includes(INC_AYBAK_MADRASSA))
    await expectFilter(t, app, '/v1/incidents?start_date=2022-12-01', expectIds(onOrAfter('2022-12-01')))

    const throughOct = expectIds(onOrBefore('2021-10-01'))
    t.ok([INC_KABUL_IDGAH, INC_KANDAHAR_MOSQUE, INC_KUNDUZ_MOSQUE].every((id) => throughOct.includes(id)),
      'test data: three incidents on 2021-10-01')
    await expectFilter(t, app, '/v1/incidents?end_date=2021-10-01', throughOct)
    await expectFilter(t, app, '/v1/incidents?end_date=2021-09-30', expectIds(onOrBefore('2021-09-30')))

    await expectFilter(t, app, '/v1/incidents?start_date=2021-10-01&end_date=2021-11-02',
      expectIds(onOrAfter('2021-10-01'), onOrBefore('2021-11-02')))
    await expectFilter(t, app, '/v1/incidents?start_date=2022-12-02&end_date=2022-12-02',
      expectIds(onOrAfter('2022-12-02'), onOrBefore('2022-12-02')))
    t.equal(expectIds(onOrAfter('2022-12-02'), onOrBefore('2022-12-02')).length, 2, 'test data: two incidents on 2022-12-02')
    await expectFilter(t, app, '/v1/incidents?start_date=2022-01-01&end_date=2022-06-30', [], { allowEmpty: true })
  })

  t.test('filter: claimed_by (claims only) by slug and by id', async (t) => {
    const iskp = actorId('iskp')
    const claimed = expectIds(claimedBy(iskp))
    await expectFilter(t, app, '/v1/incidents?claimed_by=iskp', claimed)
    await expectFilter(t, app, `/v1/incidents?claimed_by=${iskp}`, claimed)
    // ISKP is only suspected of these two and only attributed the airport bombing: none may come back.
    for (const id of [INC_JALALABAD_NOV, INC_JALALABAD_CHARAN_SINGH, INC_KAJ_ACADEMY]) {
      t.notOk(claimed.includes(id), `test data: ${id} is not claimed by ISKP`)
    }
    t.ok(responsibilities.some((r) => r.incidentId === INC_JALALABAD_NOV && r.kind === 'suspected'), 'test data: suspected row')
    // An actor that is only ever attributed (never claims) gives nothing.
    const is = actorId('islamic-state')
    t.ok(responsibilities.some((r) => r.actorId === is && r.kind === 'attributed'), 'test data: IS is attributed incidents')
    t.notOk(responsibilities.some((r) => r.actorId === is && r.kind === 'claimed'), 'test data: IS claims none')
    await expectFilter(t, app, '/v1/incidents?claimed_by=islamic-state', [], { allowEmpty: true })
    // A speaker of statements about incidents, with no responsibility at all.
    await expectFilter(t, app, '/v1/incidents?claimed_by=taliban', [], { allowEmpty: true })
  })

  t.test('filter: attributed_to (claimed or attributed)', async (t) => {
    const iskp = actorId('iskp')
    const expected = expectIds(attributedTo(iskp))
    t.ok(expected.length > expectIds(claimedBy(iskp)).length, 'test data: attributions add incidents to claims')
    t.ok(expected.includes(INC_KAJ_ACADEMY), 'test data: Kaj is attributed to ISKP')
    t.notOk(expected.includes(INC_JALALABAD_NOV), 'test data: suspected only')
    await expectFilter(t, app, '/v1/incidents?attributed_to=iskp', expected)
    await expectFilter(t, app, `/v1/incidents?attributed_to=${iskp}`, expected)
    await expectFilter(t, app, '/v1/incidents?attributed_to=islamic-state', expectIds(attributedTo(actorId('islamic-state'))))
  })

  t.test('filter: actor (any role, statements included)', async (t) => {
    const iskp = actorId('iskp')
    const any = expectIds(anyRole(iskp))
    t.ok(any.includes(INC_JALALABAD_NOV) && any.includes(INC_JALALABAD_CHARAN_SINGH), 'test data: suspected-only incidents count')
    await expectFilter(t, app, '/v1/incidents?actor=iskp', any)
    await expectFilter(t, app, `/v1/incidents?actor=${iskp}`, any)
    // Actors linked only through statements about incidents (as speaker or on whose behalf).
    for (const slug of ['taliban', 'zabihullah-mujahid', 'united-states', 'pakistan', 'gulbuddin-hekmatyar', 'islamic-state']) {
      const id = actorId(slug)
      const expected = expectIds(anyRole(id))
      await expectFilter(t, app, `/v1/incidents?actor=${slug}`, expected)
      await expectFilter(t, app, `/v1/incidents?actor=${id}`, expected)
    }
    t.ok(expectIds(spokeAbout(actorId('taliban'))).length > 0 && expectIds(hasResponsibility(actorId('taliban'))).length === 0,
      'test data: the Taliban are linked only by statements')
    t.ok(expectIds(spokeAbout(actorId('united-states'))).includes(INC_AYBAK_MADRASSA),
      'test data: United States via a statement made on its behalf (Rina Amiri)')
    await expectFilter(t, app, '/v1/incidents?actor=xinhua', [], { allowEmpty: true })
  })

  t.test('filter: type', async (t) => {
    for (const type of incidentTypes) {
      const expected = expectIds(ofType(type))
      await expectFilter(t, app, `/v1/incidents?type=${type}`, expected, { allowEmpty: true })
    }
    t.ok(expectIds(ofType('suicide_bombing')).length > 0 && expectIds(ofType('targeted_killing')).length === 0,
      'test data: some types used, some not')
  })

  t.test('filter: q (case-insensitive, title/summary/place/district, wildcards literal)', async (t) => {
    for (const q of ['mosque', 'MOSQUE', 'Jalalabad', 'jalalABAD', 'Injil', 'assassinat']) {
      await expectFilter(t, app, `/v1/incidents?${qs({ q })}`, expectIds(containsText(q)))
    }
    // Each field on its own: a text found only in that field of one incident.
    const only = (q: string, field: 'title' | 'summary' | 'place' | 'district', id: string) => {
      const hits = incidents.flatMap((i) => (['title', 'summary', 'place', 'district'] as const)
        .filter((f) => (i[f] ?? '').toLowerCase().includes(q.toLowerCase())).map((f) => `${i.id}:${f}`))
      t.strictSame(hits, [`${id}:${field}`], `test data: "${q}" appears only in the ${field} of ${id}`)
    }
    only('Bombings', 'title', INC_KABUL_HOSPITAL)
    await expectFilter(t, app, '/v1/incidents?q=bombings', [INC_KABUL_HOSPITAL])
    only('rickshaw', 'summary', INC_JALALABAD_SEPT)
    await expectFilter(t, app, '/v1/incidents?q=RICKSHAW', [INC_JALALABAD_SEPT])
    only('Mosque Idgah', 'place', INC_KABUL_IDGAH)
    await expectFilter(t, app, `/v1/incidents?${qs({ q: 'mosque idgah' })}`, [INC_KABUL_IDGAH])
    only('(its mosque)', 'place', INC_AYBAK_MADRASSA)
    await expectFilter(t, app, `/v1/incidents?${qs({ q: '(its mosque)' })}`, [INC_AYBAK_MADRASSA])
    // The dataset has one district ("Injil"), also in its title: district is matched at least as well as title.
    await expectFilter(t, app, '/v1/incidents?q=injil', expectIds(containsText('injil')))

    // LIKE wildcards are literal.
    t.ok(expectIds(containsText('Jalalabad')).length > 0, 'test data')
    await expectFilter(t, app, `/v1/incidents?${qs({ q: 'Jalal_bad' })}`, [], { allowEmpty: true })
    await expectFilter(t, app, `/v1/incidents?${qs({ q: 'Jalal%bad' })}`, [], { allowEmpty: true })
    await expectFilter(t, app, `/v1/incidents?${qs({ q: '%' })}`, expectIds(containsText('%')), { allowEmpty: true })
    await expectFilter(t, app, `/v1/incidents?${qs({ q: '_' })}`, expectIds(containsText('_')), { allowEmpty: true })
    await expectFilter(t, app, `/v1/incidents?${qs({ q: '\\' })}`, expectIds(containsText('\\')), { allowEmpty: true })
    await expectFilter(t, app, `/v1/incidents?${qs({ q: 'no such text anywhere' })}`, [], { allowEmpty: true })
  })

  t.test('filters combine with AND', async (t) => {
    const iskp = actorId('iskp')
    const cases: Array<[string, Predicate[]]> = [
      ['province=Kabul&start_date=2021-08-01&end_date=2022-12-31&claimed_by=iskp',
        [inProvinces('AF-KAB'), onOrAfter('2021-08-01'), onOrBefore('2022-12-31'), claimedBy(iskp)]],
      ['province=Kabul,Nangarhar&claimed_by=iskp', [inProvinces('AF-KAB', 'AF-NAN'), claimedBy(iskp)]],
      ['type=suicide_bombing&attributed_to=islamic-state', [ofType('suicide_bombing'), attributedTo(actorId('islamic-state'))]],
      ['actor=taliban&province=Nangarhar&q=blast', [anyRole(actorId('taliban')), inProvinces('AF-NAN'), containsText('blast')]],
      ['actor=iskp&start_date=2022-01-01&type=armed_assault', [anyRole(iskp), onOrAfter('2022-01-01'), ofType('armed_assault')]],
      ['claimed_by=iskp&attributed_to=islamic-state', [claimedBy(iskp), attributedTo(actorId('islamic-state'))]],
      ['province=Kabul&q=mosque', [inProvinces('AF-KAB'), containsText('mosque')]],
      ['end_date=2021-12-31&q=mosque&type=suicide_bombing', [onOrBefore('2021-12-31'), containsText('mosque'), ofType('suicide_bombing')]]
    ]
    for (const [query, predicates] of cases) {
      const expected = expectIds(...predicates)
      // Each combination must be stricter than its filters one by one, or it would not prove AND.
      const loosest = Math.min(...predicates.map((p) => expectIds(p).length))
      t.ok(expected.length < loosest || predicates.length === 1, `test data: ${query} narrows every single filter`)
      await expectFilter(t, app, `/v1/incidents?${query}`, expected, { allowEmpty: true })
    }
  })

  // -------------------------------------------------------------------------------------------------------------
  t.test('pagination: walks see every incident once, in order', async (t) => {
    const single = await listIds(t, app, '/v1/incidents')
    t.strictSame(single, allIds, 'limit=500 returns everything in order')
    for (const limit of [1, 2, 7]) {
      const { items, pages } = await walkPages(app, `/v1/incidents?limit=${limit}`)
      const ids = items.map((i: any) => i.id)
      t.strictSame(ids, single, `limit=${limit}: same sequence as one big page`)
      t.equal(new Set(ids).size, ids.length, `limit=${limit}: no duplicates`)
      t.equal(pages, Math.ceil(incidents.length / limit), `limit=${limit}: ${pages} pages`)
    }
    // Walks with filters, crossing ties on occurred_on (three Herat incidents on 2022-11-01).
    for (const [url, expected] of [
      ['/v1/incidents?province=Herat,Kabul&limit=2', expectIds(inProvinces('AF-HER', 'AF-KAB'))],
      ['/v1/incidents?actor=iskp&limit=1', expectIds(anyRole(actorId('iskp')))],
      ['/v1/incidents?start_date=2021-10-01&end_date=2022-11-30&limit=2', expectIds(onOrAfter('2021-10-01'), onOrBefore('2022-11-30'))],
      ['/v1/actors/iskp/incidents?limit=2', expectIds(anyRole(actorId('iskp')))],
      [`/v1/sources/${SRC_004}/incidents?limit=3`, expectIds(reportedBy(SRC_004))]
    ] as Array<[string, string[]]>) {
      const { items } = await walkPages(app, url)
      t.strictSame(items.map((i: any) => i.id), expected, `${url}: the walk sees exactly the filtered incidents, in order`)
    }
  })

  t.test('pagination: next_cursor and the Link header', async (t) => {
    const first = await getJson(app, '/v1/incidents?limit=3')
    t.equal(first.body.data.length, 3)
    t.type(first.body.next_cursor, 'string', 'next_cursor is a string when more pages follow')

    const params = { province: 'Kabul,Nangarhar', start_date: '2021-08-01', attributed_to: 'iskp', limit: '1' }
    const expected = expectIds(inProvinces('AF-KAB', 'AF-NAN'), onOrAfter('2021-08-01'), attributedTo(actorId('iskp')))
    t.ok(expected.length >= 3, 'test data: several pages')
    let url: string | null = `/v1/incidents?${qs(params)}`
    const seen: string[] = []
    while (url !== null) {
      const res = await getJson(app, url)
      t.equal(res.status, 200, url)
      seen.push(...res.body.data.map((i: any) => i.id))
      const link = res.headers.link as string | undefined
      if (res.body.next_cursor === null) {
        t.notOk(link, 'no Link header on the last page')
        url = null
        continue
      }
      const match = /^<([^>]+)>; rel="next"$/.exec(link ?? '')
      t.ok(match, `Link header with rel="next" (got ${link})`)
      if (!match) break
      const next = new URL(match[1] as string, 'http://localhost')
      t.equal(next.pathname, '/v1/incidents', 'Link points at the same endpoint')
      t.equal(next.searchParams.get('cursor'), res.body.next_cursor, 'Link carries next_cursor')
      for (const [name, value] of Object.entries(params)) {
        t.equal(next.searchParams.get(name), value, `Link keeps ${name}`)
      }
      t.strictSame([...next.searchParams.keys()].sort(), [...Object.keys(params), 'cursor'].sort(), 'Link has no other parameters')
      url = `${next.pathname}${next.search}`
      if (seen.length > incidents.length) break
    }
    t.strictSame(seen, expected, 'following Link headers walks exactly the filtered incidents')

    // Nested routes too.
    const nested = await getJson(app, '/v1/actors/iskp/incidents?province=Herat,Kabul&limit=1')
    const nestedLink = /^<([^>]+)>; rel="next"$/.exec(String(nested.headers.link ?? ''))
    t.ok(nestedLink, 'nested list has a Link header')
    if (nestedLink) {
      const next = new URL(nestedLink[1] as string, 'http://localhost')
      t.equal(next.pathname, '/v1/actors/iskp/incidents')
      t.equal(next.searchParams.get('province'), 'Herat,Kabul')
      t.equal(next.searchParams.get('cursor'), nested.body.next_cursor)
    }
  })

  t.test('pagination: limit default 50, maximum 500', async (t) => {
    const dflt = await getJson(app, '/v1/incidents')
    const fifty = await getJson(app, '/v1/incidents?limit=50')
    t.equal(dflt.status, 200)
    t.equal(dflt.body.data.length, Math.min(50, incidents.length), 'default page holds up to 50')
    t.strictSame(dflt.body, fifty.body, 'no limit is the same as limit=50')
    const max = await getJson(app, '/v1/incidents?limit=500')
    t.equal(max.status, 200, 'limit=500 is allowed')
    const over = await getJson(app, '/v1/incidents?limit=501')
    expectProblem(t, over, 400, 'invalid_parameter', 'limit', 'limit=501')
    for (const limit of [1, 4, 14, 15]) {
      const { body } = await getJson(app, `/v1/incidents?limit=${limit}`)
      t.equal(body.data.length, limit, `limit=${limit} returns ${limit}`)
      t.equal(body.next_cursor === null, limit >= incidents.length, `limit=${limit}: next_cursor null only on the last page`)
    }
  })

  // -------------------------------------------------------------------------------------------------------------
  t.test('item: the Jalalabad 2021-09-18 blasts with both conflicting accounts', async (t) => {
    const res = await getJson(app, `/v1/incidents/${INC_JALALABAD_SEPT}`)
    t.equal(res.status, 200)
    const item = res.body
    t.equal(item.id, INC_JALALABAD_SEPT)
    t.strictSame(Object.keys(item).sort(), [...incidentKeys, 'reports', 'statements'].sort(), 'item properties')

    const report = (sourceId: string) => item.reports.find((r: any) => r.source.id === sourceId)
    const r000 = report(SRC_000)
    const r001 = report(SRC_001)
    t.ok(r000 && r001, 'both sources have a report')
    t.strictSame([r000?.killed.best, r000?.wounded.best], [3, 18], 'article 000: 3 killed, 18 wounded')
    t.strictSame([r001?.killed.best, r001?.wounded.best], [8, null], 'article 001: 8 killed, no wounded figure')
    t.equal(r000?.occurred_on, '2021-09-18')
    t.equal(r001?.occurred_on, '2021-09-19', 'each source keeps its own date')

    const expectedReports = incidentReports.filter((r) => r.incidentId === INC_JALALABAD_SEPT)
    t.strictSame(item.reports.map((r: any) => r.source.id).sort(), expectedReports.map((r) => r.sourceId).sort(),
      'one report per source that gives an account')
    for (const r of item.reports) {
      const src = sourceById.get(r.source.id)
      t.strictSame(r.source, {
        id: src?.id, title: src?.title ?? null, publisher: src?.publisher ?? null, published_on: src?.publishedOn ?? null, url: src?.url ?? null
      }, `${r.source.id}: source {id,title,publisher,published_on,url}`)
      const row = expectedReports.find((x) => x.sourceId === r.source.id)
      t.strictSame(r, {
        source: r.source,
        occurred_on: row?.occurredOn ?? null,
        date_precision: row?.datePrecision ?? null,
        killed: { best: row?.killedBest ?? null, low: row?.killedLow ?? null, high: row?.killedHigh ?? null },
        wounded: { best: row?.woundedBest ?? null, low: row?.woundedLow ?? null, high: row?.woundedHigh ?? null },
        excerpt: row?.excerpt ?? null,
        notes: row?.notes ?? null
      }, `${r.source.id}: the source's own date and figures`)
    }

    const expectedStatements = statementIncidents.filter((l) => l.incidentId === INC_JALALABAD_SEPT).map((l) => l.statementId)
    t.ok(expectedStatements.length > 0, 'test data')
    t.strictSame(item.statements.map((s: any) => s.id).sort(), [...expectedStatements].sort(), 'the statements linked to it')
    for (const s of item.statements) t.ok(s.incident_ids.includes(INC_JALALABAD_SEPT), `${s.id} concerns the incident`)
  })

  t.test('item: every incident matches its list entry, its reports and its statements', async (t) => {
    const list = await getJson(app, '/v1/incidents?limit=500')
    for (const entry of list.body.data) {
      const { status, body } = await getJson(app, `/v1/incidents/${entry.id}`)
      t.equal(status, 200, entry.id)
      const { reports, statements: stms, ...base } = body
      t.strictSame(base, entry, `${entry.id}: same fields as in the list`)
      t.strictSame(reports.map((r: any) => r.source.id).sort(),
        incidentReports.filter((r) => r.incidentId === entry.id).map((r) => r.sourceId).sort(), `${entry.id}: reports`)
      const published = reports.map((r: any) => r.source.published_on)
      const firstNull = published.indexOf(null)
      const dated = firstNull === -1 ? published : published.slice(0, firstNull)
      t.ok(firstNull === -1 || published.slice(firstNull).every((p: unknown) => p === null), `${entry.id}: undated sources last`)
      t.strictSame(dated, [...dated].sort(), `${entry.id}: reports oldest source first`)
      t.strictSame(stms.map((s: any) => s.id).sort(),
        statementIncidents.filter((l) => l.incidentId === entry.id).map((l) => l.statementId).sort(), `${entry.id}: statements`)
      const said = stms.map((s: any) => s.said_on)
      t.strictSame(said, [...said].sort(), `${entry.id}: statements oldest first`)
    }
  })

  t.test('item: unknown id is a 404 problem', async (t) => {
    const res = await getJson(app, '/v1/incidents/inc_does_not_exist')
    expectProblem(t, res, 404, 'not_found', undefined, 'unknown incident')
    t.equal(res.body.instance, '/v1/incidents/inc_does_not_exist')
  })

  // -------------------------------------------------------------------------------------------------------------
  t.test('nested: /v1/incidents/{id}/statements', async (t) => {
    const id = INC_PAKISTAN_EMBASSY
    const linked = statementIncidents.filter((l) => l.incidentId === id).map((l) => statementById.get(l.statementId)!)
    t.ok(linked.length >= 3, 'test data: several statements about the embassy attack')
    const byNewest = (a: { saidOn: string, id: string }, b: { saidOn: string, id: string }) =>
      a.saidOn !== b.saidOn ? (a.saidOn < b.saidOn ? 1 : -1) : (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
    const res = await getJson(app, `/v1/incidents/${id}/statements?limit=500`)
    t.equal(res.status, 200)
    t.strictSame(Object.keys(res.body).sort(), ['data', 'next_cursor'])
    t.strictSame(res.body.data.map((s: any) => s.id), [...linked].sort(byNewest).map((s) => s.id),
      'exactly the statements about the incident, newest first')
    for (const s of res.body.data) t.ok(s.incident_ids.includes(id), `${s.id} concerns ${id}`)

    const condemnations = linked.filter((s) => s.kind === 'condemnation')
    t.ok(condemnations.length > 0 && condemnations.length < linked.length, 'test data: kind narrows')
    const filtered = await getJson(app, `/v1/incidents/${id}/statements?kind=condemnation&limit=500`)
    t.strictSame(filtered.body.data.map((s: any) => s.id), [...condemnations].sort(byNewest).map((s) => s.id),
      'kind=condemnation keeps only the condemnations about this incident')

    const walk = await walkPages(app, `/v1/incidents/${id}/statements?limit=2`)
    t.strictSame(walk.items.map((s: any) => s.id), res.body.data.map((s: any) => s.id), 'walk with limit=2 sees the same')

    const none = await getJson(app, `/v1/incidents/${INC_KABUL_IDGAH}/statements`)
    t.strictSame(none.body, { data: [], next_cursor: null }, 'an incident without statements: empty list')

    expectProblem(t, await getJson(app, '/v1/incidents/inc_does_not_exist/statements'), 404, 'not_found', undefined, 'unknown incident')
  })

  t.test('nested: /v1/actors/{id}/incidents', async (t) => {
    for (const slug of ['iskp', 'taliban', 'islamic-state', 'zabihullah-mujahid']) {
      const id = actorId(slug)
      const expected = expectIds(anyRole(id))
      const bySlug = await listIds(t, app, `/v1/actors/${slug}/incidents`)
      const byId = await listIds(t, app, `/v1/actors/${id}/incidents`)
      const flat = await listIds(t, app, `/v1/incidents?actor=${slug}`)
      t.strictSame(bySlug, expected, `/v1/actors/${slug}/incidents: any role`)
      t.strictSame(byId, expected, `/v1/actors/${id}/incidents: same by id`)
      t.strictSame(flat, bySlug, `/v1/actors/${slug}/incidents is the same set as /v1/incidents?actor=${slug}`)
    }
    const iskp = actorId('iskp')
    await expectFilter(t, app, '/v1/actors/iskp/incidents?province=Herat', expectIds(anyRole(iskp), inProvinces('AF-HER')))
    t.strictSame(expectIds(anyRole(iskp), inProvinces('AF-HER')), [INC_HERAT_MINIBUS], 'test data: README example')
    await expectFilter(t, app, '/v1/actors/iskp/incidents?start_date=2022-01-01&type=ied',
      expectIds(anyRole(iskp), onOrAfter('2022-01-01'), ofType('ied')))
    await expectFilter(t, app, '/v1/actors/taliban/incidents?claimed_by=iskp',
      expectIds(anyRole(actorId('taliban')), claimedBy(iskp)))
    await expectFilter(t, app, '/v1/actors/iskp/incidents?q=jalalabad', expectIds(anyRole(iskp), containsText('jalalabad')))
    await expectFilter(t, app, '/v1/actors/xinhua/incidents', [], { allowEmpty: true })
    expectProblem(t, await getJson(app, '/v1/actors/no-such-actor/incidents'), 404, 'not_found', undefined, 'unknown actor')
  })

  t.test('nested: /v1/sources/{id}/incidents', async (t) => {
    for (const source of sources) {
      const expected = expectIds(reportedBy(source.id))
      const got = await listIds(t, app, `/v1/sources/${source.id}/incidents`)
      t.strictSame(got, expected, `${source.id}: exactly the incidents it gives an account of`)
    }
    t.ok(sources.some((s) => expectIds(reportedBy(s.id)).length === 0), 'test data: a source reporting no incident')
    t.strictSame(expectIds(reportedBy(SRC_ANADOLU)), [INC_KUNDUZ_MOSQUE, INC_KANDAHAR_MOSQUE], 'test data')
    await expectFilter(t, app, `/v1/sources/${SRC_004}/incidents?province=Herat`, expectIds(reportedBy(SRC_004), inProvinces('AF-HER')))
    await expectFilter(t, app, `/v1/sources/${SRC_004}/incidents?claimed_by=iskp&start_date=2022-12-01`,
      expectIds(reportedBy(SRC_004), claimedBy(actorId('iskp')), onOrAfter('2022-12-01')))
    expectProblem(t, await getJson(app, '/v1/sources/src_does_not_exist/incidents'), 404, 'not_found', undefined, 'unknown source')
  })

  // -------------------------------------------------------------------------------------------------------------
  t.test('bad input: 400 problem+json naming the parameter', async (t) => {
    const actorsPage = await getJson(app, '/v1/actors?limit=1')
    const actorsCursor = actorsPage.body.next_cursor as string
    t.type(actorsCursor, 'string', 'test data: /v1/actors issues a cursor')
    const statementsPage = await getJson(app, `/v1/incidents/${INC_PAKISTAN_EMBASSY}/statements?limit=1`)
    const statementsCursor = statementsPage.body.next_cursor as string
    t.type(statementsCursor, 'string', 'test data: statements cursor')
    const incidentsCursor = (await getJson(app, '/v1/incidents?limit=1')).body.next_cursor as string

    const cases: Array<[string, string]> = [
      ['/v1/incidents?start_date=2021-13-01', 'start_date'],
      ['/v1/incidents?start_date=2021-02-30', 'start_date'],
      ['/v1/incidents?end_date=2021-02-30', 'end_date'],
      ['/v1/incidents?start_date=2021-02-29', 'start_date'],
      ['/v1/incidents?start_date=yesterday', 'start_date'],
      ['/v1/incidents?end_date=yesterday', 'end_date'],
      ['/v1/incidents?end_date=2021-1-5', 'end_date'],
      ['/v1/incidents?start_date=2021-09-18T00:00:00Z', 'start_date'],
      ['/v1/incidents?start_date=2022-01-01&end_date=2021-01-01', 'start_date'],
      ['/v1/incidents?nope=1', 'nope'],
      ['/v1/incidents?Province=Kabul', 'Province'],
      ['/v1/incidents?province=Atlantis', 'province'],
      ['/v1/incidents?province=Kabul,Atlantis', 'province'],
      ['/v1/incidents?province=', 'province'],
      ['/v1/incidents?province=,', 'province'],
      ['/v1/incidents?claimed_by=no-such-actor', 'claimed_by'],
      ['/v1/incidents?attributed_to=no-such-actor', 'attributed_to'],
      ['/v1/incidents?actor=no-such-actor', 'actor'],
      ['/v1/incidents?claimed_by=', 'claimed_by'],
      ['/v1/incidents?cursor=garbage', 'cursor'],
      ['/v1/incidents?cursor=!!!', 'cursor'],
      [`/v1/incidents?cursor=${actorsCursor}`, 'cursor'],
      [`/v1/incidents?cursor=${statementsCursor}`, 'cursor'],
      [`/v1/incidents?cursor=${Buffer.from('["incidents"]').toString('base64url')}`, 'cursor'],
      [`/v1/incidents?cursor=${Buffer.from('["incidents","2021-10-01"]').toString('base64url')}`, 'cursor'],
      [`/v1/incidents?cursor=${Buffer.from('["incidents",20211001,"x"]').toString('base64url')}`, 'cursor'],
      ['/v1/incidents?limit=0', 'limit'],
      ['/v1/incidents?limit=501', 'limit'],
      ['/v1/incidents?limit=abc', 'limit'],
      ['/v1/incidents?limit=-1', 'limit'],
      ['/v1/incidents?limit=2.5', 'limit'],
      ['/v1/incidents?type=nope', 'type'],
      ['/v1/incidents?type=Bombing', 'type'],
      [`/v1/incidents?q=${'x'.repeat(201)}`, 'q'],
      ['/v1/incidents?q=%00', 'q'],
      [`/v1/incidents/${INC_JALALABAD_SEPT}?limit=1`, 'limit'],
      [`/v1/incidents/${INC_PAKISTAN_EMBASSY}/statements?kind=nope`, 'kind'],
      [`/v1/incidents/${INC_PAKISTAN_EMBASSY}/statements?start_date=2022-12-31&end_date=2022-01-01`, 'start_date'],
      [`/v1/incidents/${INC_PAKISTAN_EMBASSY}/statements?cursor=${incidentsCursor}`, 'cursor'],
      ['/v1/actors/iskp/incidents?start_date=2022-01-01&end_date=2021-01-01', 'start_date'],
      ['/v1/actors/iskp/incidents?province=Atlantis', 'province'],
      ['/v1/actors/iskp/incidents?claimed_by=no-such-actor', 'claimed_by'],
      [`/v1/actors/iskp/incidents?cursor=${actorsCursor}`, 'cursor'],
      ['/v1/actors/iskp/incidents?limit=0', 'limit'],
      [`/v1/sources/${SRC_004}/incidents?end_date=2021-02-30`, 'end_date'],
      [`/v1/sources/${SRC_004}/incidents?attributed_to=no-such-actor`, 'attributed_to'],
      [`/v1/sources/${SRC_004}/incidents?cursor=garbage`, 'cursor'],
      [`/v1/sources/${SRC_004}/incidents?foo=bar`, 'foo']
    ]
    for (const [url, param] of cases) {
      expectProblem(t, await getJson(app, url), 400, 'invalid_parameter', param, url)
    }
    const range = await getJson(app, '/v1/incidents?start_date=2022-01-01&end_date=2021-01-01')
    t.match(range.body.detail, /2022-01-01.*2021-01-01/, 'the detail says which dates conflict')
    t.equal(range.body.instance, '/v1/incidents?start_date=2022-01-01&end_date=2021-01-01')
  })

  t.test('bad input: values that pass the schema but not PostgreSQL are 400, not 500', async (t) => {
    const forged = (date: string) => Buffer.from(JSON.stringify(['incidents', date, INC_KUNDUZ_MOSQUE])).toString('base64url')
    for (const [url, param] of [
      // The date format accepts year 0000, which PostgreSQL's date type rejects.
      ['/v1/incidents?start_date=0000-01-01', 'start_date'],
      ['/v1/incidents?end_date=0000-12-31', 'end_date'],
      // A cursor of the right shape (tag, \d{4}-\d{2}-\d{2}, text) whose date is not a calendar date.
      [`/v1/incidents?cursor=${forged('2021-13-45')}`, 'cursor'],
      [`/v1/incidents?cursor=${forged('9999-99-99')}`, 'cursor'],
      [`/v1/actors/iskp/incidents?cursor=${forged('2021-02-30')}`, 'cursor']
    ] as Array<[string, string]>) {
      const res = await getJson(app, url)
      expectProblem(t, res, 400, 'invalid_parameter', param, `${url} is malformed: must be a 400, not a ${res.status}`)
      t.notMatch(JSON.stringify(res.body ?? ''), /select|date\/time|stack/i, `${url}: no SQL or stack in the body`)
    }
    // A well-formed cursor that this endpoint could have issued still works, even for a row that does not exist.
    const ok = await getJson(app, `/v1/incidents?limit=500&cursor=${anIncidentsCursor}`)
    t.equal(ok.status, 200)
    t.strictSame(ok.body.data?.map((i: any) => i.id), allIds.slice(allIds.indexOf(INC_KUNDUZ_MOSQUE) + 1),
      'a cursor resumes strictly after its (occurred_on, id)')
  })

  t.test('responses are never 5xx on odd input', async (t) => {
    const urls = [
      '/v1/incidents?q=%27', '/v1/incidents?q=%22', '/v1/incidents?q=%5C', '/v1/incidents?q=%5C%25', '/v1/incidents?q=%E2%80%99',
      '/v1/incidents?q=%F0%9F%92%A3', '/v1/incidents?q=%25%25%25', '/v1/incidents?q=a%27%3B%20drop%20table%20incidents%3B--',
      '/v1/incidents?province=%27', '/v1/incidents?province=Kabul%00', '/v1/incidents?claimed_by=%27%20or%201%3D1--',
      '/v1/incidents?actor=ISKP', '/v1/incidents?actor=%25', '/v1/incidents?start_date=9999-12-31', '/v1/incidents?end_date=1900-01-01',
      '/v1/incidents?limit=99999999999999999999', '/v1/incidents?limit=1e2', '/v1/incidents?cursor=' + 'A'.repeat(600),
      `/v1/incidents?cursor=${Buffer.from('["incidents","2021-10-01","' + 'x'.repeat(300) + '"]').toString('base64url')}`,
      `/v1/incidents?cursor=${Buffer.from('{"a":1}').toString('base64url')}`, `/v1/incidents?cursor=${Buffer.from('null').toString('base64url')}`,
      '/v1/incidents/%00', '/v1/incidents/%27', '/v1/incidents/%25/statements',
      '/v1/actors/%27/incidents', '/v1/sources/%25/incidents', '/v1/incidents?type=', '/v1/incidents?province=Kabul&province=Herat',
      '/v1/incidents?limit=1&limit=2', '/v1/incidents?start_date[]=2021-01-01', '/v1/incidents?q'
    ]
    for (const url of urls) {
      const res = await app.inject({ method: 'GET', url })
      t.ok(res.statusCode < 500, `${url}: ${res.statusCode}`)
      if (res.statusCode >= 400) {
        t.match(String(res.headers['content-type']), /^application\/problem\+json/, `${url}: errors are problem+json`)
      }
    }
  })

  t.test('long ids: up to 200 characters (the Id schema) is a 404 problem, beyond is still a problem document', async (t) => {
    for (const url of [
      `/v1/incidents/inc_${'x'.repeat(146)}`,
      `/v1/incidents/inc_${'x'.repeat(146)}/statements`,
      `/v1/actors/${'x'.repeat(150)}/incidents`,
      `/v1/sources/${'x'.repeat(150)}/incidents`
    ]) {
      const res = await getJson(app, url)
      expectProblem(t, res, 404, 'not_found', undefined,
        `${url.slice(0, 40)}... (150-char id, valid per the schema): 404 problem+json, ` +
        `got ${res.status} ${String(res.headers['content-type'])}`)
    }
    // Beyond the schema's 200 characters: a 400 (or 414 URI Too Long), but still a problem document.
    const tooLong = await getJson(app, `/v1/incidents/${'x'.repeat(201)}`)
    t.ok([400, 414].includes(tooLong.status), `201-char id: 400 or 414 (got ${tooLong.status})`)
    t.match(String(tooLong.headers['content-type']), /^application\/problem\+json/,
      `201-char id: the error is application/problem+json (got ${String(tooLong.headers['content-type'])}: ${JSON.stringify(tooLong.body)?.slice(0, 120)})`)
    t.equal(tooLong.body?.status, tooLong.status, '201-char id: problem body carries the status')
  })
})
