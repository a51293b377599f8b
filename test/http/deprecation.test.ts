/** Deprecated operations announce themselves: Deprecation and Sunset headers, and deprecated: true in the spec. */
import { Type } from '@sinclair/typebox'
import t from 'tap'
import { buildApp } from '../../src/app.ts'

t.test('a deprecated operation sends Deprecation and Sunset headers and is marked in the OpenAPI document', async (t) => {
  const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] })
  t.teardown(() => app.close())
  app.get('/v1/old-thing', {
    schema: { operationId: 'getOldThing', deprecated: true, response: { 200: Type.Object({ ok: Type.Boolean() }) } },
    config: { deprecation: { since: new Date('2026-01-01T00:00:00Z'), sunset: new Date('2026-07-01T00:00:00Z'), link: 'https://example.org/changelog' } }
  }, async () => ({ ok: true }))
  await app.ready()

  const res = await app.inject('/v1/old-thing')
  t.equal(res.statusCode, 200)
  t.equal(res.headers.deprecation, '@1767225600', 'RFC 9745: @ followed by the Unix time of deprecation')
  t.equal(res.headers.sunset, 'Wed, 01 Jul 2026 00:00:00 GMT', 'RFC 8594: an HTTP date')
  t.match(String(res.headers.link), '<https://example.org/changelog>; rel="deprecation"')
  t.equal((app.swagger() as any).paths['/v1/old-thing'].get.deprecated, true)

  const current = await app.inject('/openapi.json')
  t.equal(current.statusCode, 200)
  t.equal(current.headers.deprecation, undefined, 'operations that are not deprecated carry no such header')
})
