/**
 * The catalog endpoints (actors, statements, sources, provinces), error bodies and configuration, asserted row by
 * row against the curated dataset (the record files in src/seed/data, read with readDataset()): every filter is
 * proven by the exact set of ids it returns; statement date filters match date windows (overlap, or `within`).
 */
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.ts'
import { ConfigError, defaults, loadConfig } from '../../src/config.ts'
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts'
import { provinces as provinceList } from '../../src/domain/provinces.ts'
import { dataset, idMatching, actorById, actorRef } from '../dataset.ts'
import type { ActorRow, SourceRow, StatementRow } from '../../src/seed/types.ts'
import { buildTestApp, createTestDatabase, getJson, walkPages } from '../helper.ts'

// ---------------------------------------------------------------------------------------------------------------
// Expected views, computed from the dataset rows
// ---------------------------------------------------------------------------------------------------------------

const { actors, actorEstimates, incidents, sourceCitations, sources, statementIncidents, statementSources, statements } = dataset

const sourceId = (pattern: RegExp) => idMatching(sources, 'source', pattern)
const INC_AYBAK_MADRASSA = idMatching(incidents, 'incident', /aybak/)
const INC_KABUL_HOSPITAL = idMatching(incidents, 'incident', /military_hospital/)
/** "Taliban Say No ISIS, Al-Qaeda In Country" (2021-09-21, by Tyler Durden). */
const SRC_NO_ISIS = sourceId(/taliban_say_no_isis/)
/** "Islamic State targeting Taliban leaders" (2021-09-24). */
const SRC_TARGETING = sourceId(/targeting_taliban_leaders/)
const SRC_ANADOLU = sourceId(/anadolu/)
/** The 2021-11-02 report on the Kabul military hospital explosions: the report that cites Anadolu Agency. */
const SRC_HOSPITAL = idMatching(sources.filter((s) => sourceCitations.some((c) => c.sourceId === s.id && c.citedSourceId === SRC_ANADOLU)),
  'source citing Anadolu', /hospital/)
/** "Twin blasts rock Jalalabad" (2021-11-07). */
const SRC_TWIN_BLASTS = sourceId(/twin_blasts_rock_jalalabad/)
/** The Hasht-e Subh article of 2022-12-05. */
const SRC_HASHT = sourceId(/hasht_e_subh/)
const SRC_PAKISTAN_MOFA = sourceId(/pakistan_mofa/)
const SRC_UNAMA = sourceId(/unama/)

const rfc3339Utc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

const sourceById = new Map(sources.map((s) => [s.id, s]))


function sourceRef (id: string) {
  const s = sourceById.get(id)
  if (!s) throw new Error(`dataset: no source ${id}`)
  return { id: s.id, title: s.title ?? null, publisher: s.publisher ?? null, published_on: s.publishedOn ?? null, url: s.url ?? null }
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const bySourceId = <T extends { source: { id: string } }>(a: T, b: T) => byId(a.source, b.source)

function expectedActor (a: ActorRow) {
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    aliases: a.aliases ?? [],
    kind: a.kind,
    parent: actorRef(a.parentId),
    description: a.description ?? null,
    // Oldest first (documented); ties in dataset order, which is the id order.
    estimates: actorEstimates.filter((e) => e.actorId === a.id)
      .sort((x, y) => (x.asOf !== y.asOf ? (x.asOf < y.asOf ? -1 : 1) : x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .map((e) => ({
        measure: e.measure,
        best: e.best ?? null,
        low: e.low ?? null,
        high: e.high ?? null,
        as_of: e.asOf,
        date_precision: e.datePrecision,
        source_id: e.sourceId,
        statement_id: e.statementId ?? null,
        excerpt: e.excerpt ?? null,
        notes: e.notes ?? null
      }))
  }
}

function expectedStatement (s: StatementRow) {
  return {
    id: s.id,
    speaker: actorRef(s.speakerId),
    on_behalf_of: actorRef(s.onBehalfOfId),
    said_on: s.saidOn,
    date_precision: s.datePrecision,
    date_start: s.dateStart,
    date_end: s.dateEnd,
    kind: s.kind,
    text: s.text,
    text_kind: s.textKind,
    notes: s.notes ?? null,
    incident_ids: statementIncidents.filter((l) => l.statementId === s.id).map((l) => l.incidentId).sort(),
    sources: statementSources.filter((l) => l.statementId === s.id).map((l) => sourceRef(l.sourceId)).sort(byId)
  }
}

function expectedSource (s: SourceRow) {
  return {
    id: s.id,
    title: s.title ?? null,
    publisher: s.publisher ?? null,
    author: s.author ?? null,
    published_on: s.publishedOn ?? null,
    date_precision: s.publishedOnPrecision ?? null,
    url: s.url ?? null,
    language: s.language ?? null,
    kind: s.kind,
    notes: s.notes ?? null,
    cites: sourceCitations.filter((c) => c.sourceId === s.id)
      .map((c) => ({ source: sourceRef(c.citedSourceId), context: c.context ?? null })).sort(bySourceId),
    cited_by: sourceCitations.filter((c) => c.citedSourceId === s.id)
      .map((c) => ({ source: sourceRef(c.sourceId), context: c.context ?? null })).sort(bySourceId)
  }
}

/** Drops the timestamps (checked separately) and puts embedded lists whose order is not documented in id order. */
function normalize (item: any) {
  const { created_at: _c, updated_at: _u, version: _v, ...rest } = item
  if (Array.isArray(rest.sources)) rest.sources = [...rest.sources].sort(byId)
  if (Array.isArray(rest.cites)) rest.cites = [...rest.cites].sort(bySourceId)
  if (Array.isArray(rest.cited_by)) rest.cited_by = [...rest.cited_by].sort(bySourceId)
  return rest
}

/** Documented statement order: newest said_on first, then id descending. */
function statementOrder (a: StatementRow, b: StatementRow) {
  if (a.saidOn !== b.saidOn) return a.saidOn < b.saidOn ? 1 : -1
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}
const expectStatementIds = (rows: StatementRow[]) => [...rows].sort(statementOrder).map((s) => s.id)

/** Documented source order: newest published_on first, unknown dates last, then id descending. */
function sourceOrder (a: SourceRow, b: SourceRow) {
  const da = a.publishedOn ?? null
  const db = b.publishedOn ?? null
  if (da !== db) {
    if (da === null) return 1
    if (db === null) return -1
    return da < db ? 1 : -1
  }
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}
const expectSourceIds = (rows: SourceRow[]) => [...rows].sort(sourceOrder).map((s) => s.id)

/** What `ilike '%q%'` matches: a literal, case-insensitive substring. */
const contains = (value: string | null | undefined, q: string) => value != null && value.toLowerCase().includes(q.toLowerCase())
const actorMatches = (a: ActorRow, q: string) =>
  contains(a.name, q) || contains(a.slug, q) || (a.aliases ?? []).some((alias) => contains(alias, q))

const expectActorSlugs = (rows: ActorRow[]) => rows.map((a) => a.slug).sort()

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id)
const slugs = (items: Array<{ slug: string }>) => items.map((i) => i.slug)

const onBehalfOrSpeaker = (actorId: string) => (s: StatementRow) => s.speakerId === actorId || s.onBehalfOfId === actorId
/** The default statement date match: the window date_start..date_end overlaps the asked range. */
const overlaps = (start?: string, end?: string) => (s: StatementRow) =>
  (start === undefined || s.dateEnd >= start) && (end === undefined || s.dateStart <= end)
/** date_match=within: the whole window lies in the range. */
const within = (start?: string, end?: string) => (s: StatementRow) =>
  (start === undefined || s.dateStart >= start) && (end === undefined || s.dateEnd <= end)
/** The old point semantics, to show that windows change the answer. */
const saidIn = (start?: string, end?: string) => (s: StatementRow) =>
  (start === undefined || s.saidOn >= start) && (end === undefined || s.saidOn <= end)

const problemKeys = ['code', 'detail', 'instance', 'request_id', 'status', 'title', 'type']

// ---------------------------------------------------------------------------------------------------------------

t.test('catalog endpoints over the curated dataset', async (t) => {
  const { app } = await buildTestApp(t)

  /** A full walk of a list with a small page size; fails when a page is not 200. */
  const walk = async (url: string) => (await walkPages(app, url)).items as any[]

  /** Asserts an RFC 9457 problem response and returns its body. */
  async function expectProblem (t: Test, url: string, status: number, code: string, names?: string[]) {
    const res = await getJson(app, url)
    t.equal(res.status, status, `${url} -> ${status}`)
    t.match(String(res.headers['content-type']), /^application\/problem\+json/, `${url} is problem+json`)
    const body = res.body as Record<string, any>
    for (const key of problemKeys) t.ok(key in body, `${url}: problem has "${key}"`)
    t.equal(body.status, status, `${url}: body status`)
    t.equal(body.code, code, `${url}: code`)
    t.equal(body.type, `/problems/${code}`, `${url}: type`)
    t.equal(body.instance, url, `${url}: instance is the request`)
    t.type(body.title, 'string')
    t.type(body.detail, 'string')
    if (names) {
      t.ok(Array.isArray(body.errors), `${url}: errors[] present`)
      t.same((body.errors as Array<{ name: string }>).map((e) => e.name).sort(), [...names].sort(), `${url}: errors[].name`)
      for (const e of body.errors as Array<{ in: string, message: string }>) {
        t.equal(e.in, 'query', `${url}: errors[].in`)
        t.ok(e.message.length > 0, `${url}: errors[].message is not empty`)
      }
    }
    return body
  }

  // ============================================ actors =========================================================

  t.test('actors: the list is every actor, ordered by slug, with the documented shape', async (t) => {
    const { status, body } = await getJson(app, '/v1/actors?limit=500')
    t.equal(status, 200)
    t.equal(body.next_cursor, null, 'one page holds all actors')
    t.same(slugs(body.data), actors.map((a) => a.slug).sort(), 'every actor once, by slug ascending')
    for (const item of body.data) {
      const row = actorById.get(item.id)
      if (!row) { t.fail(`unexpected actor ${item.id}`); continue }
      t.same(Object.keys(item).sort(),
        ['aliases', 'created_at', 'description', 'estimates', 'id', 'kind', 'name', 'parent', 'slug', 'updated_at', 'version'], `${item.id}: keys`)
      t.strictSame(normalize(item), expectedActor(row), `${item.slug} matches the dataset`)
      t.match(item.created_at, rfc3339Utc, `${item.slug}: created_at is RFC 3339 UTC`)
      t.match(item.updated_at, rfc3339Utc, `${item.slug}: updated_at is RFC 3339 UTC`)
    }
    const byDefault = await getJson(app, '/v1/actors')
    t.equal(byDefault.body.data.length, Math.min(50, actors.length), 'default limit is 50')
  })

  t.test('actors: q matches name, slug and aliases, case-insensitively and literally', async (t) => {
    const cases: Array<[string, string[] | null]> = [
      ['isis-k', ['iskp']], // alias ISIS-K
      ['ISIS-K', ['iskp']],
      ['Daesh', ['iskp', 'islamic-state']], // alias of both
      ['daesh', ['iskp', 'islamic-state']],
      ['mujahid', ['zabihullah-mujahid']], // name, slug and alias
      ['zabihullah-mujahid', ['zabihullah-mujahid']], // slug only (name has a space)
      ['centcom', ['us-central-command']], // alias only
      ['Khorasan', null],
      ['%', []], // LIKE wildcards are literal
      ['_', []]
    ]
    for (const [q, hardcoded] of cases) {
      const expected = expectActorSlugs(actors.filter((a) => actorMatches(a, q)))
      if (hardcoded) t.same(expected, hardcoded, `dataset sanity for q=${q}`)
      const { status, body } = await getJson(app, `/v1/actors?q=${encodeURIComponent(q)}&limit=500`)
      t.equal(status, 200, `q=${q}`)
      t.same(slugs(body.data), expected, `q=${q} returns exactly ${expected.join(', ') || 'nothing'}`)
    }
  })

  t.test('actors: kind filters, alone and with q', async (t) => {
    for (const kind of ['person', 'armed_group', 'media_outlet', 'government_body']) {
      const expected = expectActorSlugs(actors.filter((a) => a.kind === kind))
      t.ok(expected.length > 0 && expected.length < actors.length, `dataset has some ${kind}`)
      const { body } = await getJson(app, `/v1/actors?kind=${kind}&limit=500`)
      t.same(slugs(body.data), expected, `kind=${kind}`)
    }
    const combos: Array<[string, string, string[]]> = [
      ['islamic', 'armed_group', ['iskp', 'islamic-state']],
      ['daesh', 'person', []],
      ['taliban', 'government_body', ['taliban-al-farooq-corps', 'taliban-nangarhar-information-and-culture']]
    ]
    for (const [q, kind, hardcoded] of combos) {
      const expected = expectActorSlugs(actors.filter((a) => a.kind === kind && actorMatches(a, q)))
      t.same(expected, hardcoded, `dataset sanity for q=${q}&kind=${kind}`)
      const { body } = await getJson(app, `/v1/actors?q=${q}&kind=${kind}&limit=500`)
      t.same(slugs(body.data), expected, `q=${q}&kind=${kind}`)
    }
    await expectProblem(t, '/v1/actors?kind=warlord', 400, 'invalid_parameter', ['kind'])
    await expectProblem(t, '/v1/actors?name=taliban', 400, 'invalid_parameter', ['name'])
  })

  t.test('actors: one actor by id, slug or alias (any case), with its parent and estimates', async (t) => {
    const byIdRes = await getJson(app, '/v1/actors/act_zabihullah_mujahid')
    const bySlug = await getJson(app, '/v1/actors/zabihullah-mujahid')
    const upper = await getJson(app, '/v1/actors/Zabihullah-MUJAHID')
    t.equal(byIdRes.status, 200)
    t.equal(bySlug.status, 200)
    t.equal(upper.status, 200, 'slugs are case-insensitive')
    t.strictSame(bySlug.body, byIdRes.body, 'same body by id and by slug')
    t.strictSame(upper.body, byIdRes.body, 'same body for an upper-case slug')
    t.strictSame(normalize(byIdRes.body), expectedActor(actorById.get('act_zabihullah_mujahid') as ActorRow))
    t.strictSame(byIdRes.body.parent, { id: 'act_taliban', slug: 'taliban', name: 'Taliban' }, 'Mujahid belongs to the Taliban')
    for (const alias of ['Mujahid', 'mujahid', 'ZABIULLAH%20MUJAHID']) {
      const res = await getJson(app, `/v1/actors/${alias}`)
      t.equal(res.status, 200, `alias ${alias}`)
      t.strictSame(res.body, byIdRes.body, `alias ${alias}: the same actor`)
    }

    const iskp = await getJson(app, '/v1/actors/iskp')
    t.strictSame(iskp.body.parent, { id: 'act_islamic_state', slug: 'islamic-state', name: 'Islamic State' }, 'ISKP is a branch of IS')
    t.strictSame(normalize(iskp.body), expectedActor(actorById.get('act_iskp') as ActorRow))
    const taliban = await getJson(app, '/v1/actors/taliban')
    t.equal(taliban.body.parent, null, 'no parent is null')
    t.strictSame(normalize(taliban.body), expectedActor(actorById.get('act_taliban') as ActorRow), 'the Taliban with their estimates')
    const withEstimates = actors.filter((a) => actorEstimates.some((e) => e.actorId === a.id))
    t.ok(withEstimates.length > 0 && withEstimates.length < actors.length, 'dataset sanity: some actors have estimates, some not')
    for (const a of withEstimates) {
      const res = await getJson(app, `/v1/actors/${a.slug}`)
      t.strictSame(normalize(res.body), expectedActor(a), `${a.slug}: estimates oldest first, as the dataset gives them`)
    }
    t.same(byIdRes.body.estimates, [], 'no estimate is an empty list')

    await expectProblem(t, '/v1/actors/nobody', 404, 'not_found')
    await expectProblem(t, '/v1/actors/ACT_TALIBAN', 404, 'not_found')
    await expectProblem(t, '/v1/actors/taliban?x=1', 400, 'invalid_parameter', ['x'])
  })

  t.test('actors: walking pages of 3 gives the same rows as one page of 500', async (t) => {
    const one = await getJson(app, '/v1/actors?limit=500')
    const { items, pages } = await walkPages(app, '/v1/actors?limit=3')
    t.equal(pages, Math.ceil(actors.length / 3), 'the expected number of pages')
    t.strictSame(items, one.body.data, 'same rows, same order, each once')
    const first = await getJson(app, '/v1/actors?kind=person&limit=3')
    t.match(String(first.headers.link), /^<[^>]*cursor=[^>]+>; rel="next"$/, 'Link header to the next page')
    const link = new URL(/^<([^>]+)>/.exec(String(first.headers.link))?.[1] ?? 'http://x/')
    t.equal(link.searchParams.get('kind'), 'person', 'the Link keeps the filters')
    t.equal(link.searchParams.get('cursor'), first.body.next_cursor, 'and carries next_cursor')
    const second = await getJson(app, link.pathname + link.search)
    t.same(slugs(second.body.data), expectActorSlugs(actors.filter((a) => a.kind === 'person')).slice(3, 6), 'following the Link gives page 2')
    const last = await getJson(app, `/v1/actors?limit=${actors.length}`)
    t.equal(last.body.next_cursor, null, 'an exactly full last page has no next_cursor')
    t.equal(last.headers.link, undefined, 'and no Link header')
    const qWalk = await walkPages(app, '/v1/actors?q=taliban&limit=2')
    t.same(slugs(qWalk.items), expectActorSlugs(actors.filter((a) => actorMatches(a, 'taliban'))), 'a q walk')
    const filtered = await walkPages(app, '/v1/actors?kind=person&limit=2')
    t.same(slugs(filtered.items), expectActorSlugs(actors.filter((a) => a.kind === 'person')), 'a filtered walk')
    await expectProblem(t, '/v1/actors?cursor=bm9wZQ', 400, 'invalid_parameter', ['cursor'])
  })

  t.test('actors/{id}/statements: the actor as speaker or on behalf of, newest first', async (t) => {
    const taliban = expectStatementIds(statements.filter(onBehalfOrSpeaker('act_taliban')))
    t.ok(statements.some((s) => s.speakerId === 'act_zabihullah_mujahid' && s.onBehalfOfId === 'act_taliban'),
      'dataset sanity: Mujahid speaks for the Taliban')
    const walked = await walk('/v1/actors/taliban/statements?limit=4')
    t.same(ids(walked), taliban, 'every Taliban statement, including those made on its behalf, in order')
    t.ok(walked.some((s) => s.speaker.slug === 'zabihullah-mujahid'), 'includes Mujahid\'s statements')
    for (const item of walked) {
      t.strictSame(normalize(item), expectedStatement(statements.find((s) => s.id === item.id) as StatementRow), `${item.id} matches the dataset`)
    }
    const byActorId = await getJson(app, '/v1/actors/act_taliban/statements?limit=500')
    t.same(ids(byActorId.body.data), taliban, 'by id as by slug')
    const byAlias = await getJson(app, '/v1/actors/Islamic%20Emirate/statements?limit=500')
    t.same(ids(byAlias.body.data), taliban, 'by alias as by slug')

    const mujahid = await getJson(app, '/v1/actors/zabihullah-mujahid/statements?limit=500')
    t.same(ids(mujahid.body.data), expectStatementIds(statements.filter(onBehalfOrSpeaker('act_zabihullah_mujahid'))),
      'a spokesman: his own statements only')
    const iskp = await getJson(app, '/v1/actors/iskp/statements?limit=500')
    t.same(ids(iskp.body.data), expectStatementIds(statements.filter(onBehalfOrSpeaker('act_iskp'))), 'ISKP')

    const denials = await getJson(app, '/v1/actors/taliban/statements?kind=denial&limit=500')
    const expectedDenials = expectStatementIds(statements.filter((s) => onBehalfOrSpeaker('act_taliban')(s) && s.kind === 'denial'))
    t.ok(expectedDenials.length > 1 && expectedDenials.length < taliban.length, 'dataset sanity: some denials')
    t.same(ids(denials.body.data), expectedDenials, 'kind=denial')

    const talibanRows = statements.filter(onBehalfOrSpeaker('act_taliban'))
    const dated = await getJson(app, '/v1/actors/taliban/statements?start_date=2021-09-24&end_date=2022-09-28&limit=500')
    const expectedDated = expectStatementIds(talibanRows.filter(overlaps('2021-09-24', '2022-09-28')))
    t.ok(expectedDated.length > 0 && expectedDated.length < taliban.length, 'dataset sanity: a date window')
    t.same(ids(dated.body.data), expectedDated, 'start_date and end_date: windows overlapping the range, inclusive')
    t.ok(dated.body.data.some((s: any) => s.date_end === '2021-09-24') && dated.body.data.some((s: any) => s.date_start === '2022-09-28'),
      'both bounds are included: a window ending on start_date, one starting on end_date')
    const datedWithin = await getJson(app, '/v1/actors/taliban/statements?start_date=2021-09-24&end_date=2022-09-28&date_match=within&limit=500')
    const expectedWithin = expectStatementIds(talibanRows.filter(within('2021-09-24', '2022-09-28')))
    t.ok(expectedWithin.length > 0 && expectedWithin.length < expectedDated.length, 'dataset sanity: within is stricter')
    t.same(ids(datedWithin.body.data), expectedWithin, 'date_match=within: windows wholly inside the range')

    const q = await getJson(app, '/v1/actors/taliban/statements?q=AL%20QAEDA&limit=500')
    const expectedQ = expectStatementIds(statements.filter((s) => onBehalfOrSpeaker('act_taliban')(s) && contains(s.text, 'al qaeda')))
    t.ok(expectedQ.length > 0, 'dataset sanity: Taliban statements about al Qaeda')
    t.same(ids(q.body.data), expectedQ, 'q (case-insensitive)')

    await expectProblem(t, '/v1/actors/nobody/statements', 404, 'not_found')
    await expectProblem(t, '/v1/actors/taliban/statements?speaker=iskp', 400, 'invalid_parameter', ['speaker'])
    await expectProblem(t, '/v1/actors/taliban/statements?start_date=2022-02-01&end_date=2022-01-01', 400, 'invalid_parameter', ['start_date'])
  })

  // ============================================ statements =====================================================

  t.test('statements: the whole walk is ordered by said_on desc, id desc, with the documented shape', async (t) => {
    const walked = await walk('/v1/statements?limit=7')
    t.same(ids(walked), expectStatementIds(statements), 'every statement once, in the documented order')
    for (const item of walked) {
      const row = statements.find((s) => s.id === item.id)
      if (!row) { t.fail(`unexpected statement ${item.id}`); continue }
      t.same(Object.keys(item).sort(), ['created_at', 'date_end', 'date_precision', 'date_start', 'id', 'incident_ids', 'kind', 'notes',
        'on_behalf_of', 'said_on', 'sources', 'speaker', 'text', 'text_kind', 'updated_at', 'version'], `${item.id}: keys`)
      t.ok(item.date_start <= item.said_on && item.said_on <= item.date_end, `${item.id}: said_on lies in its window`)
      t.strictSame(normalize(item), expectedStatement(row), `${item.id} matches the dataset`)
      t.match(item.created_at, rfc3339Utc, `${item.id}: created_at is RFC 3339 UTC`)
      t.match(item.updated_at, rfc3339Utc, `${item.id}: updated_at is RFC 3339 UTC`)
    }
    const single = await getJson(app, '/v1/statements?limit=500')
    t.strictSame(single.body.data, walked, 'one big page equals the walk')
  })

  t.test('statements: every filter returns exactly the matching rows', async (t) => {
    const mujahid = statements.filter((s) => s.speakerId === 'act_zabihullah_mujahid')
    const cases: Array<[string, StatementRow[]]> = [
      ['speaker=zabihullah-mujahid', mujahid],
      ['speaker=act_zabihullah_mujahid', mujahid],
      ['speaker=Zabihullah-Mujahid', mujahid],
      ['speaker=taliban', statements.filter((s) => s.speakerId === 'act_taliban')],
      ['actor=taliban', statements.filter(onBehalfOrSpeaker('act_taliban'))],
      ['actor=act_united_states', statements.filter(onBehalfOrSpeaker('act_united_states'))],
      [`incident=${INC_AYBAK_MADRASSA}`, statements.filter((s) =>
        statementIncidents.some((l) => l.statementId === s.id && l.incidentId === INC_AYBAK_MADRASSA))],
      [`incident=${INC_KABUL_HOSPITAL}`, statements.filter((s) =>
        statementIncidents.some((l) => l.statementId === s.id && l.incidentId === INC_KABUL_HOSPITAL))],
      ['kind=claim_of_responsibility', statements.filter((s) => s.kind === 'claim_of_responsibility')],
      ['kind=pledge', statements.filter((s) => s.kind === 'pledge')],
      ['start_date=2022-12-03', statements.filter(overlaps('2022-12-03'))],
      ['end_date=2021-09-21', statements.filter(overlaps(undefined, '2021-09-21'))],
      ['start_date=2022-11-30&end_date=2022-12-02', statements.filter(overlaps('2022-11-30', '2022-12-02'))],
      ['start_date=2022-12-02&end_date=2022-12-02', statements.filter(overlaps('2022-12-02', '2022-12-02'))],
      ['start_date=2022-08-15&end_date=2022-08-15', statements.filter(overlaps('2022-08-15', '2022-08-15'))],
      ['start_date=2022-12-03&date_match=overlaps', statements.filter(overlaps('2022-12-03'))],
      ['start_date=2022-12-03&date_match=within', statements.filter(within('2022-12-03'))],
      ['end_date=2021-09-21&date_match=within', statements.filter(within(undefined, '2021-09-21'))],
      ['start_date=2022-11-30&end_date=2022-12-05&date_match=within', statements.filter(within('2022-11-30', '2022-12-05'))],
      ['start_date=2022-12-02&end_date=2022-12-02&date_match=within', statements.filter(within('2022-12-02', '2022-12-02'))],
      ['start_date=2022-08-15&end_date=2022-08-15&date_match=within', []],
      ['date_match=within', statements],
      ['q=al%20Qaeda', statements.filter((s) => contains(s.text, 'al Qaeda'))],
      ['q=BARBARIC', statements.filter((s) => contains(s.text, 'barbaric'))],
      ['q=100%25', statements.filter((s) => contains(s.text, '100%'))],
      // combinations (AND)
      ['actor=taliban&start_date=2022-01-01', statements.filter((s) => onBehalfOrSpeaker('act_taliban')(s) && overlaps('2022-01-01')(s))],
      ['actor=taliban&start_date=2022-01-01&date_match=within', statements.filter((s) => onBehalfOrSpeaker('act_taliban')(s) && within('2022-01-01')(s))],
      [`incident=${INC_AYBAK_MADRASSA}&kind=condemnation`, statements.filter((s) => s.kind === 'condemnation' &&
        statementIncidents.some((l) => l.statementId === s.id && l.incidentId === INC_AYBAK_MADRASSA))],
      ['speaker=zabihullah-mujahid&kind=denial&end_date=2021-12-31', mujahid.filter((s) => s.kind === 'denial' && overlaps(undefined, '2021-12-31')(s))],
      ['speaker=Mujahid', mujahid], // an alias
      ['actor=ISLAMIC%20EMIRATE', statements.filter(onBehalfOrSpeaker('act_taliban'))], // an alias, any case
      ['actor=taliban&speaker=zabihullah-mujahid', mujahid],
      ['actor=iskp&kind=denial', []],
      ['speaker=iskp&q=embassy', statements.filter((s) => s.speakerId === 'act_iskp' && contains(s.text, 'embassy'))]
    ]
    for (const [query, rows] of cases) {
      const expected = expectStatementIds(rows)
      const walked = await walk(`/v1/statements?${query}&limit=3`)
      t.same(ids(walked), expected, `${query}: exactly ${expected.length} statement(s), in order`)
    }
    // the filters really narrow: each non-empty case above is a strict subset
    t.ok(mujahid.length > 0 && mujahid.length < statements.length, 'dataset sanity: speaker narrows')
    t.ok(statements.filter((s) => s.saidOn === '2022-12-02').length > 0, 'dataset sanity: statements on 2022-12-02 (inclusive bounds)')
    // Windows matter: a month-precision statement is found mid-month, and not within that one day.
    const monthly = statements.filter((s) => s.datePrecision === 'month' && overlaps('2022-08-15', '2022-08-15')(s))
    t.ok(monthly.length > 0 && monthly.every((s) => !saidIn('2022-08-15', '2022-08-15')(s)),
      'dataset sanity: a month-precision statement whose window holds 2022-08-15, said on another day')
    t.notSame(statements.filter(overlaps('2022-12-03')).map((s) => s.id), statements.filter(saidIn('2022-12-03')).map((s) => s.id),
      'dataset sanity: overlap differs from said_on for start_date=2022-12-03')
    t.notSame(statements.filter(within('2022-12-03')).map((s) => s.id), statements.filter(overlaps('2022-12-03')).map((s) => s.id),
      'dataset sanity: within differs from overlap for start_date=2022-12-03')
    t.ok(statements.filter((s) => s.speakerId === 'act_iskp' && contains(s.text, 'embassy')).length === 1, 'dataset sanity: ISKP embassy claim')
  })

  t.test('statements: one statement with its sources and incidents', async (t) => {
    const richest = [...statements].sort((a, b) => {
      const size = (s: StatementRow) => statementSources.filter((l) => l.statementId === s.id).length +
        statementIncidents.filter((l) => l.statementId === s.id).length
      return size(b) - size(a)
    })[0] as StatementRow
    const { status, body } = await getJson(app, `/v1/statements/${richest.id}`)
    t.equal(status, 200)
    const expected = expectedStatement(richest)
    t.ok(expected.sources.length + expected.incident_ids.length >= 3, 'dataset sanity: a statement with several links')
    t.strictSame(normalize(body), expected, 'the statement, its incident_ids and its sources')

    const amiriId = idMatching(statements, 'statement', /rina_amiri_barbaric/)
    const amiri = await getJson(app, `/v1/statements/${amiriId}`)
    t.strictSame(amiri.body.speaker, { id: 'act_rina_amiri', slug: 'rina-amiri', name: 'Rina Amiri' })
    t.strictSame(amiri.body.on_behalf_of, { id: 'act_united_states', slug: 'united-states', name: 'United States' })
    t.same(amiri.body.incident_ids, [INC_AYBAK_MADRASSA], 'Amiri: the Aybak madrassa bombing')
    t.ok(statementSources.some((l) => l.statementId === amiriId && l.sourceId === SRC_HASHT), 'dataset sanity: Hasht-e Subh carries Amiri\'s words')
    t.same(ids(amiri.body.sources).sort(), statementSources.filter((l) => l.statementId === amiriId).map((l) => l.sourceId).sort())
    t.equal(amiri.body.text_kind, 'quote')
    t.strictSame([amiri.body.date_start, amiri.body.date_end], (({ dateStart, dateEnd }) => [dateStart, dateEnd])(
      statements.find((s) => s.id === amiriId) as StatementRow), 'Amiri: the statement\'s window')

    const lone = statements.find((s) => s.onBehalfOfId == null && !statementIncidents.some((l) => l.statementId === s.id))
    t.ok(lone, 'dataset sanity: a statement for no principal and about no incident')
    const noPrincipal = await getJson(app, `/v1/statements/${lone?.id}`)
    t.equal(noPrincipal.body.on_behalf_of, null, 'no principal is null')
    t.same(noPrincipal.body.incident_ids, [], 'no incident is an empty list')

    await expectProblem(t, '/v1/statements/stm_missing', 404, 'not_found')
  })

  t.test('statements: bad input is a 400 problem naming the parameter', async (t) => {
    const range = await expectProblem(t, '/v1/statements?start_date=2022-12-05&end_date=2021-01-01', 400, 'invalid_parameter', ['start_date'])
    t.match(range.detail, /2022-12-05/, 'detail repeats the values')
    const speaker = await expectProblem(t, '/v1/statements?speaker=nobody', 400, 'invalid_parameter', ['speaker'])
    t.match(speaker.detail, /nobody/, 'detail names the unknown actor')
    await expectProblem(t, '/v1/statements?actor=nobody', 400, 'invalid_parameter', ['actor'])
    await expectProblem(t, '/v1/statements?incident=inc_does_not_exist', 400, 'invalid_parameter', ['incident'])
    await expectProblem(t, '/v1/statements?kind=rumour', 400, 'invalid_parameter', ['kind'])
    await expectProblem(t, '/v1/statements?start_date=2022-13-45', 400, 'invalid_parameter', ['start_date'])
    await expectProblem(t, '/v1/statements?end_date=yesterday', 400, 'invalid_parameter', ['end_date'])
    await expectProblem(t, '/v1/statements?speakr=taliban', 400, 'invalid_parameter', ['speakr'])
    await expectProblem(t, '/v1/statements?limit=0', 400, 'invalid_parameter', ['limit'])
    await expectProblem(t, '/v1/statements?limit=501', 400, 'invalid_parameter', ['limit'])
    const sourcesCursor = (await getJson(app, '/v1/sources?limit=1')).body.next_cursor as string
    await expectProblem(t, `/v1/statements?cursor=${sourcesCursor}`, 400, 'invalid_parameter', ['cursor'])
  })

  // ============================================ sources ========================================================

  t.test('sources: a walk of pages of 2 is ordered by published_on desc, unknown dates last, then id desc', async (t) => {
    const walked = await walk('/v1/sources?limit=2')
    const expected = expectSourceIds(sources)
    t.same(ids(walked), expected, 'every source once, in the documented order')
    const firstUndated = walked.findIndex((s) => s.published_on === null)
    t.ok(firstUndated > 0, 'there are dated and undated sources')
    t.ok(walked.slice(firstUndated).every((s) => s.published_on === null), 'unknown dates come last')
    for (const item of walked) {
      const row = sourceById.get(item.id)
      if (!row) { t.fail(`unexpected source ${item.id}`); continue }
      t.same(Object.keys(item).sort(), ['author', 'cited_by', 'cites', 'created_at', 'date_precision', 'id', 'kind', 'language',
        'notes', 'published_on', 'publisher', 'title', 'updated_at', 'url', 'version'], `${item.id}: keys`)
      t.strictSame(normalize(item), expectedSource(row), `${item.id} matches the dataset`)
      t.match(item.created_at, rfc3339Utc, `${item.id}: created_at is RFC 3339 UTC`)
      t.match(item.updated_at, rfc3339Utc, `${item.id}: updated_at is RFC 3339 UTC`)
    }
    t.ok(walked.every((s) => s.url === (sourceById.get(s.id)?.url ?? null)), 'no URL is invented: only the dataset\'s')
    t.ok(walked.some((s) => s.url === null), 'unknown url is null')
    t.ok(walked.some((s) => s.title === null) && walked.some((s) => s.publisher === null), 'unknown title and publisher are null')
  })

  t.test('sources: citation chains in both directions', async (t) => {
    const article = await getJson(app, `/v1/sources/${SRC_HOSPITAL}`)
    t.equal(article.status, 200)
    const anadoluCitation = article.body.cites.find((c: any) => c.source.id === SRC_ANADOLU)
    t.ok(anadoluCitation, 'the article cites Anadolu Agency')
    t.strictSame(anadoluCitation?.source, sourceRef(SRC_ANADOLU), 'the cited source as a SourceRef')
    t.equal(anadoluCitation?.source.publisher, 'Anadolu Agency')
    t.match(anadoluCitation?.context, /^According to Anadolu Agency/, 'with the citing words as context')
    t.strictSame(normalize(article.body), expectedSource(sourceById.get(SRC_HOSPITAL) as SourceRow), 'all the citations of the hospital report')

    const anadolu = await getJson(app, `/v1/sources/${SRC_ANADOLU}`)
    t.equal(anadolu.status, 200)
    t.same(anadolu.body.cites, [], 'Anadolu cites nothing here')
    t.equal(anadolu.body.cited_by.length, 1, 'Anadolu is cited once')
    t.strictSame(anadolu.body.cited_by[0]?.source, sourceRef(SRC_HOSPITAL), 'cited by the article')
    t.equal(anadolu.body.cited_by[0]?.context, anadoluCitation?.context, 'with the same context')
    t.equal(anadolu.body.url, null, 'unknown url is null')
    t.equal(anadolu.body.published_on, null, 'unknown date is null')
    t.equal(anadolu.body.date_precision, null, 'no date, no precision')

    const hasht = await getJson(app, `/v1/sources/${SRC_HASHT}`)
    t.strictSame(normalize(hasht.body), expectedSource(sourceById.get(SRC_HASHT) as SourceRow), 'the Hasht-e Subh article and all its citations')
    t.equal(sourceCitations.filter((c) => c.sourceId === SRC_HASHT).length, 5, 'dataset sanity: the Hasht-e Subh article cites five reports')
    t.equal(hasht.body.cites.length, 5, 'the Hasht-e Subh article cites five reports')

    await expectProblem(t, '/v1/sources/src_missing', 404, 'not_found')
    await expectProblem(t, `/v1/sources/${SRC_HOSPITAL}?include=all`, 400, 'invalid_parameter', ['include'])
  })

  t.test('sources: every filter returns exactly the matching rows', async (t) => {
    const publisherIs = (...names: string[]) => (s: SourceRow) => names.some((n) => (s.publisher ?? '').toLowerCase() === n.toLowerCase())
    const inRange = (start?: string, end?: string) => (s: SourceRow) =>
      s.publishedOn != null && (start === undefined || s.publishedOn >= start) && (end === undefined || s.publishedOn <= end)
    const cases: Array<[string, SourceRow[], string[] | null]> = [
      ['publisher=Anadolu%20Agency', sources.filter(publisherIs('Anadolu Agency')), [SRC_ANADOLU]],
      ['publisher=anadolu%20AGENCY', sources.filter(publisherIs('Anadolu Agency')), [SRC_ANADOLU]],
      ['publisher=Anadolu', [], []], // exact, not a substring
      ['publisher=Reuters,hasht-e%20subh', sources.filter(publisherIs('Reuters', 'Hasht-e Subh')), null],
      ['publisher=Reuters,%20Xinhua', sources.filter(publisherIs('Reuters', 'Xinhua')), null],
      ['kind=un_report', sources.filter((s) => s.kind === 'un_report'), null],
      ['kind=news_agency_report', sources.filter((s) => s.kind === 'news_agency_report'), null],
      ['kind=video', sources.filter((s) => s.kind === 'video'), null],
      ['start_date=2022-01-01&end_date=2022-12-31', sources.filter(inRange('2022-01-01', '2022-12-31')), [SRC_HASHT, SRC_PAKISTAN_MOFA]],
      ['start_date=2022-12-02', sources.filter(inRange('2022-12-02')), [SRC_HASHT, SRC_PAKISTAN_MOFA]],
      ['end_date=2021-09-24', sources.filter(inRange(undefined, '2021-09-24')), [SRC_TARGETING, SRC_NO_ISIS]],
      ['start_date=2021-09-21&end_date=2021-09-21', sources.filter(inRange('2021-09-21', '2021-09-21')), [SRC_NO_ISIS]],
      ['q=jalalabad', sources.filter((s) => [s.title, s.publisher, s.author].some((v) => contains(v, 'jalalabad'))), [SRC_TWIN_BLASTS]],
      ['q=DURDEN', sources.filter((s) => [s.title, s.publisher, s.author].some((v) => contains(v, 'durden'))), [SRC_NO_ISIS]],
      ['q=united%20nations', sources.filter((s) => [s.title, s.publisher, s.author].some((v) => contains(v, 'united nations'))), null],
      // combinations
      ['kind=news_article&start_date=2021-11-01', sources.filter((s) => s.kind === 'news_article' && inRange('2021-11-01')(s)),
        [SRC_HASHT, SRC_TWIN_BLASTS, SRC_HOSPITAL]],
      ['publisher=Hasht-e%20Subh,Reuters&end_date=2022-12-31', sources.filter((s) => publisherIs('Hasht-e Subh', 'Reuters')(s) &&
        inRange(undefined, '2022-12-31')(s)), [SRC_HASHT]],
      ['kind=un_report&q=UNAMA', sources.filter((s) => s.kind === 'un_report' &&
        [s.title, s.publisher, s.author].some((v) => contains(v, 'unama'))), [SRC_UNAMA]]
    ]
    for (const [query, rows, hardcoded] of cases) {
      const expected = expectSourceIds(rows)
      if (hardcoded) t.same(expected, hardcoded, `dataset sanity for ${query}`)
      t.ok(expected.length < sources.length, `${query} narrows the list`)
      const walked = await walk(`/v1/sources?${query}&limit=2`)
      t.same(ids(walked), expected, `${query}: exactly ${expected.length} source(s), in order`)
    }
    const undated = sources.filter((s) => s.publishedOn == null)
    t.ok(undated.length > 0, 'dataset sanity: undated sources exist')
    const ranged = await walk('/v1/sources?start_date=1900-01-01&end_date=2100-12-31&limit=50')
    t.same(ids(ranged), expectSourceIds(sources.filter((s) => s.publishedOn != null)), 'a date filter excludes undated sources')

    await expectProblem(t, '/v1/sources?start_date=2022-12-31&end_date=2022-01-01', 400, 'invalid_parameter', ['start_date'])
    await expectProblem(t, '/v1/sources?start_date=2022-02-30', 400, 'invalid_parameter', ['start_date'])
    await expectProblem(t, '/v1/sources?kind=blog', 400, 'invalid_parameter', ['kind'])
    await expectProblem(t, '/v1/sources?author=Durden', 400, 'invalid_parameter', ['author'])
  })

  t.test('sources: a publisher filter that names no publisher is a 400, not an empty list', async (t) => {
    // API.md: malformed values are a 400, never silently ignored, like `province=,`; an empty list
    // would look the same as "no such publisher".
    await expectProblem(t, '/v1/incidents?province=,', 400, 'invalid_parameter', ['province'])
    for (const url of ['/v1/sources?publisher=,', '/v1/sources?publisher=%20,%20']) {
      const res = await getJson(app, url)
      t.equal(res.status, 400, `${url} names no publisher: a 400 naming "publisher"`)
      t.same((res.body?.errors ?? []).map((e: { name: string }) => e.name), ['publisher'], `${url}: errors[].name is publisher`)
    }
  })

  // ============================================ provinces ======================================================

  const incidentsIn = (code: string) => dataset.incidents.filter((i) => i.provinceCode === code).length

  t.test('provinces: 34, by code, with their aliases', async (t) => {
    const { status, body } = await getJson(app, '/v1/provinces')
    t.equal(status, 200)
    t.equal(body.data.length, 34, '34 provinces')
    t.equal(body.next_cursor, null, 'one page')
    const expected = [...provinceList].sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((p) => ({ code: p.code, name: p.name, aliases: [...p.aliases], capital: p.capital, centroid: p.centroid, incidents: incidentsIn(p.code) }))
    t.strictSame(body.data, expected, 'every province, ordered by code, with aliases, capital, centroid and its incidents')
    await expectProblem(t, '/v1/provinces?limit=10', 400, 'invalid_parameter', ['limit'])
    await expectProblem(t, '/v1/provinces?foo=bar', 400, 'invalid_parameter', ['foo'])
  })

  t.test('provinces: one by code, name or alias', async (t) => {
    const nangarhar = {
      code: 'AF-NAN', name: 'Nangarhar', aliases: ['Ningarhar', 'Nangrahar', 'Nangahar'], capital: 'Jalalabad',
      centroid: { latitude: 34.27, longitude: 70.45 }, incidents: incidentsIn('AF-NAN')
    }
    for (const key of ['AF-NAN', 'af-nan', 'Nangarhar', 'NANGARHAR', 'ningarhar', 'Nangrahar']) {
      const { status, body } = await getJson(app, `/v1/provinces/${key}`)
      t.equal(status, 200, key)
      t.strictSame(body, nangarhar, `${key} -> AF-NAN`)
    }
    const sarePul = await getJson(app, `/v1/provinces/${encodeURIComponent('Sar-e Pul')}`)
    t.equal(sarePul.body.code, 'AF-SAR', 'a name with a space and hyphen')
    await expectProblem(t, '/v1/provinces/Atlantis', 404, 'not_found')
    await expectProblem(t, '/v1/provinces/AF-XXX', 404, 'not_found')
    await expectProblem(t, '/v1/provinces/AF-NAN?lang=ps', 400, 'invalid_parameter', ['lang'])
  })

  // ============================================ errors =========================================================

  t.test('errors: unknown routes and methods are problem+json', async (t) => {
    const body = await expectProblem(t, '/v1/nothing-here', 404, 'not_found')
    t.same(Object.keys(body).sort(), problemKeys, 'exactly the problem members (no errors[] on a 404)')
    await expectProblem(t, '/v2/actors', 404, 'not_found')
    const put = await app.inject({ method: 'PUT', url: '/v1/actors', payload: {} })
    t.ok(put.statusCode === 404 || put.statusCode === 405, `PUT is not allowed (${put.statusCode})`)
    t.match(String(put.headers['content-type']), /^application\/problem\+json/)
    const validation = await expectProblem(t, '/v1/actors?limit=abc', 400, 'invalid_parameter', ['limit'])
    t.same(Object.keys(validation).sort(), [...problemKeys, 'errors'].sort(), 'a validation problem adds errors[]')
    t.equal(validation.title, 'Invalid request parameters')
  })

  t.test('errors: a database that cannot be reached is a 503 that says nothing of its internals', async (t) => {
    // A handle closed before any request. On PostgreSQL: a database of its own, through the app's driver. On PGlite a
    // second embedded instance costs seconds, so a postgres.js pool that never connects is closed instead (no server
    // is needed: a closed pool rejects every query at once).
    let handle: DatabaseHandle
    if (process.env.DATABASE_URL) {
      handle = (await createTestDatabase(t, { seed: false })).handle
    } else {
      handle = await openDatabase({ url: 'postgres://apv@127.0.0.1:9/closed', max: 1 })
    }
    await handle.close()
    handle.close = async () => {} // closed already: the helper's teardown must not close it twice
    const brokenApp = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] }, { database: handle, closeDatabase: false })
    t.teardown(() => brokenApp.close())
    await brokenApp.ready()
    const tableNames = ['actors', 'statements', 'statement_sources', 'statement_incidents', 'sources', 'source_citations', 'provinces']
    for (const url of ['/v1/actors/taliban', '/v1/statements?limit=1', '/v1/provinces']) {
      const res = await brokenApp.inject({ method: 'GET', url })
      t.equal(res.statusCode, 503, `${url} -> 503`)
      t.ok(Number(res.headers['retry-after']) > 0, `${url}: Retry-After`)
      t.match(String(res.headers['content-type']), /^application\/problem\+json/, `${url}: problem+json`)
      const body = JSON.parse(res.body)
      t.same(Object.keys(body).sort(), problemKeys, `${url}: only the problem members`)
      t.equal(body.code, 'database_unavailable', `${url}: code`)
      t.equal(body.status, 503, `${url}: status`)
      t.equal(body.type, '/problems/database_unavailable', `${url}: type`)
      t.equal(body.instance, url, `${url}: instance`)
      const { instance: _i, ...rest } = body
      const text = JSON.stringify(rest)
      t.notMatch(text, /\bat\s+\S+\s+\(|\.ts:\d+|\.js:\d+|node_modules/, `${url}: no stack trace`)
      t.notMatch(text, /select|from\s|where\s|insert|"\w+"\."\w+"|sql|postgres|pglite/i, `${url}: no SQL or driver text`)
      for (const name of tableNames) t.notOk(text.includes(name), `${url}: no table name "${name}"`)
      t.notOk(res.body.includes('closed'), `${url}: no driver error message`)
      t.equal(res.headers['cache-control'], 'no-store', `${url}: errors are not cached`)
    }
  })
})

// ============================================ config ==========================================================

t.test('config: loadConfig validates the environment', async (t) => {
  const bad: Array<[NodeJS.ProcessEnv, string]> = [
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SEED_ON_EMPTY: 'maybe' }, 'SEED_ON_EMPTY'],
    [{ DB_POOL_SIZE: '0' }, 'DB_POOL_SIZE'],
    [{ DB_STATEMENT_TIMEOUT_MS: '5s' }, 'DB_STATEMENT_TIMEOUT_MS'],
    [{ DB_LOCK_TIMEOUT_MS: '-1' }, 'DB_LOCK_TIMEOUT_MS'],
    [{ REQUEST_TIMEOUT_MS: '1.5' }, 'REQUEST_TIMEOUT_MS'],
    [{ RATE_LIMIT_MAX: 'lots' }, 'RATE_LIMIT_MAX'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ METRICS: 'yes' }, 'METRICS'],
    [{ COMPRESSION: 'br' }, 'COMPRESSION'],
    [{ DB_PREPARED_STATEMENTS: 'sometimes' }, 'DB_PREPARED_STATEMENTS']
  ]
  for (const [env, name] of bad) {
    let error: unknown
    try {
      loadConfig(env)
    } catch (e) {
      error = e
    }
    t.ok(error instanceof ConfigError, `${JSON.stringify(env)} throws ConfigError`)
    t.match((error as Error | undefined)?.message ?? '', new RegExp(`\\b${name}\\b`), `${JSON.stringify(env)}: the message names ${name}`)
  }

  t.strictSame(loadConfig({}), {
    port: 3000,
    host: 'localhost',
    databaseUrl: null,
    dataDir: '.data/pglite',
    logLevel: 'info',
    corsOrigins: ['*'],
    seedOnEmpty: true,
    ...defaults
  }, 'defaults with an empty environment')
  t.equal(loadConfig({ PORT: '' }).port, 3000, 'an empty PORT is the default')

  const withUrl = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/apv', PGLITE_DATA_DIR: '/tmp/ignored' })
  t.equal(withUrl.databaseUrl, 'postgres://u@127.0.0.1:5432/apv', 'DATABASE_URL is read')
  t.equal(withUrl.dataDir, null, 'DATABASE_URL set -> no PGlite data dir')
  t.equal(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }).dataDir, null, 'postgresql:// is accepted too')

  const custom = loadConfig({ PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'warn', CORS_ORIGINS: 'https://a.org, https://b.org', SEED_ON_EMPTY: 'false', PGLITE_DATA_DIR: '/var/apv' })
  t.strictSame(custom, {
    port: 8080,
    host: '0.0.0.0',
    databaseUrl: null,
    dataDir: '/var/apv',
    logLevel: 'warn',
    corsOrigins: ['https://a.org', 'https://b.org'],
    seedOnEmpty: false,
    ...defaults
  }, 'every variable is read')
  const limits = loadConfig({
    DB_POOL_SIZE: '4', DB_STATEMENT_TIMEOUT_MS: '1000', DB_LOCK_TIMEOUT_MS: '0', DB_POOL_TIMEOUT_MS: '250', DB_CONNECT_TIMEOUT_MS: '900',
    REQUEST_TIMEOUT_MS: '2000', SHUTDOWN_DELAY_MS: '5000', SHUTDOWN_TIMEOUT_MS: '20000', RATE_LIMIT_MAX: '0', RATE_LIMIT_WINDOW_MS: '1000',
    TRUST_PROXY: '10.0.0.0/8, 127.0.0.1', METRICS: 'false', COMPRESSION: 'false', DB_PREPARED_STATEMENTS: 'false'
  })
  t.strictSame(limits.database, { poolSize: 4, statementTimeoutMs: 1000, lockTimeoutMs: 0, poolTimeoutMs: 250, connectTimeoutMs: 900, preparedStatements: false }, 'database limits are read')
  t.strictSame([limits.requestTimeoutMs, limits.shutdownDelayMs, limits.shutdownTimeoutMs], [2000, 5000, 20000], 'timeouts are read')
  t.strictSame(limits.rateLimit, { max: 0, windowMs: 1000 }, 'RATE_LIMIT_MAX=0 turns rate limiting off')
  t.strictSame(limits.trustProxy, ['10.0.0.0/8', '127.0.0.1'], 'TRUST_PROXY takes addresses')
  t.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2, 'TRUST_PROXY takes a hop count')
  t.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true, 'TRUST_PROXY=true trusts every proxy')
  t.equal(limits.metrics, false, 'METRICS=false')
  t.equal(limits.compression, false, 'COMPRESSION=false')
  t.equal(loadConfig({ SEED_ON_EMPTY: '0' }).seedOnEmpty, false, 'SEED_ON_EMPTY=0 is false')
  t.equal(loadConfig({ SEED_ON_EMPTY: 'TRUE' }).seedOnEmpty, true, 'SEED_ON_EMPTY is case-insensitive')
})
