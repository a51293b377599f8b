/**
 * A database that cannot serve is a 503 problem with Retry-After (database_unavailable, _timeout, _busy), logged at
 * warn, never a 500 that leaks the driver's words; and every API operation documents it. (The outage of a real
 * PostgreSQL server is test/ops/outage.test.ts.)
 */
import { Writable } from 'node:stream'
import { pino } from 'pino'
import t from 'tap'
import { buildApp } from '../../src/app.ts'
import { openDatabase } from '../../src/db/client.ts'
import { PoolTimeout } from '../../src/db/failures.ts'

const lines: Array<Record<string, any>> = []
const sink = new Writable({ write (chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done() } })
const logger = pino({ level: 'info' }, sink)

/** A driver error as Drizzle hands it on: a DrizzleQueryError whose message has the SQL, the driver's error as cause. */
function wrapped (cause: Error & { code?: string }): Error {
  return Object.assign(new Error('Failed query: select "id" from "incidents" where "secret" = $1\nparams: x'), { name: 'DrizzleQueryError', cause })
}
const coded = (message: string, code: string) => Object.assign(new Error(message), { code })

const failures: Array<[string, () => Error, number, string, number]> = [
  ['connection refused', () => coded('connect ECONNREFUSED 10.1.2.3:5432', 'ECONNREFUSED'), 503, 'database_unavailable', 5],
  ['server shutting down (57P01), wrapped by Drizzle', () => wrapped(coded('terminating connection due to administrator command', '57P01')), 503, 'database_unavailable', 5],
  ['statement timeout (57014), wrapped by Drizzle', () => wrapped(coded('canceling statement due to statement timeout', '57014')), 503, 'database_timeout', 1],
  ['lock timeout (55P03)', () => coded('canceling statement due to lock timeout', '55P03'), 503, 'database_busy', 1],
  ['a replica cancelling a read that conflicts with replay (40001)', () => wrapped(coded('canceling statement due to conflict with recovery', '40001')), 503, 'database_busy', 1],
  ['deadlock (40P01)', () => coded('deadlock detected', '40P01'), 503, 'database_busy', 1],
  ['no free pooled connection', () => new PoolTimeout(3000), 503, 'database_busy', 1],
  ['any other error', () => new Error('select went wrong at 10.1.2.3'), 500, 'internal_error', 0]
]

const app = await buildApp({ logLevel: 'info', corsOrigins: ['*'] }, { logger })
failures.forEach(([, make], i) => app.get(`/test/fail/${i}`, { schema: { hide: true } }, async () => { throw make() }))
t.teardown(() => app.close())
await app.ready()

t.test('each kind of database failure is its own 503; anything else stays a masked 500', async (t) => {
  for (const [[label, , status, code, retryAfter], i] of failures.map((f, i) => [f, i] as const)) {
    const response = await app.inject(`/test/fail/${i}`)
    t.equal(response.statusCode, status, `${label}: ${status}`)
    t.match(response.headers['content-type'], /^application\/problem\+json/, `${label}: a problem`)
    const body = response.json()
    t.match(body, { status, code, type: `/problems/${code}` }, `${label}: code ${code}`)
    t.notMatch(response.body, /select|ECONNREFUSED|10\.1\.2\.3|5432|canceling|terminating|secret/i, `${label}: no SQL, address or driver message`)
    const id = response.headers['x-request-id']
    t.equal(body.request_id, id, `${label}: the request id`)
    const logged = lines.filter((l) => l.request_id === id && l.err)
    t.equal(logged.length, 1, `${label}: logged once with the error`)
    if (status === 503) {
      t.equal(response.headers['retry-after'], String(retryAfter), `${label}: Retry-After ${retryAfter}`)
      t.match(body.detail, `Retry in ${retryAfter} s`, `${label}: the detail says when`)
      t.equal(logged[0]?.level, 40, `${label}: logged at warn, not error`)
      t.equal(logged[0]?.failure, code.replace('database_', ''), `${label}: the failure kind is in the log line`)
    } else {
      t.equal(response.headers['retry-after'], undefined, `${label}: no Retry-After`)
      t.equal(logged[0]?.level, 50, `${label}: logged at error`)
    }
  }
})

t.test('a closed database: the real routes answer 503 database_unavailable', async (t) => {
  const handle = await openDatabase({})
  const closed = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] }, { database: handle, closeDatabase: false })
  t.teardown(() => closed.close())
  await closed.ready()
  await handle.close()
  for (const url of ['/v1/incidents', '/v1/actors/iskp', '/v1/provinces', '/v1/changes']) {
    const response = await closed.inject(url)
    t.equal(response.statusCode, 503, `${url}: 503`)
    t.equal(response.json().code, 'database_unavailable', `${url}: database_unavailable`)
    t.equal(response.headers['retry-after'], '5', `${url}: Retry-After 5`)
    t.equal(response.headers['cache-control'], 'no-store', `${url}: not cached`)
  }
})

t.test('every API operation documents 503 with Retry-After and an example per database failure', async (t) => {
  const paths = (app.swagger() as any).paths as Record<string, Record<string, any>>
  let count = 0
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith('/v1/')) continue
    for (const [method, operation] of Object.entries(item)) {
      count++
      const at = `${method.toUpperCase()} ${path}`
      const response = operation.responses['503']
      t.ok(response?.headers?.['Retry-After'], `${at}: 503 documents Retry-After`)
      const examples = response?.content?.['application/problem+json']?.examples ?? {}
      for (const code of ['database_unavailable', 'database_timeout', 'database_busy']) {
        t.match(examples[code]?.value, { status: 503, code, type: `/problems/${code}` }, `${at}: a ${code} example`)
      }
    }
  }
  t.ok(count > 30, `${count} operations`)
})
