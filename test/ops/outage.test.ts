/** With its database stopped the API answers fast 503 problems, and serves again by itself once the database is back. */
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import t from 'tap'
import { buildApp } from '../../src/app.ts'
import { defaults } from '../../src/config.ts'
import { bootstrapDatabase } from '../../src/db/bootstrap.ts'
import { openDatabase } from '../../src/db/client.ts'
import { classifyDatabaseError } from '../../src/db/failures.ts'
import { StartupError } from '../../src/db/startup-error.ts'
import { startCluster } from './pg-cluster.ts'

interface Answer { status: number, type: string, code: string | undefined, retryAfter: string | null, ms: number }

async function get (base: string, path: string): Promise<Answer> {
  const started = performance.now()
  const response = await fetch(base + path, { signal: AbortSignal.timeout(20_000) })
  const type = response.headers.get('content-type') ?? ''
  const body = await response.text()
  return {
    status: response.status,
    type,
    code: type.startsWith('application/problem+json') ? (JSON.parse(body) as { code?: string }).code : undefined,
    retryAfter: response.headers.get('retry-after'),
    ms: Math.round(performance.now() - started)
  }
}

/** Asks again every 250 ms until the path answers 200, for at most `withinMs`. */
async function until200 (base: string, path: string, withinMs: number): Promise<Answer> {
  const deadline = performance.now() + withinMs
  for (;;) {
    const answer = await get(base, path)
    if (answer.status === 200 || performance.now() > deadline) return answer
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

t.test('a database outage gives fast 503 problems, and the app recovers without a restart', async (t) => {
  const cluster = await startCluster(t)
  const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} })
  await admin.unsafe('create database apv')
  await admin.end()
  const url = cluster.url('apv')

  const handle = await openDatabase({ url })
  t.teardown(() => handle.close().catch(() => {}))
  await bootstrapDatabase(handle, { url, seedOnEmpty: true })
  const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] }, { database: handle, closeDatabase: false })
  t.teardown(() => app.close().catch(() => {}))
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

  const list = await fetch(`${base}/v1/incidents`, { signal: AbortSignal.timeout(20_000) })
  t.equal(list.status, 200, 'incidents answer while the database is up')
  const { data } = await list.json() as { data: Array<{ id: string }> }
  const paths = ['/v1/incidents', `/v1/incidents/${data[0]!.id}`]
  for (const path of paths) t.equal((await get(base, path)).status, 200, `${path} answers 200 before the outage`)
  t.equal((await get(base, '/health/ready')).status, 200, 'ready before the outage')

  await cluster.stop()

  // Several rounds: reconnect attempts back off, and the wait must stay short however many have failed.
  for (let round = 1; round <= 8; round++) {
    for (const path of paths) {
      const answer = await get(base, path)
      t.equal(answer.status, 503, `${path} (round ${round}) answers 503 while the database is down`)
      t.match(answer.type, /^application\/problem\+json/, `${path} (round ${round}) is a problem`)
      t.equal(answer.code, 'database_unavailable', `${path} (round ${round}) saying the database is unavailable`)
      t.ok(answer.retryAfter !== null && Number(answer.retryAfter) > 0, `${path} (round ${round}) says when to retry`)
      t.ok(answer.ms < 3000, `${path} (round ${round}) answers fast (${answer.ms} ms)`)
    }
  }
  const ready = await get(base, '/health/ready')
  t.equal(ready.status, 503, 'not ready while the database is down')
  t.ok(ready.ms < 3000, `readiness answers fast (${ready.ms} ms)`)

  let started = performance.now()
  t.equal(await handle.ping(500), false, 'ping says false while the database is down')
  t.ok(performance.now() - started < 1500, 'ping gives up within its timeout')
  t.same(handle.pool(), { size: defaults.database.poolSize, inUse: 0, waiting: 0 }, 'failed queries gave their pool slots back')

  started = performance.now()
  const error = await bootstrapDatabase(handle, { url, seedOnEmpty: true }).catch((e: unknown) => e)
  t.ok(error instanceof StartupError, 'starting against a stopped database is a StartupError')
  const message = (error as Error).message
  t.match(message, `127.0.0.1:${cluster.port}/apv`, 'naming host:port/database')
  t.match(message, /DATABASE_URL/, 'and what to check')
  t.notMatch(message, /\n/, 'in one line')
  t.ok(performance.now() - started < 3000, 'without waiting long')

  await cluster.start()

  for (const path of [...paths, '/health/ready']) {
    const answer = await until200(base, path, 15_000)
    t.equal(answer.status, 200, `${path} answers 200 again once the database is back, without restarting the app`)
  }
  t.equal(await handle.ping(1000), true, 'ping says true again')
})

t.test('a port that accepts connections and closes them (a Docker port with its container stopped, another server) fails fast', async (t) => {
  const peers: Array<[string, (socket: Socket) => void]> = [
    ['closes at once', (socket) => socket.end()],
    ['answers something else, then closes', (socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n'))]
  ]
  for (const [name, behave] of peers) {
    const sockets = new Set<Socket>()
    const server = createServer((socket) => {
      sockets.add(socket)
      socket.on('error', () => {}) // the client may reset it first
      socket.resume() // read on, so the client's close is seen
      behave(socket)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    t.teardown(() => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(resolve)
    }))
    const url = `postgres://postgres@127.0.0.1:${(server.address() as AddressInfo).port}/apv`
    const handle = await openDatabase({ url })
    t.teardown(() => handle.close().catch(() => {}))

    for (let attempt = 1; attempt <= 5; attempt++) {
      const started = performance.now()
      const error = await handle.db.execute(sql`select 1`).then(() => null, (e: unknown) => e)
      const ms = Math.round(performance.now() - started)
      t.equal(classifyDatabaseError(error)?.kind, 'unavailable', `${name}, query ${attempt}: fails as unavailable (a 503)`)
      t.ok(ms < 3000, `${name}, query ${attempt}: fast (${ms} ms)`)
    }
    t.equal(await handle.ping(500), false, `${name}: ping says false`)
    const error = await bootstrapDatabase(handle, { url, seedOnEmpty: true }).catch((e: unknown) => e)
    t.ok(error instanceof StartupError, `${name}: starting against it is a StartupError`)
    t.match((error as Error).message, /is a PostgreSQL server listening there\?/, `${name}: which says what is wrong`)
  }
})
