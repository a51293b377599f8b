/** Keys over HTTP: 401 and 403 problems with WWW-Authenticate, the admin endpoints, write scope, and reads that stay public. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.ts'
import { createKey, revokeKey, type IssuedKey } from '../../src/core/keys/index.ts'
import { createTestDatabase } from '../helper.ts'

const database = await createTestDatabase(t)
const app: FastifyInstance = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] }, { database: database.handle, closeDatabase: false })
// A stand-in for the record write routes: any route that names `write` is guarded the same way.
app.post('/v1/test-writes', { config: { scope: 'write' }, schema: { hide: true } }, async (request) => ({ key: request.apiKey }))
t.teardown(() => app.close())
await app.ready()

const db = database.handle.db
const admin = await createKey(db, { name: 'ops', scopes: ['admin'] })
const writer = await createKey(db, { name: 'importer', scopes: ['write'] })
const both = await createKey(db, { name: 'both', scopes: ['write', 'admin'] })
const revoked = await createKey(db, { name: 'gone', scopes: ['write', 'admin'] })
await revokeKey(db, revoked.id)

const bearer = (key: IssuedKey | string) => ({ authorization: `Bearer ${typeof key === 'string' ? key : key.key}` })

function problemOf (t: Test, response: LightMyRequestResponse, status: number, code: string) {
  t.equal(response.statusCode, status, `status ${status}`)
  t.match(response.headers['content-type'], /^application\/problem\+json/, 'problem+json')
  const body = response.json()
  t.equal(body.status, status, 'body status')
  t.equal(body.code, code, `code ${code}`)
  t.equal(body.type, `/problems/${code}`, 'type names the code')
  t.equal(response.headers['cache-control'], 'no-store', 'never cached')
  return body
}

const guarded = [
  { method: 'GET', url: '/v1/keys' },
  { method: 'POST', url: '/v1/keys', payload: { name: 'x', scopes: ['write'] } },
  { method: 'GET', url: `/v1/keys/${writer.id}` },
  { method: 'DELETE', url: `/v1/keys/${writer.id}` },
  { method: 'POST', url: '/v1/test-writes', payload: {} }
] as const

t.test('401 without a valid key, with WWW-Authenticate: Bearer realm="v1"', async (t) => {
  const bad: Array<[string, Record<string, string>]> = [
    ['no Authorization header', {}],
    ['an empty header', { authorization: '' }],
    ['Bearer and nothing', { authorization: 'Bearer ' }],
    ['another scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
    ['the key without a scheme', { authorization: admin.key }],
    ['garbage', bearer('garbage')],
    ['a well-formed key that was never issued', bearer(`apv_ffffffffffffffff_${'A'.repeat(43)}`)],
    ['a real id with a wrong secret', bearer(`apv_${admin.id}_${'A'.repeat(43)}`)],
    ['a truncated key', bearer(admin.key.slice(0, -1))],
    ['a revoked key', bearer(revoked)]
  ]
  for (const route of guarded) {
    for (const [label, headers] of bad) {
      const response = await app.inject({ ...route, headers })
      const body = problemOf(t, response, 401, 'unauthorized')
      t.match(String(response.headers['www-authenticate']), /^Bearer realm="v1"/, `${route.method} ${route.url}, ${label}: 401 with WWW-Authenticate`)
      t.equal(body.title, 'Unauthorized')
      t.equal(body.instance, route.url)
    }
  }
  const none = await app.inject({ method: 'GET', url: '/v1/keys' })
  t.equal(none.headers['www-authenticate'], 'Bearer realm="v1"', 'no key: the plain challenge')
  t.match(none.json().detail, 'Authorization: Bearer <key>', 'the detail says what to send')
  const invalid = await app.inject({ method: 'GET', url: '/v1/keys', headers: bearer('garbage') })
  t.equal(invalid.headers['www-authenticate'], 'Bearer realm="v1", error="invalid_token"', 'a refused key: error="invalid_token" (RFC 6750)')
})

t.test('the key is checked before the body: no key and a bad body is still a 401', async (t) => {
  const response = await app.inject({ method: 'POST', url: '/v1/keys', payload: { nonsense: true } })
  problemOf(t, response, 401, 'unauthorized')
  const notJson = await app.inject({ method: 'POST', url: '/v1/keys', headers: { 'content-type': 'application/json' }, payload: '{' })
  problemOf(t, notJson, 401, 'unauthorized')
})

t.test('403 with a valid key that lacks the scope, naming the scope needed', async (t) => {
  for (const route of guarded.filter((r) => r.url.startsWith('/v1/keys'))) {
    const body = problemOf(t, await app.inject({ ...route, headers: bearer(writer) }), 403, 'forbidden')
    t.match(body.detail, '`admin` scope', `${route.method} ${route.url} with a write key: the detail names admin`)
  }
  const response = await app.inject({ method: 'POST', url: '/v1/test-writes', headers: bearer(admin), payload: {} })
  const body = problemOf(t, response, 403, 'forbidden')
  t.match(body.detail, '`write` scope', 'an admin-only key cannot write: admin does not imply write')
  t.equal(response.headers['www-authenticate'], 'Bearer realm="v1", error="insufficient_scope", scope="write"', 'RFC 6750 insufficient_scope')
})

t.test('a write route takes a write key and knows which key it was', async (t) => {
  for (const key of [writer, both]) {
    const response = await app.inject({ method: 'POST', url: '/v1/test-writes', headers: bearer(key), payload: {} })
    t.equal(response.statusCode, 200, `${key.name}: 200`)
    t.same(response.json().key, { id: key.id, name: key.name, scopes: key.scopes }, 'request.apiKey is the key, without secrets')
  }
  const lower = await app.inject({ method: 'POST', url: '/v1/test-writes', headers: { authorization: `bearer ${writer.key}` }, payload: {} })
  t.equal(lower.statusCode, 200, 'the scheme name is case-insensitive')
})

t.test('listKeys, createKey, getKey and revokeKey with an admin key', async (t) => {
  const list = await app.inject({ method: 'GET', url: '/v1/keys', headers: bearer(admin) })
  t.equal(list.statusCode, 200, 'listKeys: 200')
  t.equal(list.headers['cache-control'], 'no-store', 'listKeys: never cached')
  const listed = list.json().data as Array<Record<string, unknown>>
  t.same(listed.map((k) => k.id).sort(), [admin.id, writer.id, both.id, revoked.id].sort(), 'every key, revoked ones included')
  t.equal(listed.find((k) => k.id === revoked.id)?.revoked_at !== null, true, 'a revoked key shows revoked_at')
  for (const key of [admin, writer, both, revoked]) t.notOk(list.body.includes(key.key.slice(-43)), `${key.name}: its secret is not in the list`)
  t.notOk(/hash/.test(list.body), 'no hash field')
  const revalidated = await app.inject({ method: 'GET', url: '/v1/keys', headers: { ...bearer(admin), 'if-none-match': String(list.headers.etag) } })
  t.equal(revalidated.statusCode, 304, 'listKeys revalidated with its own ETag: 304, as every GET')

  const created = await app.inject({ method: 'POST', url: '/v1/keys', headers: bearer(both), payload: { name: 'new importer', scopes: ['write'] } })
  t.equal(created.statusCode, 201, 'createKey: 201')
  const issued = created.json()
  t.same(Object.keys(issued).sort(), ['created_at', 'id', 'key', 'name', 'scopes'])
  t.equal(created.headers.location, `/v1/keys/${issued.id}`, 'Location names the new key')
  t.equal(created.headers['cache-control'], 'no-store', 'the new key is never cached')
  const fetched = await app.inject({ method: 'GET', url: created.headers.location as string, headers: bearer(admin) })
  t.equal(fetched.statusCode, 200, 'getKey at the Location: 200')
  t.same(fetched.json(), { id: issued.id, name: 'new importer', scopes: ['write'], created_at: issued.created_at, revoked_at: null }, 'the key, without the key itself')
  const used = await app.inject({ method: 'POST', url: '/v1/test-writes', headers: bearer(issued.key), payload: {} })
  t.equal(used.statusCode, 200, 'the new key writes at once')
  const again = await app.inject({ method: 'GET', url: '/v1/keys', headers: bearer(admin) })
  t.notOk(again.body.includes(issued.key), 'the list never shows the key again')

  const gone = await app.inject({ method: 'DELETE', url: `/v1/keys/${issued.id}`, headers: bearer(admin) })
  t.equal(gone.statusCode, 204, 'revokeKey: 204')
  t.equal(gone.body, '', 'no body')
  const refused = await app.inject({ method: 'POST', url: '/v1/test-writes', headers: bearer(issued.key), payload: {} })
  problemOf(t, refused, 401, 'unauthorized')
  const twice = await app.inject({ method: 'DELETE', url: `/v1/keys/${issued.id}`, headers: bearer(admin) })
  t.equal(twice.statusCode, 204, 'revoking again: 204')
  t.type((await app.inject({ method: 'GET', url: `/v1/keys/${issued.id}`, headers: bearer(admin) })).json().revoked_at, 'string', 'getKey shows revoked_at')

  for (const id of ['0000000000000000', 'no-such-key']) {
    for (const method of ['GET', 'DELETE'] as const) {
      const body = problemOf(t, await app.inject({ method, url: `/v1/keys/${id}`, headers: bearer(admin) }), 404, 'not_found')
      t.match(body.detail, id, `${method} unknown ${id}: 404 naming it`)
    }
  }
})

t.test('createKey: an invalid body is a 400 naming the body field', async (t) => {
  const cases: Array<[string, unknown, string]> = [
    ['no name', { scopes: ['write'] }, 'name'],
    ['an empty name', { name: '', scopes: ['write'] }, 'name'],
    ['a blank name', { name: '   ', scopes: ['write'] }, 'name'],
    ['a name with a newline', { name: 'a\nb', scopes: ['write'] }, 'name'],
    ['a 101-character name', { name: 'n'.repeat(101), scopes: ['write'] }, 'name'],
    ['no scopes', { name: 'x' }, 'scopes'],
    ['empty scopes', { name: 'x', scopes: [] }, 'scopes'],
    ['an unknown scope', { name: 'x', scopes: ['read'] }, 'scopes'],
    ['a repeated scope', { name: 'x', scopes: ['write', 'write'] }, 'scopes'],
    ['scopes as a string', { name: 'x', scopes: 'write' }, 'scopes'],
    ['an unknown property', { name: 'x', scopes: ['write'], expires: '2030-01-01' }, 'expires'],
    ['a hash smuggled in', { name: 'x', scopes: ['write'], hash: 'abc' }, 'hash']
  ]
  for (const [label, payload, field] of cases) {
    const response = await app.inject({ method: 'POST', url: '/v1/keys', headers: bearer(admin), payload: payload as object })
    const body = problemOf(t, response, 400, 'invalid_parameter')
    t.ok(body.errors?.some((e: { in: string, name: string }) => e.in === 'body' && e.name === field),
      `${label}: 400 naming body ${field} (${JSON.stringify(body.errors)})`)
  }
})

t.test('createKey: a body too large or not JSON is a documented 413 or 415 problem', async (t) => {
  const large = await app.inject({ method: 'POST', url: '/v1/keys', headers: { ...bearer(admin), 'content-type': 'application/json' }, payload: `{"name":"${'x'.repeat(1_100_000)}"}` })
  problemOf(t, large, 413, 'ctp_body_too_large')
  for (const contentType of ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const response = await app.inject({ method: 'POST', url: '/v1/keys', headers: { ...bearer(admin), 'content-type': contentType }, payload: 'name=x' })
    problemOf(t, response, 415, 'ctp_invalid_media_type')
  }
})

t.test('reads stay public: no key needed, and a bad Authorization header is ignored', async (t) => {
  const listed = await app.inject({ method: 'GET', url: '/v1/incidents?limit=1' })
  t.equal(listed.statusCode, 200, 'GET /v1/incidents without a key: 200')
  database.queries.length = 0
  for (const authorization of ['garbage', 'Bearer garbage', `Bearer ${revoked.key}`, 'Basic Zm9vOmJhcg==']) {
    const response = await app.inject({ method: 'GET', url: '/v1/incidents?limit=1', headers: { authorization } })
    t.equal(response.statusCode, 200, `GET /v1/incidents with Authorization: ${authorization.slice(0, 20)}: 200`)
    t.equal(response.body, listed.body, '... the same body')
    t.equal(response.headers['www-authenticate'], undefined, '... and no challenge')
  }
  t.notOk(database.queries.some((q) => q.includes('api_keys')), 'public reads never look keys up')
  const provinces = await app.inject({ method: 'GET', url: '/v1/provinces', headers: { authorization: 'Bearer garbage' } })
  t.equal(provinces.statusCode, 200, 'GET /v1/provinces with a garbage key: 200')
})
