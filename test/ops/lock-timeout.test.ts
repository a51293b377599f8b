/** A locked table and a slow statement fail fast with 503s, a full pool makes callers wait a bounded time, and the rest of the API keeps serving. */
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import postgres from 'postgres'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.ts'
import { bootstrapDatabase } from '../../src/db/bootstrap.ts'
import { openDatabase, type DatabaseHandle, type DatabaseLimits } from '../../src/db/client.ts'
import { classifyDatabaseError } from '../../src/db/failures.ts'
import { incidents } from '../../src/db/schema.ts'
import { createServerDatabase } from './server-database.ts'

const limits: Partial<DatabaseLimits> = { poolSize: 3, lockTimeoutMs: 500, poolTimeoutMs: 300, statementTimeoutMs: 5000 }

async function open (t: Test, url: string, override: Partial<DatabaseLimits> = {}): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url, limits: { ...limits, ...override } })
  t.teardown(() => handle.close().catch(() => {}))
  return handle
}

async function timed (app: FastifyInstance, url: string) {
  const started = performance.now()
  const response = await app.inject({ method: 'GET', url })
  const type = String(response.headers['content-type'])
  const code = type.startsWith('application/problem+json') ? (response.json() as { code?: string }).code : undefined
  return { status: response.statusCode, type, code, retryAfter: response.headers['retry-after'], ms: performance.now() - started }
}

/** Holds ACCESS EXCLUSIVE on incidents in an open transaction of a second session, until released. */
async function lockIncidents (t: Test, url: string): Promise<{ release: () => Promise<void> }> {
  const session = postgres(url, { max: 1, onnotice: () => {} })
  let release!: () => void
  const held = new Promise<void>((resolve) => { release = resolve })
  let locked!: () => void
  const taken = new Promise<void>((resolve) => { locked = resolve })
  const transaction = session.begin(async (tx) => {
    await tx`lock table incidents in access exclusive mode`
    locked()
    await held
  })
  // Teardowns run last-in first-out: the lock is let go before the session ends, even when a test fails.
  t.teardown(() => session.end({ timeout: 1 }).catch(() => {}))
  t.teardown(() => release())
  await Promise.race([taken, transaction])
  return { release: async () => { release(); await transaction } }
}

t.test('on a database of this file\'s own', async (t) => {
  const url = await createServerDatabase(t, 'lock')
  const setup = await openDatabase({ url, max: 1 })
  await bootstrapDatabase(setup, { url, seedOnEmpty: true })
  await setup.close()

  t.test('every pooled connection starts with the configured timeouts; 0 turns one off', async (t) => {
    const settings = async (handle: DatabaseHandle) => (await handle.db.execute(sql`select current_setting('statement_timeout') as statement_timeout, current_setting('lock_timeout') as lock_timeout`) as unknown as object[])[0]
    t.same(await settings(await open(t, url)), { statement_timeout: '5s', lock_timeout: '500ms' }, 'statement_timeout and lock_timeout as configured')
    t.same(await settings(await open(t, url, { statementTimeoutMs: 0, lockTimeoutMs: 0 })), { statement_timeout: '0', lock_timeout: '0' },
      'both off, whatever the server default')
  })

  t.test('a statement running past statement_timeout is cancelled and classified as a timeout', async (t) => {
    const handle = await open(t, url, { statementTimeoutMs: 200 })
    const started = performance.now()
    const error = await handle.db.execute(sql`select pg_sleep(2)`).then(() => null, (e: unknown) => e)
    const ms = performance.now() - started
    t.ok(error, 'the statement fails')
    t.equal(classifyDatabaseError(error)?.kind, 'timeout', 'classified as a timeout')
    t.ok(ms < 1500, `well before pg_sleep would end (${Math.round(ms)} ms)`)
    t.same(handle.pool(), { size: 3, inUse: 0, waiting: 0 }, 'its pool slot is given back')
  })

  t.test('a transaction holds one connection until it ends, and waits for one no longer than any query', async (t) => {
    const handle = await open(t, url, { poolSize: 1 })
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`)
      t.same(handle.pool(), { size: 1, inUse: 1, waiting: 0 }, 'its queries run on the connection it holds')
      const started = performance.now()
      const error = await handle.db.transaction(async () => {}).then(() => null, (e: unknown) => e)
      t.equal(classifyDatabaseError(error)?.kind, 'busy', 'a second transaction finds no free connection: busy (a 503)')
      t.ok(performance.now() - started < 1500, 'after the pool wait, not later')
    })
    t.same(handle.pool(), { size: 1, inUse: 0, waiting: 0 }, 'the connection is free once it commits')
  })

  t.test('a locked incidents table', async (t) => {
    const handle = await open(t, url)
    const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] }, { database: handle, closeDatabase: false })
    t.teardown(() => app.close().catch(() => {}))
    await app.ready()
    t.equal((await timed(app, '/v1/incidents')).status, 200, 'incidents answer before the lock')

    const lock = await lockIncidents(t, url)

    const blocked = await timed(app, '/v1/incidents')
    t.equal(blocked.status, 503, 'incidents answer 503 once lock_timeout fires')
    t.match(blocked.type, /^application\/problem\+json/, 'as a problem')
    t.equal(blocked.code, 'database_busy', 'saying the database is busy')
    t.ok(Number(blocked.retryAfter) > 0, 'with Retry-After')
    t.ok(blocked.ms < 3000, `fast (${Math.round(blocked.ms)} ms)`)
    for (const path of ['/v1/actors', '/v1/sources']) {
      t.equal((await timed(app, path)).status, 200, `${path} keeps answering 200 meanwhile`)
    }

    // Three times as many blocked requests as connections: the ones that get no connection wait a bounded time.
    const burst = Array.from({ length: 9 }, () => timed(app, '/v1/incidents'))
    for (const deadline = performance.now() + 400; handle.pool().waiting === 0 && performance.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const during = handle.pool()
    t.equal(during.inUse, 3, 'every connection is taken')
    t.ok(during.waiting > 0, `and requests wait for one (${during.waiting})`)
    const answers = await Promise.all(burst)
    t.same(answers.map((a) => a.status), Array(9).fill(503), 'every blocked request answers 503')
    t.ok(answers.every((a) => a.code === 'database_busy' && Number(a.retryAfter) > 0), 'each a database_busy problem with Retry-After')
    const slowest = Math.max(...answers.map((a) => a.ms))
    t.ok(slowest < 3000, `the slowest within a bounded time (${Math.round(slowest)} ms)`)

    // The same through the database: a caller that gets no connection in time is told so (PoolTimeout), not queued.
    const direct = await Promise.all(Array.from({ length: 9 }, () =>
      handle.db.select({ id: incidents.id }).from(incidents).limit(1).then(() => null, (e: unknown) => e)))
    const codes = direct.map((e) => (e as { code?: string, cause?: { code?: string } } | null)?.code ?? (e as { cause?: { code?: string } } | null)?.cause?.code)
    t.ok(codes.filter((c) => c === 'POOL_TIMEOUT').length >= 1, `some callers time out waiting for a connection (${codes.join(', ')})`)
    t.ok(codes.filter((c) => c === '55P03').length >= 1, 'the ones that got one hit lock_timeout')
    t.ok(direct.every((e) => classifyDatabaseError(e)?.kind === 'busy'), 'all of it classified as busy (503)')

    t.same(handle.pool(), { size: 3, inUse: 0, waiting: 0 }, 'the pool is free again')
    for (const path of ['/v1/actors', '/v1/sources']) {
      t.equal((await timed(app, path)).status, 200, `${path} answers 200 after the burst, with the lock still held`)
    }

    await lock.release()
    t.equal((await timed(app, '/v1/incidents')).status, 200, 'incidents answer 200 again once the lock is released')
  })
})
