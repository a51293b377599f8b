/**
 * A record's life through the write API: create, two edits, a delete, and what stays readable afterwards (revisions,
 * any past version, 410 pointing to the last revision); deletes refused while others refer to the record;
 * preconditions (428, 412, 400); edits that break a rule refused whole (422, nothing written); updated_since.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import t, { type Test } from 'tap'
import { buildTestApp } from '../helper.ts'
import {
  changesFrom, fieldChanges, injectClient, listIds, newActor, newIncident, revisionsOf, versionOf, writer,
  type Client, type FieldChange
} from './support.ts'

const { app, database } = await buildTestApp(t)
const client = injectClient(app)
const alice = await writer(database, 'alice')

const patch = (url: string, etag: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
  client({ method: 'PATCH', url, headers: { ...alice.auth, ...(etag === undefined ? {} : { 'if-match': etag }), ...headers }, body })
const remove = (url: string, etag: string | undefined) =>
  client({ method: 'DELETE', url, headers: { ...alice.auth, ...(etag === undefined ? {} : { 'if-match': etag }) } })

/** What a revision's changes must be between two records: every top-level field that differs (absent reads as null). */
function expectedChanges (before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, FieldChange> {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const out: Record<string, FieldChange> = {}
  for (const field of fields) {
    const b = before?.[field] ?? null
    const a = after?.[field] ?? null
    if (JSON.stringify(b) !== JSON.stringify(a)) out[field] = { before: b, after: a }
  }
  return out
}

/** Version, revisions and feed rows of a record, to show that a refused write changed nothing. */
async function footprint (client: Client, kind: string, id: string) {
  const record = await client({ method: 'GET', url: `/v1/${kind}/${id}/record` })
  const revisions = await revisionsOf(client, kind, id)
  const { rows } = await changesFrom(client)
  return { status: record.status, etag: record.headers.etag, record: record.text, revisions: revisions.length, feed: rows.length }
}

/** Create, edit twice, delete; then check the history and what a deleted record answers. */
async function lifecycle (t: Test, kind: string, create: Record<string, any>, edits: [Record<string, unknown>, Record<string, unknown>]) {
  const id = create.id as string
  const base = `/v1/${kind}/${id}`

  const created = await client({ method: 'POST', url: `/v1/${kind}`, headers: alice.auth, body: create })
  t.equal(created.status, 201, 'created')
  t.equal(created.headers.location, base, 'Location')
  const records: Array<Record<string, unknown>> = []
  const etags: string[] = []
  const read = async () => {
    const response = await client({ method: 'GET', url: `${base}/record` })
    t.equal(response.status, 200, `version ${records.length + 1} reads`)
    records.push(response.json())
    etags.push(response.headers.etag!)
  }
  await read()
  // ETags are "<version>-<digest of the representation>": the view the create answers and the record differ in digest.
  t.equal(versionOf(etags[0]), versionOf(created.headers.etag), 'the record\'s ETag carries the version the create answered')
  t.ok((await listIds(client, kind)).includes(id), 'the new record is listed')

  for (const [n, edit] of edits.entries()) {
    const response = await patch(base, etags.at(-1), edit)
    t.equal(response.status, 200, `edit ${n + 1}: 200`)
    t.equal(versionOf(response.headers.etag), n + 2, `edit ${n + 1}: the ETag carries version ${n + 2}`)
    await read()
    t.equal(versionOf(etags.at(-1)), n + 2, `edit ${n + 1}: the record reads at version ${n + 2}`)
    t.same(Object.keys(expectedChanges(records.at(-2)!, records.at(-1)!)).sort(), Object.keys(edit).sort(), `edit ${n + 1}: only the fields it set changed`)
  }

  const deleted = await remove(base, etags.at(-1))
  t.equal(deleted.status, 204, 'the delete answers 204')
  t.equal(deleted.text, '', '... with no body')

  const revisions = await revisionsOf(client, kind, id)
  t.same(revisions.map((r) => [r.version, r.operation]), [[1, 'create'], [2, 'update'], [3, 'update'], [4, 'delete']], 'revisions: create, update, update, delete')
  t.same(revisions.map((r) => r.key_id), [alice.key.id, alice.key.id, alice.key.id, alice.key.id], 'each names the key that made it')
  const states = [null, ...records, null]
  for (const [n, revision] of revisions.entries()) {
    t.same(fieldChanges(revision), expectedChanges(states[n]!, states[n + 1]!), `version ${revision.version}: changes give each changed field before and after`)
    t.same(revision.record, states[n + 1], `version ${revision.version}: the record as it was after the change${n === 3 ? ' (null after the delete)' : ''}`)
    t.match(revision.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, `version ${revision.version}: at is an RFC 3339 instant`)
  }

  const past = await client({ method: 'GET', url: `${base}/revisions/2` })
  t.equal(past.status, 200, '/revisions/2 reads after the delete')
  t.same(past.json().record, records[1], '/revisions/2 is the record as it was at version 2')
  t.equal((await client({ method: 'GET', url: `${base}/revisions/5` })).status, 404, 'a version that never was is a 404')

  for (const url of [base, `${base}/record`]) {
    const gone = await client({ method: 'GET', url })
    t.equal(gone.status, 410, `GET ${url.replace(base, '{id}')}: 410`)
    const problem = gone.status === 410 ? gone.json() : {}
    t.equal(problem.last_revision, `${base}/revisions/4`, `GET ${url.replace(base, '{id}')}: last_revision points to the delete`)
  }
  const last = await client({ method: 'GET', url: `${base}/revisions/4` })
  t.equal(last.status, 200, 'the last revision exists')
  t.match(last.json(), { version: 4, operation: 'delete', record: null }, '... and is the delete')

  t.equal((await patch(base, etags.at(-1), { [Object.keys(edits[0])[0]!]: 'again' })).status, 410, 'a PATCH of the deleted record: 410')
  t.equal((await remove(base, etags.at(-1))).status, 410, 'a second DELETE: 410')
  t.notOk((await listIds(client, kind)).includes(id), 'the deleted record is out of the list')

  const { rows } = await changesFrom(client)
  t.same(rows.filter((c) => c.resource === kind && c.id === id).map((c) => [c.operation, c.version]),
    [['create', 1], ['update', 2], ['update', 3], ['delete', 4]], 'the change feed has the four changes, the delete as a tombstone')
}

t.test('an incident: create, two edits, delete; its history and its 410', async (t) => {
  await lifecycle(t, 'incidents', newIncident('inc_hist_life'), [
    { title: 'A corrected title' },
    { killed: { best: 5, low: 4, high: 6 }, summary: null }
  ])
})

t.test('an actor nothing refers to: create, two edits, delete; its history and its 410', async (t) => {
  await lifecycle(t, 'actors', newActor('act_hist_life', 'hist-life'), [
    { name: 'Another name' },
    { description: 'Described again.', aliases: ['Hist Life'] }
  ])
})

t.test('deleting an actor that incidents refer to is a 409 and changes nothing', async (t) => {
  const before = await footprint(client, 'actors', 'act_iskp')
  const incidents = await listIds(client, 'incidents', 'actor=iskp')
  t.ok(incidents.length > 0, 'incidents refer to ISKP')
  const response = await remove('/v1/actors/iskp', before.etag)
  t.equal(response.status, 409, '409')
  t.equal(response.json().code, 'in_use', '... in_use')
  t.same(await footprint(client, 'actors', 'act_iskp'), before, 'the same version, record, revisions and feed')
  t.equal((await client({ method: 'GET', url: '/v1/actors/iskp' })).status, 200, 'ISKP still reads')
  t.same(await listIds(client, 'incidents', 'actor=iskp'), incidents, 'the incidents still refer to it')
})

t.test('PATCH and DELETE need a current If-Match: 428 without, 412 when stale, 400 when malformed', async (t) => {
  const base = '/v1/incidents/inc_hist_preconditions'
  const created = await client({ method: 'POST', url: '/v1/incidents', headers: alice.auth, body: newIncident('inc_hist_preconditions') })
  t.equal(created.status, 201, 'created')
  const first = created.headers.etag!
  const edited = await patch(base, first, { title: 'Edited once' })
  t.equal(edited.status, 200, 'an edit with the current ETag works')
  const before = await footprint(client, 'incidents', 'inc_hist_preconditions')

  for (const [method, send] of [
    ['PATCH', (etag?: string) => patch(base, etag, { title: 'Never written' })],
    ['DELETE', (etag?: string) => remove(base, etag)]
  ] as const) {
    const missing = await send()
    t.equal(missing.status, 428, `${method} without If-Match: 428`)
    t.equal(missing.json().code, 'precondition_required', `${method} without If-Match: precondition_required`)

    const stale = await send(first)
    t.equal(stale.status, 412, `${method} with a stale If-Match: 412`)
    t.match(stale.json(), { code: 'stale_version', current_version: 2 }, `${method} with a stale If-Match: current_version says which is current`)

    for (const malformed of ['garbage', '*', '"abc"', 'W/"2-x"', '"0-abc"']) {
      const response = await send(malformed)
      t.equal(response.status, 400, `${method} with If-Match ${malformed}: 400`)
      t.match(response.status === 400 ? response.json().errors : [], [{ in: 'header', name: 'if-match' }], `${method} with If-Match ${malformed}: names if-match`)
    }
  }
  t.same(await footprint(client, 'incidents', 'inc_hist_preconditions'), before, 'none of them changed anything')
})

t.test('a PATCH that breaks a rule is refused whole, naming the field', async (t) => {
  const id = 'inc_hist_rules'
  const base = `/v1/incidents/${id}`
  const created = await client({ method: 'POST', url: '/v1/incidents', headers: alice.auth, body: newIncident(id) })
  t.equal(created.status, 201, 'created (window 2022-03-01..2022-03-01)')
  const before = await footprint(client, 'incidents', id)

  // A date outside its window is refused before the database sees it, naming the field.
  const cases: Array<[string, Record<string, unknown>, RegExp, number[]]> = [
    ['a source that does not exist', { reports: [{ source: 'src_does_not_exist', excerpt: 'Words.' }] }, /^\/reports\/0\/source$/, [422]],
    ['occurred_on after date_end', { occurred_on: '2022-04-01' }, /^\/occurred_on$/, [422]],
    ['occurred_on before date_start', { occurred_on: '2022-02-01', title: 'Also a good edit' }, /^\/occurred_on$/, [422]],
    ['date_start after occurred_on', { date_start: '2022-03-05' }, /^\/(date_start|occurred_on)$/, [422]],
    // An unknown field fails the PATCH body's own schema (a 400, like any invalid body) or the record format (422).
    ['an unknown field', { no_such_field: 'x' }, /no_such_field/, [400, 422]]
  ]
  for (const [label, body, field, statuses] of cases) {
    const response = await patch(base, before.etag, body)
    t.ok(statuses.includes(response.status), `${label}: ${statuses.join(' or ')}`, { found: response.status, wanted: statuses })
    const problem = response.status >= 400 ? response.json() : {}
    const names: string[] = (problem.errors ?? []).map((e: { name: string }) => e.name)
    t.ok(names.some((name) => field.test(name)), `${label}: the problem names the field`, { found: names, wanted: field })
  }
  t.same(await footprint(client, 'incidents', id), before, 'the version, record, revisions and feed are unchanged')
})

t.test('updated_since lists only what was written at or after the instant', async (t) => {
  const since = async (instant: Date) => (await listIds(client, 'incidents', `updated_since=${instant.toISOString()}`)).sort()
  // Instants are taken between writes, a few milliseconds apart from them: updated_at is the writing transaction's
  // start, on the same clock.
  await sleep(5)
  const t0 = new Date()
  await sleep(5)
  t.same(await since(t0), [], 'nothing written since t0 yet')

  const created = await client({ method: 'POST', url: '/v1/incidents', headers: alice.auth, body: newIncident('inc_hist_since') })
  t.equal(created.status, 201, 'an incident created after t0')
  const seeded = 'inc_2021_10_kandahar_mosque_bombing'
  const seededRecord = await client({ method: 'GET', url: `/v1/incidents/${seeded}/record` })
  t.equal((await patch(`/v1/incidents/${seeded}`, seededRecord.headers.etag, { title: 'Kandahar mosque bombing, retitled' })).status, 200, 'a seeded incident edited after t0')
  await sleep(5)
  const t1 = new Date()
  await sleep(5)

  t.same(await since(t0), ['inc_hist_since', seeded].sort(), 'since t0: exactly the created and the edited incident')
  t.same(await since(t1), [], 'since t1: nothing')

  const again = await client({ method: 'GET', url: '/v1/incidents/inc_hist_since/record' })
  t.equal((await patch('/v1/incidents/inc_hist_since', again.headers.etag, { title: 'Edited after t1' })).status, 200, 'the new incident edited after t1')
  t.same(await since(t1), ['inc_hist_since'], 'since t1: only it')
  t.same(await since(t0), ['inc_hist_since', seeded].sort(), 'since t0: still both')

  const last = await client({ method: 'GET', url: '/v1/incidents/inc_hist_since/record' })
  t.equal((await remove('/v1/incidents/inc_hist_since', last.headers.etag)).status, 204, 'then deleted')
  t.same(await since(t1), [], 'a deleted incident is not listed (the change feed carries its tombstone)')
  t.same(await since(t0), [seeded], 'since t0: the edited seeded incident')
  const all = await listIds(client, 'incidents')
  t.ok(all.length > 2, 'without updated_since every incident is listed')
})
