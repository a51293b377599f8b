/**
 * The record model through the API, against the curated dataset (readDataset()): date windows (overlap by default,
 * `date_match=within`) on incidents and statements, `include_branches`, actor aliases, several types, participants
 * in the `actor` filter, perpetrator casualties and participants, challenged claims, follow-ups, no-claim reports,
 * related incidents read from both ends, and actor estimates. Expected results are computed from the dataset rows;
 * a few deliberate facts of the curated record (named below) pin the features to real cases.
 */
import type { FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import * as schema from '../../src/db/schema.ts'
import { dataset, idMatching, actorById, actorBySlug, actorId, actorRef } from '../dataset.ts'
import type { IncidentRow, StatementRow } from '../../src/seed/types.ts'
import { buildTestApp, getJson, walkPages } from '../helper.ts'

const {
  actors, actorEstimates, incidents, responsibilities, statements, statementIncidents, incidentParticipants,
  noClaimReports, incidentFollowUps, incidentRelations
} = dataset

const incidentId = (pattern: RegExp) => idMatching(incidents, 'incident', pattern)

const INC_HIZB_OFFICE = incidentId(/hizb_e_islami_office/)
const INC_PAKISTAN_EMBASSY = incidentId(/pakistani_embassy/)
const INC_KABUL_HOSPITAL = incidentId(/military_hospital/)
const INC_KANDAHAR_MOSQUE = incidentId(/kandahar_mosque/)
const INC_KAJ_ACADEMY = incidentId(/kaj_academy/)

const incidentById = new Map(incidents.map((i) => [i.id, i]))
const statementById = new Map(statements.map((s) => [s.id, s]))
/** The actor and every actor below it in the parent tree. */
function withBranches (id: string): string[] {
  const ids = [id]
  for (let k = 0; k < ids.length; k++) {
    for (const a of actors) if (a.parentId === ids[k] && !ids.includes(a.id)) ids.push(a.id)
  }
  return ids
}

type Predicate = (i: IncidentRow) => boolean
const byNewest = (a: { date: string, id: string }, b: { date: string, id: string }) =>
  a.date !== b.date ? (a.date < b.date ? 1 : -1) : (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
const expectIds = (...predicates: Predicate[]) => incidents.filter((i) => predicates.every((p) => p(i)))
  .map((i) => ({ date: i.occurredOn, id: i.id })).sort(byNewest).map((i) => i.id)
const expectStatementIds = (predicate: (s: StatementRow) => boolean) => statements.filter(predicate)
  .map((s) => ({ date: s.saidOn, id: s.id })).sort(byNewest).map((s) => s.id)

const overlaps = (start: string, end: string) => (r: { dateStart: string, dateEnd: string }) => r.dateEnd >= start && r.dateStart <= end
const within = (start: string, end: string) => (r: { dateStart: string, dateEnd: string }) => r.dateStart >= start && r.dateEnd <= end
const responsibilityOf = (actors: string[], kinds?: string[]): Predicate => (i) =>
  responsibilities.some((r) => r.incidentId === i.id && actors.includes(r.actorId) && (!kinds || kinds.includes(r.kind)))
const participantOf = (actors: string[]): Predicate => (i) =>
  incidentParticipants.some((p) => p.incidentId === i.id && p.actorId != null && actors.includes(p.actorId))
const spokeAbout = (actors: string[]): Predicate => (i) => statementIncidents.some((l) => {
  const s = statementById.get(l.statementId)
  return l.incidentId === i.id && s !== undefined && (actors.includes(s.speakerId) || (s.onBehalfOfId != null && actors.includes(s.onBehalfOfId)))
})
const anyRole = (actors: string[]): Predicate => (i) => responsibilityOf(actors)(i) || participantOf(actors)(i) || spokeAbout(actors)(i)
const ofType = (...types: string[]): Predicate => (i) => types.includes(i.type)

/** A date halfway through a window. */
function midpoint (start: string, end: string): string {
  const a = Date.parse(`${start}T00:00:00Z`)
  const b = Date.parse(`${end}T00:00:00Z`)
  return new Date(a + Math.floor((b - a) / 86_400_000 / 2) * 86_400_000).toISOString().slice(0, 10)
}

async function listIds (t: Test, app: FastifyInstance, url: string): Promise<string[]> {
  const { status, body } = await getJson(app, `${url}${url.includes('?') ? '&' : '?'}limit=500`)
  t.equal(status, 200, `GET ${url} is 200`)
  if (status !== 200) return []
  t.equal(body.next_cursor, null, `GET ${url}: a single page`)
  return body.data.map((i: { id: string }) => i.id)
}

/** A 400 invalid_parameter problem whose errors name `param` (in the query unless told). */
function expectBadParameter (t: Test, res: { status: number, headers: Record<string, unknown>, body: any }, param: string, label: string, where = 'query') {
  t.equal(res.status, 400, `${label}: 400 (got ${res.status}: ${JSON.stringify(res.body)?.slice(0, 200)})`)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/, `${label}: problem+json`)
  t.equal(res.body?.code, 'invalid_parameter', `${label}: code`)
  t.equal(res.body?.status, 400, `${label}: body status`)
  const errors: Array<{ in: string, name: string, message: string }> = res.body?.errors ?? []
  t.ok(errors.some((e) => e.name === param && e.in === where && e.message.length > 0), `${label}: errors name ${param} (got ${JSON.stringify(errors)})`)
  t.match(res.body?.detail, new RegExp(param), `${label}: the detail names ${param}`)
}

t.test('the record model through the API', async (t) => {
  const { app } = await buildTestApp(t)

  // =========================================== date windows ====================================================

  t.test('a month-precision incident is found by a mid-month range, and not with date_match=within', async (t) => {
    // Deliberate fact: the Kandahar mosque bombing is dated to its month (October 2021).
    const kandahar = incidentById.get(INC_KANDAHAR_MOSQUE) as IncidentRow
    t.equal(kandahar.datePrecision, 'month', 'test data: Kandahar is dated to the month')
    t.ok(kandahar.dateStart < kandahar.dateEnd, 'test data: its window spans several days')
    const mid = midpoint(kandahar.dateStart, kandahar.dateEnd)
    t.ok(mid > kandahar.dateStart && mid < kandahar.dateEnd && mid !== kandahar.occurredOn, `test data: ${mid} is strictly inside, not occurred_on`)

    const found = await listIds(t, app, `/v1/incidents?start_date=${mid}&end_date=${mid}`)
    t.ok(found.includes(INC_KANDAHAR_MOSQUE), `start_date=end_date=${mid} finds the Kandahar bombing`)
    t.strictSame(found, expectIds(overlaps(mid, mid)), 'exactly the incidents whose window holds that day')
    const explicit = await listIds(t, app, `/v1/incidents?start_date=${mid}&end_date=${mid}&date_match=overlaps`)
    t.strictSame(explicit, found, 'date_match=overlaps is the default')

    const inside = await listIds(t, app, `/v1/incidents?start_date=${mid}&end_date=${mid}&date_match=within`)
    t.notOk(inside.includes(INC_KANDAHAR_MOSQUE), 'date_match=within leaves it out: it may have happened on another day')
    t.strictSame(inside, expectIds(within(mid, mid)), 'exactly the incidents certainly on that day')

    // The whole month holds it either way.
    const month = await listIds(t, app, `/v1/incidents?start_date=${kandahar.dateStart}&end_date=${kandahar.dateEnd}&date_match=within`)
    t.ok(month.includes(INC_KANDAHAR_MOSQUE), 'the whole window, within: found')
    t.strictSame(month, expectIds(within(kandahar.dateStart, kandahar.dateEnd)))

    // Every month-precision incident, by its own mid-window day.
    const monthly = incidents.filter((i) => i.datePrecision === 'month' && i.dateStart < i.dateEnd)
    t.ok(monthly.length > 1, 'test data: several month-precision incidents')
    for (const i of monthly) {
      const day = midpoint(i.dateStart, i.dateEnd)
      t.ok((await listIds(t, app, `/v1/incidents?start_date=${day}&end_date=${day}`)).includes(i.id), `${i.id}: found on ${day}`)
      t.notOk((await listIds(t, app, `/v1/incidents?start_date=${day}&end_date=${day}&date_match=within`)).includes(i.id),
        `${i.id}: not within ${day}`)
    }
  })

  t.test('statements: a month-precision statement is found mid-month, and not with date_match=within', async (t) => {
    const monthly = statements.filter((s) => s.datePrecision === 'month' && s.dateStart < s.dateEnd)
    t.ok(monthly.length > 0, 'test data: month-precision statements')
    // Deliberate fact: McKenzie's warning of an ISIS resurgence is dated to August 2022.
    const mckenzie = idMatching(statements, 'statement', /mckenzie/)
    t.ok(monthly.some((s) => s.id === mckenzie), 'test data: McKenzie\'s warning is dated to the month')
    for (const s of monthly) {
      const day = midpoint(s.dateStart, s.dateEnd)
      if (day === s.saidOn) continue
      const found = await walkPages(app, `/v1/statements?start_date=${day}&end_date=${day}&limit=20`)
      t.ok(found.items.some((x: any) => x.id === s.id), `${s.id}: found on ${day}`)
      t.strictSame(found.items.map((x: any) => x.id), expectStatementIds(overlaps(day, day)), `${day}: exactly the overlapping windows`)
      const inside = await walkPages(app, `/v1/statements?start_date=${day}&end_date=${day}&date_match=within&limit=20`)
      t.notOk(inside.items.some((x: any) => x.id === s.id), `${s.id}: not within ${day}`)
      t.strictSame(inside.items.map((x: any) => x.id), expectStatementIds(within(day, day)), `${day}: exactly the windows inside`)
    }
    const m = statementById.get(mckenzie) as StatementRow
    const item = await getJson(app, `/v1/statements/${mckenzie}`)
    t.strictSame([item.body.said_on, item.body.date_precision, item.body.date_start, item.body.date_end],
      [m.saidOn, m.datePrecision, m.dateStart, m.dateEnd], 'the statement carries its window')
  })

  // =========================================== actors ==========================================================

  t.test('include_branches: claimed_by=islamic-state adds ISKP\'s claims', async (t) => {
    const is = actorId('islamic-state')
    const iskp = actorId('iskp')
    const branches = withBranches(is)
    t.ok(branches.includes(iskp), 'test data: ISKP is a branch of the Islamic State')
    const own = expectIds(responsibilityOf([is], ['claimed']))
    const all = expectIds(responsibilityOf(branches, ['claimed']))
    const iskpOnly = expectIds(responsibilityOf([iskp], ['claimed'])).filter((id) => !own.includes(id))
    t.ok(iskpOnly.length > 0, 'test data: ISKP claims incidents the Islamic State does not')
    t.ok(iskpOnly.includes(INC_PAKISTAN_EMBASSY), 'test data: ISKP claimed the Pakistani embassy attack')

    const without = await listIds(t, app, '/v1/incidents?claimed_by=islamic-state')
    t.strictSame(without, own, 'without include_branches: the Islamic State\'s own claims')
    for (const id of iskpOnly) t.notOk(without.includes(id), `${id} is not the Islamic State's own claim`)
    t.strictSame(await listIds(t, app, '/v1/incidents?claimed_by=islamic-state&include_branches=false'), own, 'include_branches=false: the same')

    const withB = await listIds(t, app, '/v1/incidents?claimed_by=islamic-state&include_branches=true')
    t.strictSame(withB, all, 'with include_branches: the claims of the Islamic State and its branches')
    for (const id of iskpOnly) t.ok(withB.includes(id), `${id} (claimed by ISKP) appears`)

    // The other actor filters and the nested view take it too.
    t.strictSame(await listIds(t, app, '/v1/incidents?attributed_to=islamic-state&include_branches=true'),
      expectIds(responsibilityOf(branches, ['claimed', 'attributed'])), 'attributed_to with branches')
    t.strictSame(await listIds(t, app, '/v1/incidents?actor=islamic-state&include_branches=true'), expectIds(anyRole(branches)), 'actor with branches')
    t.strictSame(await listIds(t, app, '/v1/actors/islamic-state/incidents?include_branches=true'), expectIds(anyRole(branches)),
      '/v1/actors/islamic-state/incidents with branches')
    t.strictSame(await listIds(t, app, '/v1/actors/islamic-state/incidents'), expectIds(anyRole([is])), '/v1/actors/islamic-state/incidents alone')
    // Members at any depth: the Taliban and its bodies and spokesmen.
    const taliban = withBranches(actorId('taliban'))
    t.ok(taliban.length > 2, 'test data: the Taliban have members')
    const talibanAll = expectIds(anyRole(taliban))
    t.ok(talibanAll.length > expectIds(anyRole([actorId('taliban')])).length, 'test data: members add incidents')
    t.strictSame(await listIds(t, app, '/v1/incidents?actor=taliban&include_branches=true'), talibanAll, 'actor=taliban with its members')
    // A leaf: branches add nothing.
    t.equal(withBranches(iskp).length, 1, 'test data: ISKP has no branch')
    t.strictSame(await listIds(t, app, '/v1/incidents?claimed_by=iskp&include_branches=true'), expectIds(responsibilityOf([iskp], ['claimed'])),
      'a leaf actor: the same with or without branches')
  })

  t.test('aliases: isis-k and ISIS-K name ISKP wherever an actor is expected', async (t) => {
    const iskp = actorBySlug.get('iskp')
    t.ok(iskp?.aliases?.includes('ISIS-K'), 'test data: ISIS-K is an alias of ISKP')
    for (const [alias, slugUrl] of [
      ['/v1/incidents?claimed_by=isis-k', '/v1/incidents?claimed_by=iskp'],
      ['/v1/incidents?claimed_by=ISIS-K', '/v1/incidents?claimed_by=iskp'],
      ['/v1/incidents?attributed_to=Isis-K', '/v1/incidents?attributed_to=iskp'],
      ['/v1/incidents?actor=isis-k', '/v1/incidents?actor=iskp'],
      ['/v1/actors/isis-k/incidents', '/v1/actors/iskp/incidents'],
      ['/v1/actors/ISIS-K/incidents', '/v1/actors/iskp/incidents'],
      ['/v1/actors/ISIS-K/statements', '/v1/actors/iskp/statements'],
      ['/v1/statements?speaker=isis-k', '/v1/statements?speaker=iskp'],
      ['/v1/incidents?attributed_to=daesh', '/v1/incidents?attributed_to=islamic-state'],
      ['/v1/incidents?claimed_by=daesh&include_branches=true', '/v1/incidents?claimed_by=islamic-state&include_branches=true'],
      // Spaces around a slug or id are ignored, as around an alias or a province.
      ['/v1/incidents?claimed_by=%20taliban%20', '/v1/incidents?claimed_by=taliban'],
      ['/v1/statements?speaker=%20act_zabihullah_mujahid', '/v1/statements?speaker=zabihullah-mujahid'],
      ['/v1/actors/%20taliban/statements', '/v1/actors/taliban/statements']
    ] as Array<[string, string]>) {
      const a = await getJson(app, `${alias}${alias.includes('?') ? '&' : '?'}limit=500`)
      const b = await getJson(app, `${slugUrl}${slugUrl.includes('?') ? '&' : '?'}limit=500`)
      t.equal(a.status, 200, `${alias}: 200`)
      t.ok(b.body.data.length > 0, `test data: ${slugUrl} is not empty`)
      t.strictSame(a.body, b.body, `${alias} equals ${slugUrl}`)
    }
    t.strictSame(await listIds(t, app, '/v1/incidents?claimed_by=isis-k'), expectIds(responsibilityOf([actorId('iskp')], ['claimed'])),
      'claimed_by=isis-k: ISKP\'s claims')

    const bySlug = await getJson(app, '/v1/actors/iskp')
    for (const key of ['ISIS-K', 'isis-k', 'act_iskp', 'ISKP', 'IS-K']) {
      const res = await getJson(app, `/v1/actors/${key}`)
      t.equal(res.status, 200, `/v1/actors/${key}: 200`)
      t.strictSame(res.body, bySlug.body, `/v1/actors/${key} is ISKP`)
    }
  })

  t.test('an unknown actor is a 400 naming the filter (a 404 in the path)', async (t) => {
    for (const [url, param] of [
      ['/v1/incidents?claimed_by=no-such-actor', 'claimed_by'],
      ['/v1/incidents?claimed_by=no-such-actor&include_branches=true', 'claimed_by'],
      ['/v1/incidents?attributed_to=isis-q', 'attributed_to'],
      ['/v1/incidents?actor=Daesh%20Kabul', 'actor'],
      ['/v1/actors/iskp/incidents?claimed_by=nobody', 'claimed_by'],
      ['/v1/statements?speaker=nobody', 'speaker'],
      ['/v1/statements?actor=nobody', 'actor']
    ] as Array<[string, string]>) {
      expectBadParameter(t, await getJson(app, url), param, url)
    }
    for (const url of ['/v1/actors/nobody', '/v1/actors/nobody/incidents', '/v1/actors/isis-q/statements']) {
      const res = await getJson(app, url)
      t.equal(res.status, 404, `${url}: 404`)
      t.equal(res.body?.code, 'not_found', `${url}: not_found`)
    }
  })

  t.test('actor=<x> matches incidents where x is only a participant', async (t) => {
    // Deliberate fact: the Pakistani ambassador was the target of the embassy attack, and is named nowhere else.
    const ambassador = actorId('obaid-ul-rehman-nizamani')
    const onlyParticipant = expectIds((i) => participantOf([ambassador])(i) && !responsibilityOf([ambassador])(i) && !spokeAbout([ambassador])(i))
    t.ok(onlyParticipant.includes(INC_PAKISTAN_EMBASSY), 'test data: the ambassador is only a participant in the embassy attack')
    t.strictSame(await listIds(t, app, '/v1/incidents?actor=obaid-ul-rehman-nizamani'), expectIds(anyRole([ambassador])), 'actor=ambassador')
    t.strictSame(await listIds(t, app, '/v1/actors/obaid-ul-rehman-nizamani/incidents'), expectIds(anyRole([ambassador])), 'nested view')
    t.strictSame(await listIds(t, app, '/v1/incidents?actor=obaid-ul-rehman-nizamani&claimed_by=iskp'),
      expectIds(anyRole([ambassador]), responsibilityOf([actorId('iskp')], ['claimed'])), 'combined with claimed_by')

    // Every actor that is a participant somewhere without responsibility or statements there.
    const pairs = incidentParticipants.filter((p) => p.actorId != null &&
      !responsibilityOf([p.actorId])(incidentById.get(p.incidentId) as IncidentRow) &&
      !spokeAbout([p.actorId])(incidentById.get(p.incidentId) as IncidentRow))
    t.ok(pairs.length > 1, 'test data: several participant-only links')
    for (const slug of [...new Set(pairs.map((p) => actorById.get(p.actorId as string)?.slug as string))]) {
      const ids = await listIds(t, app, `/v1/incidents?actor=${slug}`)
      t.strictSame(ids, expectIds(anyRole([actorId(slug)])), `actor=${slug}: any role, participants included`)
      for (const p of pairs.filter((x) => x.actorId === actorId(slug))) t.ok(ids.includes(p.incidentId), `actor=${slug} includes ${p.incidentId}`)
    }
    // A participant does not make a claim.
    t.strictSame(await listIds(t, app, '/v1/incidents?claimed_by=obaid-ul-rehman-nizamani'), [], 'claimed_by ignores participants')
  })

  t.test('type: several comma-separated types are the union; a bad value is a 400 naming type', async (t) => {
    const used = [...new Set(incidents.map((i) => i.type))]
    t.ok(used.length >= 3, 'test data: several types in use')
    const pairs: Array<[string, string]> = [[used[0] as string, used[1] as string], [used[1] as string, used[2] as string], ['bombing', 'suicide_bombing']]
    for (const [a, b] of pairs) {
      const one = await listIds(t, app, `/v1/incidents?type=${a}`)
      const two = await listIds(t, app, `/v1/incidents?type=${b}`)
      const both = await listIds(t, app, `/v1/incidents?type=${a},${b}`)
      t.ok(one.length > 0 && two.length > 0, `test data: ${a} and ${b} are used`)
      t.strictSame(both, expectIds(ofType(a, b)), `type=${a},${b}: both types, newest first`)
      t.strictSame([...both].sort(), [...new Set([...one, ...two])].sort(), `type=${a},${b} is the union of type=${a} and type=${b}`)
      t.strictSame(await listIds(t, app, `/v1/incidents?type=${b},${a}`), both, 'the order of the types does not matter')
    }
    const three = used.slice(0, 3).join(',')
    t.strictSame(await listIds(t, app, `/v1/incidents?type=${three}`), expectIds(ofType(...used.slice(0, 3))), `type=${three}`)
    t.strictSame(await listIds(t, app, '/v1/actors/iskp/incidents?type=bombing,armed_assault'),
      expectIds(anyRole([actorId('iskp')]), ofType('bombing', 'armed_assault')), 'the nested view takes several types too')
    for (const url of ['/v1/incidents?type=bombing,nope', '/v1/incidents?type=nope', '/v1/incidents?type=Bombing,ied', '/v1/incidents?type=bombing;ied',
      '/v1/actors/iskp/incidents?type=ied,,bombing']) {
      expectBadParameter(t, await getJson(app, url), 'type', url)
    }
  })

  // =========================================== incident details ================================================

  t.test('the Hizb-e-Islami office attack: perpetrators killed and Hekmatyar unhurt', async (t) => {
    const row = incidentById.get(INC_HIZB_OFFICE) as IncidentRow
    const { status, body } = await getJson(app, `/v1/incidents/${INC_HIZB_OFFICE}`)
    t.equal(status, 200)
    t.strictSame(body.perpetrators_killed, { best: row.perpetratorsKilledBest ?? null, low: row.perpetratorsKilledLow ?? null, high: row.perpetratorsKilledHigh ?? null },
      'perpetrators_killed as the record gives it')
    t.ok(body.perpetrators_killed.best > 0, 'the attackers were killed (a known, non-zero figure)')
    t.strictSame(body.perpetrators_wounded, { best: row.perpetratorsWoundedBest ?? null, low: row.perpetratorsWoundedLow ?? null, high: row.perpetratorsWoundedHigh ?? null })
    t.equal(body.killed.best, row.killedBest ?? null, 'killed counts the victims alone')
    const reportWithPerpetrators = body.reports.find((r: any) => r.perpetrators_killed.best !== null)
    t.ok(reportWithPerpetrators, 'a source reports the perpetrators killed')
    t.equal(reportWithPerpetrators?.perpetrators_killed.best, body.perpetrators_killed.best, 'and its figure is the reconciled one')

    const hekmatyar = body.participants.find((p: any) => p.actor?.slug === 'gulbuddin-hekmatyar')
    t.ok(hekmatyar, 'Hekmatyar is a participant')
    t.equal(hekmatyar?.role, 'target', 'the target')
    t.equal(hekmatyar?.outcome, 'unhurt', 'unhurt')
    t.strictSame(hekmatyar?.actor, actorRef(actorId('gulbuddin-hekmatyar')), 'as an ActorRef')
    const perpetrators = body.participants.filter((p: any) => p.role === 'perpetrator')
    t.ok(perpetrators.length > 0 && perpetrators.every((p: any) => p.actor === null && typeof p.description === 'string'),
      'unidentified perpetrators: actor null, described in words')
    t.strictSame(body.participants.map((p: any) => [p.role, p.actor?.id ?? null, p.outcome]),
      incidentParticipants.filter((p) => p.incidentId === INC_HIZB_OFFICE).sort((a, b) => a.position - b.position)
        .map((p) => [p.role, p.actorId ?? null, p.outcome ?? null]), 'every participant, in the record\'s order')
  })

  t.test('the Pakistani embassy attack: a challenged ISKP claim and an arrest', async (t) => {
    const { status, body } = await getJson(app, `/v1/incidents/${INC_PAKISTAN_EMBASSY}`)
    t.equal(status, 200)
    const claim = body.responsibility.find((r: any) => r.kind === 'claimed' && r.actor.slug === 'iskp')
    t.ok(claim, 'ISKP\'s claim')
    t.equal(claim?.voice, 'actor', 'voiced by the claimant')
    t.strictSame(claim?.asserted_by, actorRef(actorId('iskp')), 'asserted by ISKP')
    t.type(claim?.wording, 'string', 'the report\'s wording')
    const row = responsibilities.find((r) => r.incidentId === INC_PAKISTAN_EMBASSY && r.kind === 'claimed' && r.actorId === actorId('iskp'))
    t.ok(row?.challengeKind, 'test data: the claim is challenged')
    t.strictSame(claim?.challenge, {
      kind: row?.challengeKind,
      by: actorRef(row?.challengedById),
      source_id: row?.challengeSourceId,
      statement_id: row?.challengeStatementId ?? null,
      excerpt: row?.challengeExcerpt ?? null
    }, 'the challenge as the record gives it')
    t.ok(['pakistan', 'pakistan-ministry-of-foreign-affairs'].includes(claim?.challenge?.by.slug), 'challenged by Pakistan')
    t.ok(['disputed', 'to_be_verified'].includes(claim?.challenge?.kind), 'a challenge kind')

    const arrest = body.follow_ups.find((f: any) => f.kind === 'arrest')
    t.ok(arrest, 'an arrest followed')
    t.strictSame(Object.keys(arrest ?? {}).sort(), ['actor', 'count', 'description', 'excerpt', 'kind', 'source_id', 'statement_id'], 'follow-up shape')
    const arrestRow = incidentFollowUps.find((f) => f.incidentId === INC_PAKISTAN_EMBASSY && f.kind === 'arrest')
    t.strictSame(arrest?.actor, actorRef(arrestRow?.actorId), 'by whom')
    t.equal(arrest?.count, arrestRow?.count ?? null, 'how many')
    t.equal(arrest?.statement_id, arrestRow?.statementId ?? null, 'announced in a statement')
    t.strictSame(body.follow_ups.map((f: any) => f.kind), incidentFollowUps.filter((f) => f.incidentId === INC_PAKISTAN_EMBASSY)
      .sort((a, b) => a.position - b.position).map((f) => f.kind), 'every follow-up, in the record\'s order')
    t.ok(body.tally_ids.length > 0, 'counted in a tally')
  })

  t.test('no-claim reports stay beside a later claim: the Kabul military hospital attack', async (t) => {
    const { body } = await getJson(app, `/v1/incidents/${INC_KABUL_HOSPITAL}`)
    const expected = noClaimReports.filter((n) => n.incidentId === INC_KABUL_HOSPITAL)
    t.ok(expected.length > 0, 'test data: a no-claim report')
    t.strictSame(body.no_claim.map((n: any) => [n.source_id, n.as_of]).sort(), expected.map((n) => [n.sourceId, n.asOf]).sort(), 'the no-claim reports')
    for (const n of body.no_claim) t.strictSame(Object.keys(n).sort(), ['as_of', 'excerpt', 'notes', 'source_id'], 'no-claim shape')
    const claims = body.responsibility.filter((r: any) => r.kind === 'claimed')
    t.ok(claims.length > 0, 'and a claim is there too')
    t.equal(claims[0]?.actor.slug, 'iskp', 'ISKP claimed it')
    const claimSource = responsibilities.find((r) => r.incidentId === INC_KABUL_HOSPITAL && r.kind === 'claimed')?.sourceId
    const claimDate = dataset.sources.find((s) => s.id === claimSource)?.publishedOn
    t.ok(claimDate && body.no_claim.every((n: any) => n.as_of <= claimDate), 'the no-claim report predates the report of the claim')
    // An incident without any.
    const { body: embassy } = await getJson(app, `/v1/incidents/${INC_PAKISTAN_EMBASSY}`)
    t.same(embassy.no_claim, noClaimReports.filter((n) => n.incidentId === INC_PAKISTAN_EMBASSY).map((n) => ({
      source_id: n.sourceId, as_of: n.asOf, excerpt: n.excerpt ?? null, notes: n.notes ?? null
    })), 'the embassy attack: as the record says')
  })

  t.test('related incidents appear on both ends, with the kind read from each end', async (t) => {
    t.ok(incidentRelations.some((r) => r.kind === 'response_to'), 'test data: a response')
    t.ok(incidentRelations.some((r) => r.kind !== 'response_to'), 'test data: a symmetric relation')
    const details = new Map<string, any>()
    const detail = async (id: string) => {
      if (!details.has(id)) details.set(id, (await getJson(app, `/v1/incidents/${id}`)).body)
      return details.get(id)
    }
    for (const r of incidentRelations) {
      const from = await detail(r.incidentId)
      const to = await detail(r.relatedIncidentId)
      const forward = from.related.find((x: any) => x.incident_id === r.relatedIncidentId && x.kind === r.kind)
      t.ok(forward, `${r.incidentId} lists ${r.relatedIncidentId} as ${r.kind}`)
      t.equal(forward?.title, incidentById.get(r.relatedIncidentId)?.title, 'with its title')
      t.equal(forward?.source_id, r.sourceId ?? null, 'and the source that links them')
      const back = r.kind === 'response_to' ? 'prompted_response' : r.kind
      const backward = to.related.find((x: any) => x.incident_id === r.incidentId && x.kind === back)
      t.ok(backward, `${r.relatedIncidentId} lists ${r.incidentId} as ${back}`)
      t.equal(backward?.title, incidentById.get(r.incidentId)?.title, 'with its title')
      t.notOk(to.related.some((x: any) => x.incident_id === r.incidentId && r.kind === 'response_to' && x.kind === 'response_to'),
        'a response is not read as a response from the other end')
    }
    // Deliberate fact: the Taliban operation in Kabul's 8th district responded to the Kaj academy attack.
    const kaj = await detail(INC_KAJ_ACADEMY)
    const operation = incidentRelations.find((r) => r.relatedIncidentId === INC_KAJ_ACADEMY && r.kind === 'response_to')
    t.ok(operation, 'test data: an operation in response to the Kaj academy attack')
    t.ok(kaj.related.some((x: any) => x.incident_id === operation?.incidentId && x.kind === 'prompted_response'),
      'the Kaj academy attack prompted it')
    const op = await detail(operation?.incidentId as string)
    t.ok(op.related.some((x: any) => x.incident_id === INC_KAJ_ACADEMY && x.kind === 'response_to'), 'the operation is a response to it')
  })

  t.test('actor estimates: ISKP\'s fighters', async (t) => {
    const expected = actorEstimates.filter((e) => e.actorId === actorId('iskp'))
    t.ok(expected.length > 0, 'test data: estimates of ISKP')
    const { body } = await getJson(app, '/v1/actors/iskp')
    t.equal(body.estimates.length, expected.length, 'every estimate')
    for (const e of body.estimates) {
      t.strictSame(Object.keys(e).sort(), ['as_of', 'best', 'date_precision', 'excerpt', 'high', 'low', 'measure', 'notes', 'source_id', 'statement_id'], 'estimate shape')
    }
    const asOf = body.estimates.map((e: any) => e.as_of)
    t.strictSame(asOf, [...asOf].sort(), 'oldest first')
    t.strictSame(body.estimates.map((e: any) => [e.measure, e.best, e.low, e.high, e.as_of, e.source_id]).sort(),
      expected.map((e) => [e.measure, e.best ?? null, e.low ?? null, e.high ?? null, e.asOf, e.sourceId]).sort(), 'as the record gives them')
    // Deliberate fact: "around 2,000 to 3,000 fighters" (a range, so no best figure).
    t.ok(body.estimates.some((e: any) => e.measure === 'fighters' && e.low === 2000 && e.high === 3000 && e.best === null),
      '2,000 to 3,000 fighters')
    // The list carries the same estimates.
    const list = await getJson(app, '/v1/actors?q=iskp&limit=500')
    t.strictSame(list.body.data.find((a: any) => a.slug === 'iskp')?.estimates, body.estimates, 'the list item has them too')
  })
})

t.test('an alias shared by several actors is a 400, not a guess', async (t) => {
  // The curated dataset forbids shared aliases, so this runs on a database of its own with two actors sharing one.
  const { app, database } = await buildTestApp(t, { seed: false })
  await database.handle.db.insert(schema.actors).values([
    { id: 'act_alpha', slug: 'alpha', name: 'Alpha Front', aliases: ['The Front'], kind: 'armed_group' },
    { id: 'act_beta', slug: 'beta', name: 'Beta Front', aliases: ['the front', 'Beta'], kind: 'armed_group' }
  ])
  for (const [url, param] of [
    ['/v1/incidents?claimed_by=the%20front', 'claimed_by'],
    ['/v1/incidents?attributed_to=THE%20FRONT', 'attributed_to'],
    ['/v1/incidents?actor=The%20Front&include_branches=true', 'actor'],
    ['/v1/statements?speaker=the%20front', 'speaker']
  ] as Array<[string, string]>) {
    const res = await getJson(app, url)
    expectBadParameter(t, res, param, url)
    t.match(res.body?.detail, /alpha/, `${url}: the detail names the actors`)
    t.match(res.body?.detail, /beta/, `${url}: both of them`)
  }
  for (const url of ['/v1/actors/the%20front', '/v1/actors/the%20front/incidents']) {
    const res = await getJson(app, url)
    expectBadParameter(t, res, 'id', url, 'path')
  }
  // An unshared alias, the slugs and the ids still resolve.
  for (const [url, id] of [['/v1/actors/beta', 'act_beta'], ['/v1/actors/Beta', 'act_beta'], ['/v1/actors/alpha', 'act_alpha'], ['/v1/actors/act_alpha', 'act_alpha']]) {
    const res = await getJson(app, url as string)
    t.equal(res.status, 200, `${url}: 200`)
    t.equal(res.body?.id, id, `${url}: ${id}`)
  }
  const empty = await getJson(app, '/v1/incidents?claimed_by=alpha')
  t.strictSame(empty.body, { data: [], next_cursor: null, total: null }, 'a known actor without incidents: an empty list')
})
