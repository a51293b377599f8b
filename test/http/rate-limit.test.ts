/** Rate limiting per client: RateLimit-* headers, a 429 problem with Retry-After, health and metrics exempt, off by default. */
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { buildApp } from '../../src/app.ts'
import { createTestDatabase } from '../helper.ts'

// An empty, migrated database: the lists answer 200 (empty), which is all rate limiting needs.
const database = await createTestDatabase(t, { seed: false })

async function appWith (config: Record<string, unknown>): Promise<FastifyInstance> {
  const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'], ...config }, { database: database.handle, closeDatabase: false })
  t.teardown(() => app.close())
  await app.ready()
  return app
}

t.test('max requests per window, then a 429 problem with Retry-After', async (t) => {
  const app = await appWith({ rateLimit: { max: 3, windowMs: 60_000 } })
  for (let i = 1; i <= 3; i++) {
    const ok = await app.inject('/v1/incidents?limit=1')
    t.equal(ok.statusCode, 200, `request ${i} is served`)
    t.equal(ok.headers['ratelimit-limit'], '3', `request ${i}: RateLimit-Limit`)
    t.equal(ok.headers['ratelimit-remaining'], String(3 - i), `request ${i}: RateLimit-Remaining ${3 - i}`)
    const reset = Number(ok.headers['ratelimit-reset'])
    t.ok(reset > 0 && reset <= 60, `request ${i}: RateLimit-Reset ${reset} s, within the window`)
    t.equal(ok.headers['retry-after'], undefined, `request ${i}: no Retry-After`)
  }
  const refused = await app.inject('/v1/incidents?limit=1')
  t.equal(refused.statusCode, 429)
  t.match(refused.headers['content-type'], /^application\/problem\+json/)
  t.equal(refused.headers['x-content-type-options'], 'nosniff')
  const retryAfter = Number(refused.headers['retry-after'])
  t.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60, `Retry-After: ${retryAfter}`)
  t.equal(refused.headers['ratelimit-limit'], '3')
  t.equal(refused.headers['ratelimit-remaining'], '0')
  const body = refused.json()
  t.match(body, { type: '/problems/rate_limited', title: 'Too Many Requests', status: 429, code: 'rate_limited', instance: '/v1/incidents?limit=1' })
  t.match(body.detail, /at most 3 per 60 s/)
  t.equal(body.request_id, refused.headers['x-request-id'])

  t.equal((await app.inject('/v1/nothing-here')).statusCode, 429, 'unknown paths count against the client too')
  t.equal((await app.inject({ method: 'DELETE', url: '/v1/incidents/inc_x' })).statusCode, 429, 'refused before the key is looked up')
})

t.test('each client has its own budget', async (t) => {
  const app = await appWith({ rateLimit: { max: 2, windowMs: 60_000 } })
  const from = (remoteAddress: string) => app.inject({ url: '/v1/provinces', remoteAddress })
  t.equal((await from('10.0.0.1')).statusCode, 200)
  t.equal((await from('10.0.0.1')).statusCode, 200)
  t.equal((await from('10.0.0.1')).statusCode, 429, 'the first client is over its limit')
  const other = await from('10.0.0.2')
  t.equal(other.statusCode, 200, 'another client is still served')
  t.equal(other.headers['ratelimit-remaining'], '1')
})

t.test('behind a trusted proxy, the client is the X-Forwarded-For address', async (t) => {
  const app = await appWith({ rateLimit: { max: 1, windowMs: 60_000 }, trustProxy: true })
  const via = (client: string) => app.inject({ url: '/v1/provinces', remoteAddress: '10.0.0.254', headers: { 'x-forwarded-for': client } })
  t.equal((await via('203.0.113.7')).statusCode, 200)
  t.equal((await via('203.0.113.7')).statusCode, 429, 'the same client, through the proxy')
  t.equal((await via('198.51.100.4')).statusCode, 200, 'another client through the same proxy')
})

t.test('health and metrics are never limited', async (t) => {
  const app = await appWith({ rateLimit: { max: 1, windowMs: 60_000 } })
  t.equal((await app.inject('/v1/provinces')).statusCode, 200)
  t.equal((await app.inject('/v1/provinces')).statusCode, 429, 'the client is over its limit')
  for (let i = 0; i < 5; i++) {
    for (const url of ['/health/live', '/health/ready', '/metrics']) {
      const response = await app.inject(url)
      t.equal(response.statusCode, 200, `${url} (${i + 1}) still answers`)
      t.equal(response.headers['ratelimit-limit'], undefined, `${url}: no RateLimit headers`)
    }
  }
})

t.test('off when the config has no rateLimit (as in tests), or max is 0', async (t) => {
  for (const [label, config] of [['no rateLimit', {}], ['max 0', { rateLimit: { max: 0, windowMs: 1_000 } }]] as const) {
    const app = await appWith(config)
    for (let i = 0; i < 50; i++) {
      const response = await app.inject('/v1/provinces')
      if (response.statusCode !== 200 || response.headers['ratelimit-limit'] !== undefined) {
        t.fail(`${label}: request ${i + 1} got ${response.statusCode} with RateLimit-Limit ${response.headers['ratelimit-limit']}`)
        break
      }
    }
    t.pass(`${label}: 50 requests served, no RateLimit headers`)
  }
})

t.test('every API operation documents 429 with Retry-After and a rate_limited example', async (t) => {
  const app = await appWith({})
  const paths = (app.swagger() as any).paths as Record<string, Record<string, any>>
  let count = 0
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const response = operation.responses['429']
      const at = `${method.toUpperCase()} ${path}`
      if (!path.startsWith('/v1/')) {
        t.notOk(response, `${at}: exempt, no 429`)
        continue
      }
      count++
      t.ok(response?.headers?.['Retry-After'], `${at}: 429 documents Retry-After`)
      const example = response?.content?.['application/problem+json']?.examples?.rate_limited?.value
      t.match(example, { status: 429, code: 'rate_limited', type: '/problems/rate_limited' }, `${at}: a rate_limited example`)
    }
  }
  t.ok(count > 30, `${count} operations`)
})
