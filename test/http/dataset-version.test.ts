/** Dataset-Version on every kind of response, CORS lets browsers read it, and the OpenAPI document states it. */
import { request as httpRequest } from 'node:http'
import t from 'tap'
import { buildApp } from '../../src/app.ts'
import { citationLine, datasetRelease } from '../../src/release/dataset-release.ts'
import { createTestDatabase } from '../helper.ts'

const database = await createTestDatabase(t, { seed: false })
const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] }, { database: database.handle, closeDatabase: false })
t.teardown(() => app.close())
await app.ready()

const version = datasetRelease.version

t.test('the release version is a calendar version', async (t) => {
  t.match(version, /^\d{4}\.\d{1,2}\.\d+$/)
})

t.test('Dataset-Version on every kind of response', async (t) => {
  const provinces = await app.inject('/v1/provinces')
  const requests = [
    ['API JSON', { url: '/v1/provinces' }, 200],
    ['API HEAD', { method: 'HEAD' as const, url: '/v1/provinces' }, 200],
    ['API 304', { url: '/v1/provinces', headers: { 'if-none-match': String(provinces.headers.etag) } }, 304],
    ['API 400', { url: '/v1/incidents?limit=0' }, 400],
    ['API 404 item', { url: '/v1/incidents/inc_nothing' }, 404],
    ['unknown path', { url: '/nothing/here' }, 404],
    ['405', { method: 'PUT' as const, url: '/v1/provinces' }, 405],
    ['401', { method: 'POST' as const, url: '/v1/incidents', payload: {} }, 401],
    ['malformed URL (before routing)', { url: '/v1/%zz' }, 400],
    ['CORS preflight', { method: 'OPTIONS' as const, url: '/v1/incidents', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' } }, 204],
    ['OpenAPI document', { url: '/openapi.json' }, 200],
    ['Swagger UI page', { url: '/docs' }, 200],
    ['Swagger UI asset', { url: '/docs/static/swagger-ui-bundle.js' }, 200],
    ['redirect to the docs', { url: '/' }, 302],
    ['health', { url: '/health/live' }, 200],
    ['metrics', { url: '/metrics' }, 200]
  ] as const
  for (const [label, request, status] of requests) {
    const response = await app.inject(request)
    t.equal(response.statusCode, status, `${label}: ${status}`)
    t.equal(response.headers['dataset-version'], version, `${label}: Dataset-Version ${version}`)
  }
})

t.test('a request the HTTP parser refuses gets it too', async (t) => {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path: '/v1/provinces', headers: { 'x-big': 'a'.repeat(20_000) } }, (response) => {
      response.resume()
      resolve({ status: response.statusCode, version: response.headers['dataset-version'] })
    })
    request.on('error', reject)
    request.end()
  })
  t.same(headers, { status: 431, version })
})

t.test('browsers may read it across origins', async (t) => {
  const response = await app.inject({ url: '/v1/provinces', headers: { origin: 'https://example.org' } })
  t.match(String(response.headers['access-control-expose-headers']), /\bDataset-Version\b/)
})

t.test('the OpenAPI document: info.x-dataset-version, the citation line, and the header on every response', async (t) => {
  const document = app.swagger() as Record<string, any>
  t.equal(document.info['x-dataset-version'], version)
  t.ok(document.info.description.includes(citationLine()), 'info.description has the citation line')
  t.match(document.info.description, `release **${version}**`)
  t.same(document.components.headers.DatasetVersion.schema, { type: 'string', examples: [version] })
  let responses = 0
  for (const [path, item] of Object.entries<Record<string, any>>(document.paths)) {
    for (const [method, operation] of Object.entries<Record<string, any>>(item)) {
      for (const [status, response] of Object.entries<Record<string, any>>(operation.responses)) {
        responses++
        if (response.headers?.['Dataset-Version']?.$ref !== '#/components/headers/DatasetVersion') t.fail(`${method} ${path} ${status}: no Dataset-Version header`)
      }
    }
  }
  t.ok(responses > 100, `${responses} responses document it`)
})
