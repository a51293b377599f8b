/**
 * The incident endpoints against the curated dataset (the record files, read with readDataset()): list ordering and
 * shape, every filter (expected ids computed from the dataset rows), date windows (overlap by default, `within` on
 * request), keyset pagination and the Link header, the item with its per-source reports, statements, no-claim
 * reports, follow-ups, related incidents and tallies, the nested views (/v1/incidents/{id}/statements,
 * /v1/actors/{id}/incidents, /v1/sources/{id}/incidents), and bad input as 400 problem details. One app for the file.
 */
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import { provinces } from '../../src/domain/provinces.ts'
import { incidentTypes } from '../../src/domain/vocabulary.ts'
import { dataset, idMatching, actorId, actorRef } from '../dataset.ts'
import type { IncidentRow, ResponsibilityRow } from '../../src/seed/types.ts'
import { buildTestApp, getJson, walkPages } from '../helper.ts'

type Predicate = (i: IncidentRow) => boolean

// ---------------------------------------------------------------------------------------------------------------
// Expectations computed from the dataset rows, independently of the SQL in src/routes.
// ---------------------------------------------------------------------------------------------------------------

const {
  incidents, incidentReports, casualtyBreakdowns, responsibilities, sources, statements, statementIncidents,
  incidentParticipants, noClaimReports, incidentFollowUps, incidentRelations, tallyIncidents
} = dataset

const incidentId = (pattern: RegExp) => idMatching(incidents, 'incident', pattern)
const sourceId = (pattern: RegExp) => idMatching(sources, 'source', pattern)

const INC_AYBAK_MADRASSA = incidentId(/aybak/)
const INC_HERAT_MINIBUS = incidentId(/minibus/)
const INC_JALALABAD_CHARAN_SINGH = incidentId(/charan_singh/)
const INC_JALALABAD_NOV = incidentId(/jalalabad_twin_blasts/)
const INC_JALALABAD_SEPT = incidentId(/2021_09_.*jalalabad_blasts/)
const INC_KABUL_HOSPITAL = incidentId(/military_hospital/)
const INC_KAJ_ACADEMY = incidentId(/kaj_academy/)
const INC_KANDAHAR_MOSQUE = incidentId(/kandahar_mosque/)
const INC_KUNDUZ_MOSQUE = incidentId(/kunduz/)
const INC_PAKISTAN_EMBASSY = incidentId(/pakistani_embassy/)

/** The Hasht-e Subh article of 2022-12-05 (the tally article). */
const SRC_HASHT = sourceId(/hasht_e_subh/)
const SRC_ANADOLU = sourceId(/anadolu/)
/** "Twin blasts rock Jalalabad" (2021-11-07). */
const SRC_TWIN_BLASTS = sourceId(/twin_blasts_rock_jalalabad/)
/** "Taliban Say No ISIS, Al-Qaeda In Country" (2021-09-21, Tyler Durden). */
const SRC_NO_ISIS = sourceId(/taliban_say_no_isis/)

const provinceByCode = new Map(provinces.map((p) => [p.code, p]))
const sourceById = new Map(sources.map((s) => [s.id, s]))
const statementById = new Map(statements.map((s) => [s.id, s]))
const incidentById = new Map(incidents.map((i) => [i.id, i]))

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
/** The default date match: the window date_start..date_end overlaps the asked range. */
const overlaps = (start?: string, end?: string): Predicate => (i) =>
  (start === undefined || i.dateEnd >= start) && (end === undefined || i.dateStart <= end)
/** date_match=within: the whole window lies in the asked range. */
const within = (start?: string, end?: string): Predicate => (i) =>
  (start === undefined || i.dateStart >= start) && (end === undefined || i.dateEnd <= end)
/** The old point semantics (occurred_on in the range), to show the window semantics differ from it. */
const occurredIn = (start?: string, end?: string): Predicate => (i) =>
  (start === undefined || i.occurredOn >= start) && (end === undefined || i.occurredOn <= end)
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
const tookPart = (actor: string): Predicate => (i) =>
  incidentParticipants.some((p) => p.incidentId === i.id && p.actorId === actor)
/** `actor`: responsibility of any kind, a participant, or a statement about the incident (as speaker or principal). */
const anyRole = (actor: string): Predicate => (i) => hasResponsibility(actor)(i) || tookPart(actor)(i) || spokeAbout(actor)(i)
const ofType = (...types: string[]): Predicate => (i) => types.includes(i.type)
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
  'id', 'title', 'occurred_on', 'date_precision', 'date_start', 'date_end', 'province', 'district', 'place', 'latitude',
  'longitude', 'location_precision', 'type', 'targets', 'summary', 'killed', 'wounded', 'perpetrators_killed',
  'perpetrators_wounded', 'responsibility', 'participants', 'version', 'created_at', 'updated_at'
].sort()
const detailKeys = [...incidentKeys, 'reports', 'statements', 'no_claim', 'follow_ups', 'related', 'tally_ids'].sort()
const responsibilityKeys = ['actor', 'asserted_by', 'challenge', 'excerpt', 'kind', 'notes', 'source_id', 'statement_id', 'voice', 'wording']
const participantKeys = ['actor', 'count', 'description', 'excerpt', 'notes', 'outcome', 'role', 'source_id']
const breakdownKeys = ['best', 'count', 'group', 'high', 'low', 'outcome', 'source_id']
const reportKeys = [
  'breakdown', 'date_end', 'date_precision', 'date_start', 'excerpt', 'killed', 'notes', 'occurred_on', 'perpetrators_killed',
  'perpetrators_wounded', 'source', 'wounded'
]

type Figure = number | null | undefined
const figures = (best: Figure, low: Figure, high: Figure) => ({ best: best ?? null, low: low ?? null, high: high ?? null })

/** A breakdown item as the API gives it: `count` is best, or low when only a lower bound is known. */
const breakdownItems = (incident: string, filter: { outcome?: string, source?: string }) => casualtyBreakdowns
  .filter((b) => b.incidentId === incident && (filter.outcome === undefined || b.outcome === filter.outcome) &&
    (filter.source === undefined || b.sourceId === filter.source))
  .map((b) => ({
    group: b.victimGroup,
    outcome: b.outcome,
    count: b.best ?? b.low,
    best: b.best ?? null,
    low: b.low ?? null,
    high: b.high ?? null,
    source_id: b.sourceId
  }))

function expectedResponsibility (r: ResponsibilityRow) {
  return {
    kind: r.kind,
    actor: actorRef(r.actorId),
    source_id: r.sourceId,
    statement_id: r.statementId ?? null,
    voice: r.voice,
    asserted_by: actorRef(r.assertedById),
    wording: r.wording ?? null,
    excerpt: r.excerpt ?? null,
    challenge: r.challengeKind
      ? {
          kind: r.challengeKind,
          by: actorRef(r.challengedById),
          source_id: r.challengeSourceId,
          statement_id: r.challengeStatementId ?? null,
          excerpt: r.challengeExcerpt ?? null
        }
      : null,
    notes: r.notes ?? null
  }
}

/** What the API should say about an incident, from the dataset rows (responsibility and breakdowns unordered). */
function expectedIncident (i: IncidentRow) {
  const province = i.provinceCode ? provinceByCode.get(i.provinceCode) : undefined
  return {
    id: i.id,
    title: i.title,
    occurred_on: i.occurredOn,
    date_precision: i.datePrecision,
    date_start: i.dateStart,
    date_end: i.dateEnd,
    province: province ? { code: province.code, name: province.name } : null,
    district: i.district ?? null,
    place: i.place ?? null,
    latitude: i.latitude ?? null,
    longitude: i.longitude ?? null,
    location_precision: i.locationPrecision ?? null,
    type: i.type,
    targets: i.targets ?? [],
    summary: i.summary ?? null,
    killed: { ...figures(i.killedBest, i.killedLow, i.killedHigh), breakdown: sortedJson(breakdownItems(i.id, { outcome: 'killed' })) },
    wounded: { ...figures(i.woundedBest, i.woundedLow, i.woundedHigh), breakdown: sortedJson(breakdownItems(i.id, { outcome: 'wounded' })) },
    perpetrators_killed: figures(i.perpetratorsKilledBest, i.perpetratorsKilledLow, i.perpetratorsKilledHigh),
    perpetrators_wounded: figures(i.perpetratorsWoundedBest, i.perpetratorsWoundedLow, i.perpetratorsWoundedHigh),
    responsibility: sortedJson(responsibilities.filter((r) => r.incidentId === i.id).map(expectedResponsibility)),
    // Participants keep the order of the record.
    participants: incidentParticipants.filter((p) => p.incidentId === i.id)
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        role: p.role,
        actor: actorRef(p.actorId),
        description: p.description ?? null,
        count: p.count ?? null,
        outcome: p.outcome ?? null,
        source_id: p.sourceId,
        excerpt: p.excerpt ?? null,
        notes: p.notes ?? null
      }))
  }
}

/** The API item in the comparable form of expectedIncident (order-free lists, key order normalised). */
function comparableIncident (item: any) {
  const { created_at: _c, updated_at: _u, version: _v, ...rest } = item
  const norm = (x: any) => JSON.parse(JSON.stringify(x))
  const ref = (a: any) => (a === null || a === undefined ? a : { id: a.id, slug: a.slug, name: a.name })
  const reorder = (r: any) => ({
    kind: r.kind,
    actor: ref(r.actor),
    source_id: r.source_id,
    statement_id: r.statement_id,
    voice: r.voice,
    asserted_by: ref(r.asserted_by),
    wording: r.wording,
    excerpt: r.excerpt,
    challenge: r.challenge === null || r.challenge === undefined
      ? r.challenge
      : { kind: r.challenge.kind, by: ref(r.challenge.by), source_id: r.challenge.source_id, statement_id: r.challenge.statement_id, excerpt: r.challenge.excerpt },
    notes: r.notes
  })
  const breakdown = (b: any) => ({
    group: b.group, outcome: b.outcome, count: b.count, best: b.best, low: b.low, high: b.high, source_id: b.source_id
  })
  const casualties = (c: any) => ({
    best: c?.best, low: c?.low, high: c?.high, breakdown: sortedJson((c?.breakdown ?? []).map(breakdown))
  })
  const bounds = (f: any) => ({ best: f?.best, low: f?.low, high: f?.high })
  return {
    ...norm(rest),
    killed: casualties(item.killed),
    wounded: casualties(item.wounded),
    perpetrators_killed: bounds(item.perpetrators_killed),
    perpetrators_wounded: bounds(item.perpetrators_wounded),
    responsibility: sortedJson((item.responsibility ?? []).map(reorder)),
    participants: (item.participants ?? []).map((p: any) => ({
      role: p.role,
      actor: ref(p.actor),
      description: p.description,
      count: p.count,
      outcome: p.outcome,
      source_id: p.source_id,
      excerpt: p.excerpt,
      notes: p.notes
    }))
  }
}

const sourceRef = (id: string) => {
  const s = sourceById.get(id)
  if (!s) throw new Error(`dataset: no source ${id}`)
  return { id: s.id, title: s.title ?? null, publisher: s.publisher ?? null, published_on: s.publishedOn ?? null, url: s.url ?? null }
}

/** Each source's own account of an incident: its date window, figures and breakdown (breakdown unordered). */
function expectedReports (incident: string) {
  return incidentReports.filter((r) => r.incidentId === incident).map((r) => ({
    source: sourceRef(r.sourceId),
    occurred_on: r.occurredOn ?? null,
    date_precision: r.datePrecision ?? null,
    date_start: r.dateStart ?? null,
    date_end: r.dateEnd ?? null,
    killed: figures(r.killedBest, r.killedLow, r.killedHigh),
    wounded: figures(r.woundedBest, r.woundedLow, r.woundedHigh),
    perpetrators_killed: figures(r.perpetratorsKilledBest, r.perpetratorsKilledLow, r.perpetratorsKilledHigh),
    perpetrators_wounded: figures(r.perpetratorsWoundedBest, r.perpetratorsWoundedLow, r.perpetratorsWoundedHigh),
    breakdown: sortedJson(breakdownItems(incident, { source: r.sourceId })),
    excerpt: r.excerpt ?? null,
    notes: r.notes ?? null
  })).sort((a, b) => (a.source.id < b.source.id ? -1 : 1))
}
const comparableReports = (reports: any[]) => reports.map((r) => ({ ...r, breakdown: sortedJson(r.breakdown) }))
  .sort((a, b) => (a.source.id < b.source.id ? -1 : 1))

/** Related incidents from both ends; a `response_to` stored on the other incident reads `prompted_response`. */
function expectedRelated (incident: string) {
  const title = (id: string) => incidentById.get(id)?.title
  return sortedJson([
    ...incidentRelations.filter((r) => r.incidentId === incident).map((r) => ({
      incident_id: r.relatedIncidentId, title: title(r.relatedIncidentId), kind: r.kind, source_id: r.sourceId ?? null, notes: r.notes ?? null
    })),
    ...incidentRelations.filter((r) => r.relatedIncidentId === incident).map((r) => ({
      incident_id: r.incidentId,
      title: title(r.incidentId),
      kind: r.kind === 'response_to' ? 'prompted_response' : r.kind,
      source_id: r.sourceId ?? null,
      notes: r.notes ?? null
    }))
  ])
}

function expectedDetailParts (incident: string) {
  return {
    no_claim: sortedJson(noClaimReports.filter((n) => n.incidentId === incident)
      .map((n) => ({ source_id: n.sourceId, as_of: n.asOf, excerpt: n.excerpt ?? null, notes: n.notes ?? null }))),
    follow_ups: incidentFollowUps.filter((f) => f.incidentId === incident).sort((a, b) => a.position - b.position).map((f) => ({
      kind: f.kind,
      actor: actorRef(f.actorId),
      description: f.description,
      count: f.count ?? null,
      source_id: f.sourceId,
      statement_id: f.statementId ?? null,
      excerpt: f.excerpt ?? null
    })),
    related: expectedRelated(incident),
    tally_ids: tallyIncidents.filter((l) => l.incidentId === incident).map((l) => l.tallyId).sort()
  }
}

const comparableDetailParts = (body: any) => ({
  no_claim: sortedJson((body.no_claim ?? []).map((n: any) => ({ source_id: n.source_id, as_of: n.as_of, excerpt: n.excerpt, notes: n.notes }))),
  follow_ups: (body.follow_ups ?? []).map((f: any) => ({
    kind: f.kind,
    actor: f.actor === null ? null : { id: f.actor?.id, slug: f.actor?.slug, name: f.actor?.name },
    description: f.description,
    count: f.count,
    source_id: f.source_id,
    statement_id: f.statement_id,
    excerpt: f.excerpt
  })),
  related: sortedJson((body.related ?? []).map((r: any) => ({
    incident_id: r.incident_id, title: r.title, kind: r.kind, source_id: r.source_id, notes: r.notes
  }))),
  tally_ids: [...(body.tally_ids ?? [])].sort()
})

const kunduzIndex = allIds.indexOf(INC_KUNDUZ_MOSQUE)
const kunduzRow = incidentById.get(INC_KUNDUZ_MOSQUE) as IncidentRow
const anIncidentsCursor = Buffer.from(JSON.stringify(['incidents', kunduzRow.occurredOn, INC_KUNDUZ_MOSQUE])).toString('base64url')

t.test('incident endpoints', async (t) => {
  const { app } = await buildTestApp(t)

  t.test('test data sanity: the dataset exercises what these tests rely on', async (t) => {
    t.ok(incidents.length >= 10, 'enough incidents')
    t.ok(new Set(incidents.map((i) => i.occurredOn)).size < incidents.length, 'some incidents share a date (id tie-break)')
    t.ok(incidents.some((i) => i.district == null) && incidents.some((i) => i.latitude == null), 'some unknowns')
    t.ok(responsibilities.some((r) => r.actorId === actorId('iskp') && r.kind === 'suspected'), 'a suspected row')
    t.ok(incidents.some((i) => i.dateStart !== i.dateEnd), 'some incidents have a window of several days')
    t.ok(incidents.some((i) => i.dateStart === i.dateEnd), 'some incidents have a one-day window')
    t.ok(incidentParticipants.length > 0 && incidentFollowUps.length > 0 && incidentRelations.length > 0 && noClaimReports.length > 0,
      'participants, follow-ups, relations and no-claim reports')
    t.ok(responsibilities.some((r) => r.challengeKind != null), 'a challenged claim')
    t.ok(incidents.some((i) => i.perpetratorsKilledBest != null), 'perpetrator casualties')
    t.ok(casualtyBreakdowns.some((b) => b.high == null) && casualtyBreakdowns.some((b) => b.high != null), 'open and closed breakdown bounds')
    t.equal(kunduzIndex >= 0 && kunduzIndex < allIds.length - 1, true, 'the cursor test resumes before the last incident')
  })

  // -------------------------------------------------------------------------------------------------------------
  t.test('list: envelope, documented order, item shape, null for unknowns', async (t) => {
    const res = await getJson(app, '/v1/incidents?limit=500')
    t.equal(res.status, 200)
    t.match(String(res.headers['content-type']), /^application\/json/)
    t.strictSame(Object.keys(res.body).sort(), ['data', 'next_cursor', 'total'], 'envelope is { data, next_cursor, total }')
    t.equal(res.body.total, null, 'total is null unless include_total=true')
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

    for (const item of res.body.data) {
      t.strictSame(Object.keys(item).sort(), incidentKeys, `${item.id}: exactly the documented properties, none omitted`)
      for (const key of ['killed', 'wounded']) {
        t.strictSame(Object.keys(item[key]).sort(), ['best', 'breakdown', 'high', 'low'], `${item.id}: ${key} shape`)
        for (const b of item[key].breakdown) {
          t.strictSame(Object.keys(b).sort(), breakdownKeys, `${item.id}: ${key} breakdown item shape`)
          t.equal(b.outcome, key, `${item.id}: a ${key} breakdown item has outcome ${key}`)
        }
      }
      for (const key of ['perpetrators_killed', 'perpetrators_wounded']) {
        t.strictSame(Object.keys(item[key]).sort(), ['best', 'high', 'low'], `${item.id}: ${key} shape`)
      }
      for (const r of item.responsibility) {
        t.strictSame(Object.keys(r).sort(), responsibilityKeys, `${item.id}: responsibility shape`)
        t.strictSame(Object.keys(r.actor).sort(), ['id', 'name', 'slug'], `${item.id}: responsibility actor shape`)
        t.equal(r.voice === 'actor', r.asserted_by !== null, `${item.id}: asserted_by is given exactly when the voice is an actor's`)
        if (r.challenge !== null) {
          t.strictSame(Object.keys(r.challenge).sort(), ['by', 'excerpt', 'kind', 'source_id', 'statement_id'], `${item.id}: challenge shape`)
        }
      }
      for (const p of item.participants) t.strictSame(Object.keys(p).sort(), participantKeys, `${item.id}: participant shape`)
      if (item.province !== null) t.strictSame(Object.keys(item.province).sort(), ['code', 'name'], `${item.id}: province shape`)
      t.ok(item.date_start <= item.occurred_on && item.occurred_on <= item.date_end, `${item.id}: occurred_on lies in its window`)
      t.match(item.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, `${item.id}: created_at RFC 3339 UTC`)
      t.match(item.updated_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, `${item.id}: updated_at RFC 3339 UTC`)
      const row = incidentById.get(item.id)
      if (!row) {
        t.fail(`${item.id} is not in the dataset`)
        continue
      }
      t.strictSame(comparableIncident(item), expectedIncident(row), `${item.id}: fields match the dataset`)
    }

    // Unknowns are null, not omitted, not 0 or "" (deliberate facts of the curated record).
    const embassy = res.body.data.find((i: any) => i.id === INC_PAKISTAN_EMBASSY)
    t.strictSame(embassy.killed, { best: null, low: null, high: null, breakdown: [] }, 'unknown killed is null, not 0')
    t.equal(embassy.district, null, 'unknown district is null')
    t.strictSame(embassy.wounded, {
      best: 1,
      low: 1,
      high: 1,
      breakdown: [{ group: 'security_personnel', outcome: 'wounded', count: 1, best: 1, low: 1, high: 1, source_id: SRC_HASHT }]
    }, 'one wounded guard, with the breakdown bounds beside count')
    t.strictSame(embassy.perpetrators_killed, { best: null, low: null, high: null }, 'unknown perpetrator casualties are null')
    const kandahar = res.body.data.find((i: any) => i.id === INC_KANDAHAR_MOSQUE)
    t.strictSame([kandahar.latitude, kandahar.longitude, kandahar.location_precision], [null, null, null],
      'no coordinates: latitude, longitude and location_precision are null')
    const hospital = res.body.data.find((i: any) => i.id === INC_KABUL_HOSPITAL)
    t.strictSame(hospital.killed, { best: null, low: null, high: null, breakdown: [] }, 'unknown casualties: all null, empty breakdown')
    const jalalabad = res.body.data.find((i: any) => i.id === INC_JALALABAD_SEPT)
    t.strictSame(jalalabad.province, { code: 'AF-NAN', name: 'Nangarhar' })
    t.strictSame([jalalabad.killed.low, jalalabad.killed.best, jalalabad.killed.high], [3, 8, 8], 'reconciled killed figures')
    t.equal(jalalabad.wounded.high, null, 'open-ended upper bound is null')
    t.ok(jalalabad.killed.breakdown.some((b: any) => b.high === null && b.count === b.best),
      'an open-ended breakdown figure: high null, count is best')
    const claim = jalalabad.responsibility.find((r: any) => r.kind === 'claimed')
    const claimRow = responsibilities.find((r) => r.incidentId === INC_JALALABAD_SEPT && r.kind === 'claimed')
    t.ok(claimRow?.statementId, 'test data: the Jalalabad claim has a statement')
    t.strictSame(claim?.actor, actorRef(claimRow?.actorId))
    t.equal(claim?.source_id, claimRow?.sourceId)
    t.equal(claim?.statement_id, claimRow?.statementId)
    t.equal(claim?.voice, 'actor', 'a claim is voiced by the claimant')
    t.strictSame(claim?.asserted_by, claim?.actor, 'the claimant asserts its own claim')
    const attributed = jalalabad.responsibility.find((r: any) => r.kind === 'attributed' && r.voice === 'source')
    t.ok(attributed, 'test data: an attribution in the report\'s own voice')
    t.equal(attributed?.statement_id, null, 'a responsibility without a statement has statement_id null')
    t.equal(attributed?.asserted_by, null, 'the report\'s own voice: asserted_by null')
    t.equal(attributed?.challenge, null, 'no challenge is null')
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
    await expectFilter(t, app, '/v1/incidents?province=Kabul,Kabol,AF-KAB', expectIds(inProvinces('AF-KAB')))
    t.equal(expectIds(inProvinces('AF-BAM')).length, 0, 'test data: nothing in Bamyan')
    await expectFilter(t, app, '/v1/incidents?province=Bamyan', [], { allowEmpty: true })
    const { body } = await getJson(app, '/v1/incidents?province=Herat,Kunduz&limit=500')
    t.ok(body.data.length > 0 && body.data.every((i: any) => ['AF-HER', 'AF-KDZ'].includes(i.province.code)), 'every item is in a requested province')
  })

  t.test('filter: start_date and end_date match windows that overlap the range (the default)', async (t) => {
    const ranges: Array<[string | undefined, string | undefined]> = [
      ['2022-11-30', undefined],
      ['2022-12-01', undefined],
      [undefined, '2021-10-01'],
      [undefined, '2021-09-30'],
      ['2021-10-01', '2021-11-02'],
      ['2022-12-02', '2022-12-02'],
      ['2021-10-15', '2021-10-15'],
      ['2021-09-19', '2021-09-19'],
      ['2022-01-01', '2022-06-30']
    ]
    let differsFromPoint = 0
    for (const [start, end] of ranges) {
      const params: Record<string, string> = {}
      if (start) params.start_date = start
      if (end) params.end_date = end
      const expected = expectIds(overlaps(start, end))
      if (expected.join() !== expectIds(occurredIn(start, end)).join()) differsFromPoint++
      await expectFilter(t, app, `/v1/incidents?${qs(params)}`, expected)
      await expectFilter(t, app, `/v1/incidents?${qs({ ...params, date_match: 'overlaps' })}`, expected)
    }
    t.ok(differsFromPoint >= 3, `test data: windows matter (${differsFromPoint} ranges give other results than occurred_on would)`)

    // Boundaries are inclusive, on both ends of the window.
    const monthly = incidents.find((i) => i.datePrecision === 'month' && i.dateStart !== i.dateEnd) as IncidentRow
    t.ok(monthly, 'test data: a month-precision incident with a window')
    for (const [label, params] of [
      ['start_date on the last day of the window', { start_date: monthly.dateEnd }],
      ['end_date on the first day of the window', { end_date: monthly.dateStart }],
      ['a one-day range on the last day', { start_date: monthly.dateEnd, end_date: monthly.dateEnd }]
    ] as Array<[string, Record<string, string>]>) {
      const got = await listIds(t, app, `/v1/incidents?${qs(params)}`)
      t.ok(got.includes(monthly.id), `${label}: ${monthly.id} is found`)
      t.strictSame(got, expectIds(overlaps(params.start_date, params.end_date)), `${label}: exactly the overlapping windows`)
    }
  })

  t.test('filter: date_match=within keeps only windows wholly inside the range', async (t) => {
    const ranges: Array<[string | undefined, string | undefined]> = [
      ['2022-11-30', undefined],
      [undefined, '2021-10-01'],
      ['2021-10-01', '2021-10-31'],
      ['2021-10-01', '2021-11-02'],
      ['2022-12-02', '2022-12-02'],
      ['2021-09-18', '2021-09-19'],
      ['2021-01-01', '2022-12-31']
    ]
    let narrower = 0
    for (const [start, end] of ranges) {
      const params: Record<string, string> = { date_match: 'within' }
      if (start) params.start_date = start
      if (end) params.end_date = end
      const expected = expectIds(within(start, end))
      const overlapping = expectIds(overlaps(start, end))
      t.ok(expected.every((id) => overlapping.includes(id)), `within ${start}..${end} is a subset of overlaps`)
      if (expected.length < overlapping.length) narrower++
      await expectFilter(t, app, `/v1/incidents?${qs(params)}`, expected, { allowEmpty: true, allowAll: true })
    }
    t.ok(narrower >= 3, `test data: within is stricter than overlaps for ${narrower} ranges`)
    // A one-day range: a day-precision incident on that day is within it; a longer window around it is not.
    const dayIncident = incidents.find((i) => i.dateStart === i.dateEnd && incidents.some((o) => o.dateStart < i.dateStart && o.dateEnd >= i.dateStart)) as IncidentRow
    t.ok(dayIncident, 'test data: a one-day incident inside another incident\'s longer window')
    const day = dayIncident.dateStart
    const got = await listIds(t, app, `/v1/incidents?start_date=${day}&end_date=${day}&date_match=within`)
    t.ok(got.includes(dayIncident.id), `${dayIncident.id} is within ${day}..${day}`)
    t.strictSame(got, expectIds(within(day, day)), 'exactly the windows of that one day')
    // date_match alone does not filter.
    await expectFilter(t, app, '/v1/incidents?date_match=within', allIds, { allowAll: true })
  })

  t.test('filter: claimed_by (claims only) by slug, id and alias', async (t) => {
    const iskp = actorId('iskp')
    const claimed = expectIds(claimedBy(iskp))
    await expectFilter(t, app, '/v1/incidents?claimed_by=iskp', claimed)
    await expectFilter(t, app, `/v1/incidents?claimed_by=${iskp}`, claimed)
    await expectFilter(t, app, '/v1/incidents?claimed_by=ISIS-K', claimed)
    // ISKP is only suspected of these two and only attributed the Kaj academy attack: none may come back.
    for (const id of [INC_JALALABAD_NOV, INC_JALALABAD_CHARAN_SINGH, INC_KAJ_ACADEMY]) {
      t.notOk(claimed.includes(id), `test data: ${id} is not claimed by ISKP`)
      t.ok(hasResponsibility(iskp)(incidentById.get(id) as IncidentRow), `test data: ${id} has another responsibility row for ISKP`)
    }
    // The Islamic State's own claims, without its branch's.
    const is = actorId('islamic-state')
    const isClaims = expectIds(claimedBy(is))
    t.ok(isClaims.length > 0, 'test data: IS claims some incidents')
    t.ok(claimed.some((id) => !isClaims.includes(id)), 'test data: ISKP claims incidents IS does not')
    await expectFilter(t, app, '/v1/incidents?claimed_by=islamic-state', isClaims)
    // Asserting or speaking about a claim is not claiming: Mujahid announces Taliban operations.
    const mujahid = actorId('zabihullah-mujahid')
    t.ok(responsibilities.some((r) => r.assertedById === mujahid && r.actorId !== mujahid), 'test data: Mujahid asserts a claim for the Taliban')
    t.equal(expectIds(claimedBy(mujahid)).length, 0, 'test data: Mujahid claims nothing himself')
    await expectFilter(t, app, '/v1/incidents?claimed_by=zabihullah-mujahid', [], { allowEmpty: true })
    await expectFilter(t, app, '/v1/incidents?claimed_by=taliban', expectIds(claimedBy(actorId('taliban'))))
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
    // An attribution voiced by an outlet is still an attribution to the actor, not to the outlet.
    const anadolu = actorId('anadolu-agency')
    t.ok(responsibilities.some((r) => r.assertedById === anadolu), 'test data: Anadolu voices attributions')
    await expectFilter(t, app, '/v1/incidents?attributed_to=anadolu-agency', [], { allowEmpty: true })
  })

  t.test('filter: actor (any role: responsibility, participant, statements)', async (t) => {
    const iskp = actorId('iskp')
    const any = expectIds(anyRole(iskp))
    t.ok(any.includes(INC_JALALABAD_NOV) && any.includes(INC_JALALABAD_CHARAN_SINGH), 'test data: suspected-only incidents count')
    await expectFilter(t, app, '/v1/incidents?actor=iskp', any)
    await expectFilter(t, app, `/v1/incidents?actor=${iskp}`, any)
    for (const slug of ['taliban', 'zabihullah-mujahid', 'united-states', 'pakistan', 'gulbuddin-hekmatyar', 'islamic-state',
      'obaid-ul-rehman-nizamani', 'taliban-al-farooq-corps']) {
      const id = actorId(slug)
      const expected = expectIds(anyRole(id))
      await expectFilter(t, app, `/v1/incidents?actor=${slug}`, expected)
      await expectFilter(t, app, `/v1/incidents?actor=${id}`, expected)
    }
    const pakistan = actorId('pakistan')
    t.ok(expectIds(spokeAbout(pakistan)).length > 0 && expectIds(hasResponsibility(pakistan)).length === 0 &&
      expectIds(tookPart(pakistan)).length === 0, 'test data: Pakistan is linked only by statements')
    t.ok(expectIds(spokeAbout(actorId('united-states'))).includes(INC_AYBAK_MADRASSA),
      'test data: United States via a statement made on its behalf (Rina Amiri)')
    const nizamani = actorId('obaid-ul-rehman-nizamani')
    t.ok(expectIds(tookPart(nizamani)).length > 0 && expectIds(hasResponsibility(nizamani), spokeAbout(nizamani)).length === 0,
      'test data: the ambassador is linked only as a participant')
    t.equal(expectIds(anyRole(actorId('xinhua'))).length, 0, 'test data: Xinhua is linked to no incident')
    await expectFilter(t, app, '/v1/incidents?actor=xinhua', [], { allowEmpty: true })
  })

  t.test('filter: type, one or several (OR)', async (t) => {
    for (const type of incidentTypes) {
      await expectFilter(t, app, `/v1/incidents?type=${type}`, expectIds(ofType(type)), { allowEmpty: true })
    }
    t.ok(incidentTypes.some((type) => expectIds(ofType(type)).length > 0) && incidentTypes.some((type) => expectIds(ofType(type)).length === 0),
      'test data: some types used, some not')
    for (const types of [['bombing', 'suicide_bombing'], ['ied', 'armed_assault', 'raid'], ['security_operation', 'explosion']]) {
      const expected = expectIds(ofType(...types))
      t.ok(types.filter((type) => expectIds(ofType(type)).length > 0).length >= 2, `test data: ${types.join(',')} joins used types`)
      await expectFilter(t, app, `/v1/incidents?type=${types.join(',')}`, expected)
      await expectFilter(t, app, `/v1/incidents?${qs({ type: types.join(' , ') })}`, expected)
    }
    await expectFilter(t, app, '/v1/incidents?type=bombing,bombing', expectIds(ofType('bombing')))
  })

  t.test('filter: q (case-insensitive, title/summary/place/district, wildcards literal)', async (t) => {
    for (const q of ['mosque', 'MOSQUE', 'Jalalabad', 'jalalABAD', 'Injil', 'assassinat']) {
      await expectFilter(t, app, `/v1/incidents?${qs({ q })}`, expectIds(containsText(q)))
    }
    // Each field on its own: a text (one to four words) found only in that field of one incident, searched in upper case.
    const fields = ['title', 'summary', 'place', 'district'] as const
    const hitsOf = (q: string) => incidents.flatMap((i) => fields
      .filter((f) => (i[f] ?? '').toLowerCase().includes(q.toLowerCase())).map((f) => `${i.id}:${f}`))
    const phrases = (text: string) => {
      const words = text.split(/\s+/).filter(Boolean)
      const out: string[] = []
      for (let n = 1; n <= 4; n++) for (let k = 0; k + n <= words.length; k++) out.push(words.slice(k, k + n).join(' '))
      return out.filter((p) => p.length >= 5)
    }
    for (const field of ['title', 'summary', 'place'] as const) {
      let found: { q: string, id: string } | undefined
      for (const i of incidents) {
        found = phrases(i[field] ?? '').filter((p) => hitsOf(p).join() === `${i.id}:${field}`).map((q) => ({ q, id: i.id }))[0]
        if (found) break
      }
      t.ok(found, `test data: a text found only in the ${field} of one incident`)
      if (found) await expectFilter(t, app, `/v1/incidents?${qs({ q: found.q.toUpperCase() })}`, [found.id])
    }
    // A text with punctuation and spaces, as it stands in a place.
    const place = incidents.find((i) => /[(),"-]/.test(i.place ?? '') && expectIds(containsText(i.place as string)).length === 1)
    t.ok(place, 'test data: a place with punctuation')
    if (place) await expectFilter(t, app, `/v1/incidents?${qs({ q: place.place as string })}`, [place.id])
    // The dataset has one district ("Injil"), also in its title: district is matched at least as well as title.
    t.ok(incidents.some((i) => i.district != null), 'test data: a district')
    for (const i of incidents.filter((x) => x.district != null)) {
      await expectFilter(t, app, `/v1/incidents?${qs({ q: i.district as string })}`, expectIds(containsText(i.district as string)))
    }

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
      ['province=Kabul&start_date=2021-10-15&end_date=2022-12-01&attributed_to=iskp',
        [inProvinces('AF-KAB'), overlaps('2021-10-15', '2022-12-01'), attributedTo(iskp)]],
      ['province=Kabul,Nangarhar&claimed_by=iskp', [inProvinces('AF-KAB', 'AF-NAN'), claimedBy(iskp)]],
      ['type=suicide_bombing&attributed_to=islamic-state', [ofType('suicide_bombing'), attributedTo(actorId('islamic-state'))]],
      ['actor=taliban&province=Nangarhar&q=blast', [anyRole(actorId('taliban')), inProvinces('AF-NAN'), containsText('blast')]],
      ['actor=iskp&start_date=2022-01-01&type=armed_assault,ied', [anyRole(iskp), overlaps('2022-01-01'), ofType('armed_assault', 'ied')]],
      ['claimed_by=iskp&attributed_to=islamic-state', [claimedBy(iskp), attributedTo(actorId('islamic-state'))]],
      ['province=Kabul&q=mosque', [inProvinces('AF-KAB'), containsText('mosque')]],
      ['end_date=2021-12-31&q=mosque&type=suicide_bombing', [overlaps(undefined, '2021-12-31'), containsText('mosque'), ofType('suicide_bombing')]],
      ['start_date=2021-10-01&end_date=2021-10-31&date_match=within&province=Kabul',
        [within('2021-10-01', '2021-10-31'), inProvinces('AF-KAB')]],
      ['claimed_by=islamic-state&include_branches=true&province=Kabul', [(i) => claimedBy(actorId('islamic-state'))(i) || claimedBy(iskp)(i), inProvinces('AF-KAB')]]
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
    // Walks with filters, crossing ties on occurred_on (several incidents share a date).
    for (const [url, expected] of [
      ['/v1/incidents?province=Herat,Kabul&limit=2', expectIds(inProvinces('AF-HER', 'AF-KAB'))],
      ['/v1/incidents?actor=iskp&limit=1', expectIds(anyRole(actorId('iskp')))],
      ['/v1/incidents?start_date=2021-10-01&end_date=2022-11-30&limit=2', expectIds(overlaps('2021-10-01', '2022-11-30'))],
      ['/v1/incidents?start_date=2021-10-01&end_date=2022-11-30&date_match=within&limit=2', expectIds(within('2021-10-01', '2022-11-30'))],
      ['/v1/actors/iskp/incidents?limit=2', expectIds(anyRole(actorId('iskp')))],
      [`/v1/sources/${SRC_HASHT}/incidents?limit=3`, expectIds(reportedBy(SRC_HASHT))]
    ] as Array<[string, string[]]>) {
      const { items } = await walkPages(app, url)
      t.strictSame(items.map((i: any) => i.id), expected, `${url}: the walk sees exactly the filtered incidents, in order`)
    }
  })

  t.test('pagination: next_cursor and the Link header', async (t) => {
    const first = await getJson(app, '/v1/incidents?limit=3')
    t.equal(first.body.data.length, 3)
    t.type(first.body.next_cursor, 'string', 'next_cursor is a string when more pages follow')

    const params = { province: 'Kabul,Nangarhar', start_date: '2021-08-01', attributed_to: 'iskp', date_match: 'within', limit: '1' }
    const expected = expectIds(inProvinces('AF-KAB', 'AF-NAN'), within('2021-08-01'), attributedTo(actorId('iskp')))
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
    for (const limit of [1, 4, incidents.length - 1, incidents.length]) {
      const { body } = await getJson(app, `/v1/incidents?limit=${limit}`)
      t.equal(body.data.length, limit, `limit=${limit} returns ${limit}`)
      t.equal(body.next_cursor === null, limit >= incidents.length, `limit=${limit}: next_cursor null only on the last page`)
    }
  })

  // -------------------------------------------------------------------------------------------------------------
  t.test('item: the Jalalabad September 2021 blasts with conflicting accounts', async (t) => {
    const res = await getJson(app, `/v1/incidents/${INC_JALALABAD_SEPT}`)
    t.equal(res.status, 200)
    const item = res.body
    t.equal(item.id, INC_JALALABAD_SEPT)
    t.strictSame(Object.keys(item).sort(), detailKeys, 'item properties')

    const report = (id: string) => item.reports.find((r: any) => r.source.id === id)
    const twin = report(SRC_TWIN_BLASTS)
    const noIsis = report(SRC_NO_ISIS)
    t.ok(twin && noIsis, 'both sources have a report')
    t.strictSame([twin?.killed.best, twin?.wounded.best], [3, 18], 'the twin-blasts article: 3 killed, 18 wounded')
    t.strictSame([noIsis?.killed.best, noIsis?.wounded.best], [8, null], 'the Durden article: 8 killed, no wounded figure')
    t.notSame([twin?.date_precision, twin?.date_end], [noIsis?.date_precision, noIsis?.date_end], 'each source keeps its own date window')
    t.ok(noIsis?.breakdown.length > 0 && twin?.breakdown.length === 0, 'the breakdown stays with the source that gives it')

    t.strictSame(comparableReports(item.reports), expectedReports(INC_JALALABAD_SEPT), 'each source\'s own window, figures and breakdown')
    for (const r of item.reports) {
      t.strictSame(Object.keys(r).sort(), reportKeys, `${r.source.id}: report keys`)
      t.strictSame(Object.keys(r.source).sort(), ['id', 'published_on', 'publisher', 'title', 'url'], `${r.source.id}: source ref keys`)
    }

    const expectedStatements = statementIncidents.filter((l) => l.incidentId === INC_JALALABAD_SEPT).map((l) => l.statementId)
    t.ok(expectedStatements.length > 0, 'test data')
    t.strictSame(item.statements.map((s: any) => s.id).sort(), [...expectedStatements].sort(), 'the statements linked to it')
    for (const s of item.statements) t.ok(s.incident_ids.includes(INC_JALALABAD_SEPT), `${s.id} concerns the incident`)
  })

  t.test('item: every incident matches its list entry, its reports, statements, no-claim reports, follow-ups, relations, tallies', async (t) => {
    const list = await getJson(app, '/v1/incidents?limit=500')
    for (const entry of list.body.data) {
      const { status, body } = await getJson(app, `/v1/incidents/${entry.id}`)
      t.equal(status, 200, entry.id)
      t.strictSame(Object.keys(body).sort(), detailKeys, `${entry.id}: detail keys`)
      const { reports, statements: stms, no_claim: _n, follow_ups: _f, related: _r, tally_ids: _t, ...base } = body
      t.strictSame(base, entry, `${entry.id}: same fields as in the list`)
      t.strictSame(comparableReports(reports), expectedReports(entry.id), `${entry.id}: reports`)
      const published = reports.map((r: any) => r.source.published_on)
      const firstNull = published.indexOf(null)
      const dated = firstNull === -1 ? published : published.slice(0, firstNull)
      t.ok(firstNull === -1 || published.slice(firstNull).every((p: unknown) => p === null), `${entry.id}: undated sources last`)
      t.strictSame(dated, [...dated].sort(), `${entry.id}: reports oldest source first`)
      t.strictSame(stms.map((s: any) => s.id).sort(),
        statementIncidents.filter((l) => l.incidentId === entry.id).map((l) => l.statementId).sort(), `${entry.id}: statements`)
      const said = stms.map((s: any) => s.said_on)
      t.strictSame(said, [...said].sort(), `${entry.id}: statements oldest first`)
      t.strictSame(comparableDetailParts(body), expectedDetailParts(entry.id), `${entry.id}: no_claim, follow_ups, related, tally_ids`)
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

    // Statement windows: a one-day range on the attack's day; overlap keeps week-long windows, within drops them.
    const day = (incidentById.get(id) as IncidentRow).occurredOn
    const overlapping = linked.filter((s) => s.dateStart <= day && s.dateEnd >= day)
    const inside = linked.filter((s) => s.dateStart >= day && s.dateEnd <= day)
    t.ok(inside.length > 0 && inside.length < overlapping.length, 'test data: day and week windows about the attack')
    const onDay = await getJson(app, `/v1/incidents/${id}/statements?start_date=${day}&end_date=${day}&limit=500`)
    t.strictSame(onDay.body.data.map((s: any) => s.id), [...overlapping].sort(byNewest).map((s) => s.id), 'statement windows overlapping the day')
    const withinDay = await getJson(app, `/v1/incidents/${id}/statements?start_date=${day}&end_date=${day}&date_match=within&limit=500`)
    t.strictSame(withinDay.body.data.map((s: any) => s.id), [...inside].sort(byNewest).map((s) => s.id), 'statement windows within the day')

    const walk = await walkPages(app, `/v1/incidents/${id}/statements?limit=2`)
    t.strictSame(walk.items.map((s: any) => s.id), res.body.data.map((s: any) => s.id), 'walk with limit=2 sees the same')

    const silent = allInOrder.find((i) => !statementIncidents.some((l) => l.incidentId === i.id))
    t.ok(silent, 'test data: an incident without statements')
    const none = await getJson(app, `/v1/incidents/${silent?.id}/statements`)
    t.strictSame(none.body, { data: [], next_cursor: null }, 'an incident without statements: empty list')

    expectProblem(t, await getJson(app, '/v1/incidents/inc_does_not_exist/statements'), 404, 'not_found', undefined, 'unknown incident')
  })

  t.test('nested: /v1/actors/{id}/incidents', async (t) => {
    for (const slug of ['iskp', 'taliban', 'islamic-state', 'zabihullah-mujahid', 'gulbuddin-hekmatyar']) {
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
      expectIds(anyRole(iskp), overlaps('2022-01-01'), ofType('ied')))
    await expectFilter(t, app, '/v1/actors/iskp/incidents?start_date=2022-10-01&end_date=2022-10-31&date_match=within',
      expectIds(anyRole(iskp), within('2022-10-01', '2022-10-31')), { allowEmpty: true })
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
    const anadolu = expectIds(reportedBy(SRC_ANADOLU))
    t.ok(anadolu.includes(INC_KUNDUZ_MOSQUE) && anadolu.includes(INC_KANDAHAR_MOSQUE), 'test data: Anadolu reports Kunduz and Kandahar')
    await expectFilter(t, app, `/v1/sources/${SRC_HASHT}/incidents?province=Herat`, expectIds(reportedBy(SRC_HASHT), inProvinces('AF-HER')))
    await expectFilter(t, app, `/v1/sources/${SRC_HASHT}/incidents?claimed_by=iskp&start_date=2022-12-01`,
      expectIds(reportedBy(SRC_HASHT), claimedBy(actorId('iskp')), overlaps('2022-12-01')))
    await expectFilter(t, app, `/v1/sources/${SRC_HASHT}/incidents?type=armed_assault,assassination_attempt`,
      expectIds(reportedBy(SRC_HASHT), ofType('armed_assault', 'assassination_attempt')))
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
      ['/v1/incidents?start_date=2022-01-01&end_date=2021-01-01&date_match=within', 'start_date'],
      ['/v1/incidents?date_match=inside', 'date_match'],
      ['/v1/incidents?date_match=WITHIN', 'date_match'],
      ['/v1/incidents?date_match=', 'date_match'],
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
      ['/v1/incidents?claimed_by=no-such-actor&include_branches=true', 'claimed_by'],
      ['/v1/incidents?include_branches=maybe', 'include_branches'],
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
      ['/v1/incidents?type=bombing,nope', 'type'],
      ['/v1/incidents?type=bombing,', 'type'],
      ['/v1/incidents?type=,', 'type'],
      [`/v1/incidents?q=${'x'.repeat(201)}`, 'q'],
      ['/v1/incidents?q=%00', 'q'],
      [`/v1/incidents/${INC_JALALABAD_SEPT}?limit=1`, 'limit'],
      [`/v1/incidents/${INC_PAKISTAN_EMBASSY}/statements?kind=nope`, 'kind'],
      [`/v1/incidents/${INC_PAKISTAN_EMBASSY}/statements?start_date=2022-12-31&end_date=2022-01-01`, 'start_date'],
      [`/v1/incidents/${INC_PAKISTAN_EMBASSY}/statements?date_match=inside`, 'date_match'],
      [`/v1/incidents/${INC_PAKISTAN_EMBASSY}/statements?cursor=${incidentsCursor}`, 'cursor'],
      ['/v1/actors/iskp/incidents?start_date=2022-01-01&end_date=2021-01-01', 'start_date'],
      ['/v1/actors/iskp/incidents?province=Atlantis', 'province'],
      ['/v1/actors/iskp/incidents?claimed_by=no-such-actor', 'claimed_by'],
      ['/v1/actors/iskp/incidents?actor=taliban', 'actor'],
      ['/v1/actors/iskp/incidents?type=nope', 'type'],
      [`/v1/actors/iskp/incidents?cursor=${actorsCursor}`, 'cursor'],
      ['/v1/actors/iskp/incidents?limit=0', 'limit'],
      [`/v1/sources/${SRC_HASHT}/incidents?end_date=2021-02-30`, 'end_date'],
      [`/v1/sources/${SRC_HASHT}/incidents?attributed_to=no-such-actor`, 'attributed_to'],
      [`/v1/sources/${SRC_HASHT}/incidents?cursor=garbage`, 'cursor'],
      [`/v1/sources/${SRC_HASHT}/incidents?foo=bar`, 'foo']
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
      ['/v1/incidents?start_date=0000-01-01&date_match=within', 'start_date'],
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
    t.strictSame(ok.body.data?.map((i: any) => i.id), allIds.slice(kunduzIndex + 1),
      'a cursor resumes strictly after its (occurred_on, id)')
  })

  t.test('responses are never 5xx on odd input', async (t) => {
    const urls = [
      '/v1/incidents?q=%27', '/v1/incidents?q=%22', '/v1/incidents?q=%5C', '/v1/incidents?q=%5C%25', '/v1/incidents?q=%E2%80%99',
      '/v1/incidents?q=%F0%9F%92%A3', '/v1/incidents?q=%25%25%25', '/v1/incidents?q=a%27%3B%20drop%20table%20incidents%3B--',
      '/v1/incidents?province=%27', '/v1/incidents?province=Kabul%00', '/v1/incidents?claimed_by=%27%20or%201%3D1--',
      '/v1/incidents?actor=ISKP', '/v1/incidents?actor=%25', '/v1/incidents?actor=%20isis-k%20', '/v1/incidents?claimed_by=%27&include_branches=true',
      '/v1/incidents?start_date=9999-12-31', '/v1/incidents?end_date=1900-01-01', '/v1/incidents?end_date=0001-01-01&date_match=within',
      '/v1/incidents?limit=99999999999999999999', '/v1/incidents?limit=1e2', '/v1/incidents?cursor=' + 'A'.repeat(600),
      `/v1/incidents?cursor=${Buffer.from('["incidents","2021-10-01","' + 'x'.repeat(300) + '"]').toString('base64url')}`,
      `/v1/incidents?cursor=${Buffer.from('{"a":1}').toString('base64url')}`, `/v1/incidents?cursor=${Buffer.from('null').toString('base64url')}`,
      '/v1/incidents/%00', '/v1/incidents/%27', '/v1/incidents/%25/statements',
      '/v1/actors/%27/incidents', '/v1/actors/%25/incidents?include_branches=true', '/v1/sources/%25/incidents', '/v1/incidents?type=',
      '/v1/incidents?type=bombing,,ied', '/v1/incidents?province=Kabul&province=Herat', '/v1/incidents?type=bombing&type=ied',
      '/v1/incidents?limit=1&limit=2', '/v1/incidents?start_date[]=2021-01-01', '/v1/incidents?q',
      '/v1/incidents?date_match=within&date_match=overlaps'
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
