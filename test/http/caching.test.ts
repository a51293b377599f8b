/** HTTP behaviour clients rely on: ETag and 304, Cache-Control, CORS, compression, HEAD. */
import { gunzipSync } from 'node:zlib'
import t from 'tap'
import { buildApp } from '../../src/app.ts'
import { buildTestApp } from '../helper.ts'

t.test('HTTP for clients', async (t) => {
  const { app } = await buildTestApp(t)

  t.test('every GET carries an ETag, and If-None-Match gives 304 with no body', async (t) => {
    for (const url of ['/v1/incidents', '/v1/actors/iskp', '/v1/provinces', '/openapi.json']) {
      const first = await app.inject({ method: 'GET', url })
      t.equal(first.statusCode, 200, url)
      const tag = first.headers.etag as string
      t.match(tag, /^"[^"]+"$/, `${url} has a strong ETag`)
      const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': tag } })
      t.equal(again.statusCode, 304, `${url} revalidates to 304`)
      t.equal(again.body, '', 'a 304 has no body')
      const changed = await app.inject({ method: 'GET', url, headers: { 'if-none-match': '"stale"' } })
      t.equal(changed.statusCode, 200, 'a stale tag gets the full response')
    }
  })

  t.test('reads are cacheable, errors are not', async (t) => {
    const ok = await app.inject('/v1/incidents?limit=1')
    t.equal(ok.headers['cache-control'], 'public, max-age=60, must-revalidate')
    const bad = await app.inject('/v1/incidents?limit=0')
    t.equal(bad.statusCode, 400)
    t.equal(bad.headers['cache-control'], 'no-store')
  })

  t.test('CORS lets browser apps read responses and the Link header', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/v1/incidents?limit=1', headers: { origin: 'https://example.org' } })
    t.equal(res.headers['access-control-allow-origin'], '*')
    t.match(String(res.headers['access-control-expose-headers']), /Link/)
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/v1/incidents',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' }
    })
    t.equal(preflight.statusCode, 204)
    t.match(String(preflight.headers['access-control-allow-methods']), /GET/)
  })

  t.test('large responses are compressed when the client accepts it', async (t) => {
    const plain = await app.inject({ method: 'GET', url: '/v1/incidents?limit=500' })
    const res = await app.inject({ method: 'GET', url: '/v1/incidents?limit=500', headers: { 'accept-encoding': 'gzip' } })
    t.equal(res.headers['content-encoding'], 'gzip')
    const body = JSON.parse(gunzipSync(res.rawPayload).toString('utf8'))
    t.same(body, JSON.parse(plain.body), 'the decompressed body is the same document')
    t.ok(res.rawPayload.length < plain.rawPayload.length, 'and smaller')
  })

  t.test('with compression off (a proxy compresses), the same request is answered uncompressed', async (t) => {
    const plain = await app.inject({ method: 'GET', url: '/v1/incidents?limit=500' })
    const off = await buildApp({ logLevel: 'silent', corsOrigins: ['*'], compression: false }, { database: app.dbHandle, closeDatabase: false })
    t.teardown(() => off.close())
    const res = await off.inject({ method: 'GET', url: '/v1/incidents?limit=500', headers: { 'accept-encoding': 'br, gzip' } })
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-encoding'], undefined, 'no Content-Encoding')
    t.equal(res.body, plain.body, 'the same bytes as without Accept-Encoding')
  })

  t.test('HEAD answers like GET without a body', async (t) => {
    const get = await app.inject({ method: 'GET', url: '/v1/incidents?limit=2' })
    const head = await app.inject({ method: 'HEAD', url: '/v1/incidents?limit=2' })
    t.equal(head.statusCode, 200)
    t.equal(head.body, '')
    t.equal(head.headers['content-type'], get.headers['content-type'])
    t.equal(head.headers.etag, get.headers.etag)
    const missing = await app.inject({ method: 'HEAD', url: '/v1/incidents/inc_missing' })
    t.equal(missing.statusCode, 404)
  })

  t.test('an error is never answered 304, even when it repeats itself', async (t) => {
    const first = await app.inject({ method: 'GET', url: '/v1/incidents/inc_nope' })
    t.equal(first.statusCode, 404)
    const again = await app.inject({ method: 'GET', url: '/v1/incidents/inc_nope', headers: { 'if-none-match': String(first.headers.etag) } })
    t.equal(again.statusCode, 404, 'still the 404 with its problem body')
    t.match(again.headers['content-type'], /problem\+json/)
  })

  t.test('an item carries its version in its ETag, and revalidates to 304', async (t) => {
    const item = await app.inject({ method: 'GET', url: '/v1/incidents/inc_2021_09_jalalabad_blasts' })
    t.match(item.headers.etag, /^"1-[A-Za-z0-9_-]+"$/, 'version 1 of the record')
    const again = await app.inject({ method: 'GET', url: '/v1/incidents/inc_2021_09_jalalabad_blasts', headers: { 'if-none-match': String(item.headers.etag) } })
    t.equal(again.statusCode, 304)
  })
})
