/** nosniff on every response (API, docs, errors, 404s); a Content-Security-Policy on /docs only; CORS for the API unharmed. */
import t from 'tap'
import { buildApp } from '../../src/app.ts'
import { docsCSP } from '../../src/plugins/openapi.ts'
import { createTestDatabase } from '../helper.ts'

const database = await createTestDatabase(t, { seed: false })
const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] }, { database: database.handle, closeDatabase: false })
t.teardown(() => app.close())
await app.ready()

const origin = { origin: 'https://example.org' }

t.test('X-Content-Type-Options: nosniff on every kind of response', async (t) => {
  const provinces = await app.inject('/v1/provinces')
  const requests = [
    ['API JSON', { url: '/v1/provinces', headers: origin }, 200],
    ['API HEAD', { method: 'HEAD' as const, url: '/v1/provinces' }, 200],
    ['API 304', { url: '/v1/provinces', headers: { 'if-none-match': String(provinces.headers.etag) } }, 304],
    ['API 400', { url: '/v1/incidents?limit=0' }, 400],
    ['API 404 item', { url: '/v1/incidents/inc_nothing' }, 404],
    ['unknown path', { url: '/nothing/here' }, 404],
    ['405', { method: 'PUT' as const, url: '/v1/provinces' }, 405],
    ['401', { method: 'POST' as const, url: '/v1/incidents', payload: {} }, 401],
    ['malformed URL (before routing)', { url: '/v1/%zz' }, 400],
    ['CORS preflight', { method: 'OPTIONS' as const, url: '/v1/incidents', headers: { ...origin, 'access-control-request-method': 'GET' } }, 204],
    ['OpenAPI document', { url: '/openapi.json' }, 200],
    ['Swagger UI page', { url: '/docs' }, 200],
    ['Swagger UI asset', { url: '/docs/static/swagger-ui-bundle.js' }, 200],
    ['Swagger UI document', { url: '/docs/json' }, 200],
    ['Swagger UI missing asset', { url: '/docs/static/nothing.js' }, 404],
    ['health', { url: '/health/live' }, 200],
    ['metrics', { url: '/metrics' }, 200]
  ] as const
  for (const [label, request, status] of requests) {
    const response = await app.inject(request)
    t.equal(response.statusCode, status, `${label}: ${status}`)
    t.equal(response.headers['x-content-type-options'], 'nosniff', `${label}: nosniff`)
  }
})

t.test('Swagger UI has a Content-Security-Policy that allows only this origin; the API has none', async (t) => {
  for (const url of ['/docs', '/docs/', '/docs/static/index.css', '/docs/static/swagger-initializer.js']) {
    const response = await app.inject(url)
    t.equal(response.statusCode, 200, url)
    t.equal(response.headers['content-security-policy'], docsCSP, `${url}: the docs CSP`)
  }
  t.match(docsCSP, /script-src 'self'(;|$)/, 'scripts from this origin only: no inline script, no eval')
  t.match(docsCSP, /frame-ancestors 'none'/, 'not framed')
  t.notMatch(docsCSP, /upgrade-insecure-requests/, 'still works over plain http')
  const page = (await app.inject('/docs')).body
  t.notMatch(page, /<script>[^<]/, 'the page has no inline script the policy would block')
  for (const url of ['/v1/provinces', '/openapi.json', '/v1/nothing']) {
    t.equal((await app.inject(url)).headers['content-security-policy'], undefined, `${url}: no CSP`)
  }
})

t.test('CORS for the API is untouched: no header that would stop a browser app reading responses', async (t) => {
  for (const url of ['/v1/provinces', '/v1/incidents?limit=0', '/v1/nothing']) {
    const response = await app.inject({ url, headers: origin })
    t.equal(response.headers['access-control-allow-origin'], '*', `${url}: Access-Control-Allow-Origin`)
    for (const header of ['cross-origin-resource-policy', 'cross-origin-embedder-policy', 'cross-origin-opener-policy', 'strict-transport-security']) {
      t.equal(response.headers[header], undefined, `${url}: no ${header}`)
    }
  }
})
