/**
 * Idempotency-Key on POST: a retry with the same key and body gets the very response the first request got (status,
 * Location, ETag, body bytes) and creates nothing; the same key with another body is a 422; keys are per API key;
 * racing retries create one record and all get the same 201; without the header a second create of an id is a 409.
 */
import t, { type Test } from 'tap'
import { buildTestApp } from '../helper.ts'
import {
  changesFrom, injectClient, listenerClient, newIncident, newSource, onPostgres, revisionsOf, statusCounts, writer,
  type Client, type Received
} from './support.ts'

const { app, database } = await buildTestApp(t)
const client = injectClient(app)
const alice = await writer(database, 'alice')
const bob = await writer(database, 'bob')

/** What a replay must repeat exactly. */
function replayed (response: Received) {
  return {
    status: response.status,
    location: response.headers.location,
    etag: response.headers.etag,
    contentType: response.headers['content-type'],
    body: response.text
  }
}

/** The record was written once: one revision (a create) and one row in the change feed. */
async function createdOnce (t: Test, client: Client, kind: string, id: string) {
  const revisions = await revisionsOf(client, kind, id)
  t.same(revisions.map((r) => [r.version, r.operation]), [[1, 'create']], `${id}: exactly one revision, the create`)
  const { rows } = await changesFrom(client)
  t.same(rows.filter((c) => c.resource === kind && c.id === id).map((c) => [c.version, c.operation]), [[1, 'create']], `${id}: exactly one change row`)
}

t.test('a retry with the same key and body replays the first response and creates nothing', async (t) => {
  const body = newIncident('inc_idem_retry')
  const headers = { ...alice.auth, 'idempotency-key': 'retry-1' }
  const first = await client({ method: 'POST', url: '/v1/incidents', headers, body })
  t.equal(first.status, 201, 'the first request creates')
  t.equal(first.headers.location, '/v1/incidents/inc_idem_retry', 'Location')
  t.match(first.headers.etag, /^"1-[A-Za-z0-9_-]+"$/, 'ETag of version 1')

  for (let attempt = 1; attempt <= 3; attempt++) {
    const retry = await client({ method: 'POST', url: '/v1/incidents', headers, body })
    t.same(replayed(retry), replayed(first), `retry ${attempt}: the same status, Location, ETag, content type and body bytes`)
  }
  const read = await client({ method: 'GET', url: '/v1/incidents/inc_idem_retry/record' })
  t.equal(read.headers.etag?.split('-')[0], '"1', 'still at version 1')
  await createdOnce(t, client, 'incidents', 'inc_idem_retry')
})

// JSON objects are unordered (RFC 8259): a client that serializes its retry with the fields in another order sends
// the same request: the API hashes the body with its keys sorted (src/core/idempotency.ts requestHash).
t.test('a retry of the same record with its fields in another order replays too', async (t) => {
  const body = newSource('src_idem_reordered')
  const headers = { ...alice.auth, 'idempotency-key': 'reordered-1' }
  const first = await client({ method: 'POST', url: '/v1/sources', headers, body })
  t.equal(first.status, 201, 'the first request creates')
  const reordered = Object.fromEntries(Object.entries(body).reverse())
  const retry = await client({ method: 'POST', url: '/v1/sources', headers, body: reordered })
  t.same(replayed(retry), replayed(first), 'the same status, headers and body bytes')
  await createdOnce(t, client, 'sources', 'src_idem_reordered')
})

t.test('the same key with another body is a 422 naming idempotency-key, and writes nothing', async (t) => {
  const headers = { ...alice.auth, 'idempotency-key': 'reuse-1' }
  const first = await client({ method: 'POST', url: '/v1/sources', headers, body: newSource('src_idem_reuse_a') })
  t.equal(first.status, 201, 'the first request creates')

  for (const [label, other] of [
    ['another record', newSource('src_idem_reuse_b')],
    ['the same id with another title', newSource('src_idem_reuse_a', 'Another title')]
  ] as const) {
    const response = await client({ method: 'POST', url: '/v1/sources', headers, body: other })
    t.equal(response.status, 422, `${label}: 422`)
    t.match(response.headers['content-type'], /^application\/problem\+json/, `${label}: a problem`)
    const problem = response.json()
    t.match(problem.errors, [{ in: 'header', name: 'idempotency-key' }], `${label}: names idempotency-key`)
  }
  t.equal((await client({ method: 'GET', url: '/v1/sources/src_idem_reuse_b' })).status, 404, 'the other record was not created')
  const a = await client({ method: 'GET', url: '/v1/sources/src_idem_reuse_a/record' })
  t.equal(a.json().title, 'Source src_idem_reuse_a', 'the first record is unchanged')
  await createdOnce(t, client, 'sources', 'src_idem_reuse_a')

  const again = await client({ method: 'POST', url: '/v1/sources', headers, body: newSource('src_idem_reuse_a') })
  t.same(replayed(again), replayed(first), 'the original request still replays after the refused ones')
})

t.test('a key is per API key: another API key with the same Idempotency-Key is independent', async (t) => {
  const key = 'shared-key-1'
  const body = newIncident('inc_idem_alice')
  const alices = await client({ method: 'POST', url: '/v1/incidents', headers: { ...alice.auth, 'idempotency-key': key }, body })
  t.equal(alices.status, 201, 'alice creates')

  const bobSame = await client({ method: 'POST', url: '/v1/incidents', headers: { ...bob.auth, 'idempotency-key': key }, body })
  t.equal(bobSame.status, 409, 'bob sending alice\'s request under the same key gets no replay of hers: the id exists, 409')
  t.equal(bobSame.json().code, 'already_exists', '... already_exists')

  const bobsBody = newIncident('inc_idem_bob')
  const bobs = await client({ method: 'POST', url: '/v1/incidents', headers: { ...bob.auth, 'idempotency-key': key }, body: bobsBody })
  t.equal(bobs.status, 201, 'bob\'s own request under the same key creates (his refused 409 was not kept)')
  t.equal(bobs.headers.location, '/v1/incidents/inc_idem_bob', 'his record')
  t.same(replayed(await client({ method: 'POST', url: '/v1/incidents', headers: { ...bob.auth, 'idempotency-key': key }, body: bobsBody })), replayed(bobs), 'bob\'s retry replays his response')
  t.same(replayed(await client({ method: 'POST', url: '/v1/incidents', headers: { ...alice.auth, 'idempotency-key': key }, body })), replayed(alices), 'alice\'s retry still replays hers')

  const revisions = await revisionsOf(client, 'incidents', 'inc_idem_bob')
  t.equal(revisions[0]?.key_id, bob.key.id, 'bob\'s record was made with his key')
  await createdOnce(t, client, 'incidents', 'inc_idem_alice')
  await createdOnce(t, client, 'incidents', 'inc_idem_bob')
})

t.test('racing retries create exactly one record and all get the same 201', async (t) => {
  const racers = 20
  const ways: Array<[string, Client]> = onPostgres ? [['listener', await listenerClient(app)], ['inject', client]] : [['inject', client]]
  for (const [via, racer] of ways) {
    const id = `inc_idem_race_${via}`
    const body = newIncident(id)
    const headers = { ...alice.auth, 'idempotency-key': `race-${via}` }
    const responses = await Promise.all(Array.from({ length: racers }, () => racer({ method: 'POST', url: '/v1/incidents', headers, body })))
    t.same(statusCounts(responses), { 201: racers }, `${via}: every racer gets 201`)
    const first = replayed(responses[0]!)
    t.equal(first.location, `/v1/incidents/${id}`, `${via}: Location`)
    const different = responses.filter((r) => JSON.stringify(replayed(r)) !== JSON.stringify(first))
    t.equal(different.length, 0, `${via}: all ${racers} responses are identical (status, Location, ETag, body bytes)`)
    await createdOnce(t, client, 'incidents', id)
  }
})

t.test('without Idempotency-Key, a second POST of the same id is a 409', async (t) => {
  const body = newSource('src_idem_none')
  const first = await client({ method: 'POST', url: '/v1/sources', headers: alice.auth, body })
  t.equal(first.status, 201, 'the first creates')
  const second = await client({ method: 'POST', url: '/v1/sources', headers: alice.auth, body })
  t.equal(second.status, 409, 'the second is a conflict')
  t.equal(second.json().code, 'already_exists', '... already_exists')

  const otherKey = await client({ method: 'POST', url: '/v1/sources', headers: { ...alice.auth, 'idempotency-key': 'fresh-1' }, body })
  t.equal(otherKey.status, 409, 'a new Idempotency-Key does not make a second create of the same id succeed')
  await createdOnce(t, client, 'sources', 'src_idem_none')
})
