/** Behind a proxy: with TRUST_PROXY the Link header names the public host and scheme; without it, X-Forwarded-* is ignored. */
import t from 'tap'
import { buildApp } from '../../src/app.ts'
import { createTestDatabase } from '../helper.ts'

t.test('Link headers carry the public host only when the proxy is trusted', async (t) => {
  const { handle } = await createTestDatabase(t)
  const forwarded = { 'x-forwarded-host': 'api.example.org', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' }
  for (const [trustProxy, expected] of [[true, 'https://api.example.org/v1/incidents?'], [false, 'http://localhost/v1/incidents?']] as const) {
    const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'], trustProxy }, { database: handle, closeDatabase: false })
    t.teardown(() => app.close())
    const response = await app.inject({ url: '/v1/incidents?limit=2', headers: { host: 'localhost', ...forwarded } })
    t.equal(response.statusCode, 200)
    const link = String(response.headers.link)
    t.ok(link.startsWith(`<${expected}`), `trustProxy ${trustProxy}: ${link}`)
    t.match(link, /rel="next"/)
  }
})
