/** Request ids: a sane X-Request-Id is honoured and echoed, otherwise one is made; it is on every log line and problem. */
import { Writable } from 'node:stream'
import { pino } from 'pino'
import t from 'tap'
import { buildApp } from '../../src/app.ts'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

// No database: these routes and refusals never reach one. Log lines are kept to look at.
const lines: Array<Record<string, any>> = []
const sink = new Writable({ write (chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done() } })
const app = await buildApp({ logLevel: 'info', corsOrigins: ['*'] }, { logger: pino({ level: 'info' }, sink) })
app.get('/test/logs', { schema: { hide: true } }, async (request) => {
  request.log.info('from the handler')
  return { id: request.id }
})
t.teardown(() => app.close())
await app.ready()

t.test('a sane incoming X-Request-Id is kept, echoed, and on every log line of the request', async (t) => {
  const id = 'client-7f3a.trace:01_AB'
  const response = await app.inject({ url: '/test/logs', headers: { 'x-request-id': id } })
  t.equal(response.statusCode, 200)
  t.equal(response.headers['x-request-id'], id, 'echoed in the response header')
  t.equal(response.json().id, id, 'the request id the handler sees')
  const mine = lines.filter((l) => l.request_id === id)
  t.same(mine.map((l) => l.msg), ['incoming request', 'from the handler', 'request completed'], 'every log line of the request carries request_id')
  t.equal(lines.filter((l) => l.msg === 'from the handler' && l.request_id !== id).length, 0, 'no line of it lacks the id')
})

t.test('without X-Request-Id, each request gets a UUID of its own', async (t) => {
  const a = await app.inject('/test/logs')
  const b = await app.inject('/test/logs')
  t.match(a.headers['x-request-id'], uuid)
  t.match(b.headers['x-request-id'], uuid)
  t.not(a.headers['x-request-id'], b.headers['x-request-id'], 'different requests, different ids')
  t.ok(lines.some((l) => l.request_id === a.headers['x-request-id'] && l.msg === 'request completed'), 'logged under its id')
})

t.test('an X-Request-Id that is not a sane token is replaced, not echoed', async (t) => {
  const insane = [
    ['empty', ''],
    ['129 characters', 'a'.repeat(129)],
    ['a space', 'two words'],
    ['a quote', 'a"b'],
    ['a slash', 'a/b'],
    ['latin-1', 'caf\u00e9'],
    ['a log-injection attempt', 'x\\n{"level":60}']
  ]
  for (const [label, value] of insane) {
    const response = await app.inject({ url: '/test/logs', headers: { 'x-request-id': value } })
    t.match(response.headers['x-request-id'], uuid, `${label}: a UUID instead`)
  }
  const twice = await app.inject({ url: '/test/logs', headers: { 'x-request-id': ['a', 'b'] } })
  t.match(twice.headers['x-request-id'], uuid, 'two X-Request-Id headers: a UUID instead')
  const longest = 'A'.repeat(128)
  t.equal((await app.inject({ url: '/test/logs', headers: { 'x-request-id': longest } })).headers['x-request-id'], longest, '128 characters are kept')
})

t.test('every problem carries the id, in the body and the header', async (t) => {
  const id = 'problem-check-1'
  const cases = [
    ['404', { url: '/v1/nothing-here' }],
    ['405', { method: 'PUT' as const, url: '/v1/incidents' }],
    ['400 validation', { url: '/v1/incidents?limit=0' }],
    ['400 malformed percent-encoding (before routing)', { url: '/v1/incidents/%E0%A4%A' }],
    ['401', { method: 'DELETE' as const, url: '/v1/incidents/inc_x' }],
    ['414', { url: `/v1/incidents?q=${'x'.repeat(17_000)}` }]
  ] as const
  for (const [label, request] of cases) {
    const response = await app.inject({ ...request, headers: { 'x-request-id': id } })
    t.match(response.headers['content-type'], /^application\/problem\+json/, `${label}: a problem`)
    t.equal(response.headers['x-request-id'], id, `${label}: X-Request-Id header`)
    t.equal(response.json().request_id, id, `${label}: request_id in the body`)
  }
})

t.test('the Problem schema documents request_id', async (t) => {
  const problem = (app.swagger() as any).components.schemas.Problem
  t.equal(problem.properties.request_id.type, 'string')
  t.match(problem.properties.request_id.description, /X-Request-Id/)
  t.notOk(problem.required.includes('request_id'), 'optional: the contract only grows')
})
