/**
 * Exports stream from a database cursor: a batch is fetched only when the client reads on, a client that goes away
 * frees the connection (PGlite has one; on PostgreSQL no backend stays idle in transaction), the request deadline
 * does not cut a long transfer, and an error mid-stream truncates the transfer instead of sending a bad file.
 */
import { get, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'drizzle-orm'
import Fastify from 'fastify'
import postgres from 'postgres'
import t from 'tap'
import { buildApp } from '../../src/app.ts'
import type { RowCursor } from '../../src/db/cursor.ts'
import { ExportStalled, exportStream } from '../../src/export/stream.ts'
import type { ExportTable } from '../../src/export/tables.ts'
import { sendExport } from '../../src/http/send-export.ts'
import { buildTestApp } from '../helper.ts'

const copies = 5000
const { app, database } = await buildTestApp(t)
const clock = Date.now()
const db = database.handle.db

// Many incidents, copies of a seeded one with a long summary: an export far larger than socket buffers, each batch
// megabytes. Written directly, triggers off (the summary tables they keep play no part in exports), without the
// text search index (this database's own; no test here searches).
await db.transaction(async (tx) => {
  await tx.execute(sql`set local session_replication_role = replica`)
  await tx.execute(sql`drop index if exists incidents_search_text_trgm_idx`)
  await tx.execute(sql`insert into incidents
    select copy.* from incidents i, generate_series(1, ${copies}) n,
      lateral jsonb_populate_record(null::incidents, to_jsonb(i) || jsonb_build_object('id', i.id || '_copy_' || n, 'summary', repeat('A long summary, with commas; ', 150))) copy
    where i.id = (select id from incidents order by id limit 1)`)
})
t.comment(`${copies} incidents inserted in ${Date.now() - clock} ms`)
await app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

const fetches = () => database.queries.filter((q) => /^fetch \d+ from/i.test(q)).length

/** A GET whose response is handed over as soon as its headers arrive, not yet read. */
function open (url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => get(url, resolve).on('error', reject))
}

const newlines = (chunk: Buffer) => chunk.reduce((n, byte) => n + (byte === 10 ? 1 : 0), 0)

/** Reads until at least `bytes` have arrived, then stops reading (the response stays paused); the lines it read. */
function readSome (response: IncomingMessage, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let got = 0
    let lines = 0
    const onData = (chunk: Buffer) => {
      got += chunk.length
      lines += newlines(chunk)
      if (got >= bytes) {
        response.pause()
        response.off('data', onData)
        resolve(lines)
      }
    }
    response.on('data', onData)
    response.on('error', reject)
  })
}

/** Reads the rest of a response, counting its lines. */
function readLines (response: IncomingMessage): Promise<number> {
  return new Promise((resolve, reject) => {
    let lines = 0
    response.on('data', (chunk: Buffer) => { lines += newlines(chunk) })
    response.on('end', () => resolve(lines))
    response.on('error', reject)
    response.resume()
  })
}

t.test('a batch is fetched only when the client reads on', async (t) => {
  const before = fetches()
  const response = await open(`${base}/v1/incidents?format=ndjson`)
  t.equal(response.statusCode, 200)
  const started = Date.now()
  const first = await readSome(response, 1)
  await sleep(500)
  const whilePaused = fetches() - before
  t.comment(`first bytes after ${Date.now() - started - 500} ms`)
  await sleep(300)
  t.equal(fetches() - before, whilePaused, 'a paused client: no more FETCHes while it does not read')
  t.ok(whilePaused <= 2, `a paused client: ${whilePaused} FETCHes of the more than ${copies / 1000} the export needs`)
  const lines = first + await readLines(response)
  t.ok(lines >= copies, `read on, the client gets every incident (${lines} lines)`)
  t.ok(fetches() - before >= copies / 1000, `...fetched batch by batch (${fetches() - before} FETCHes)`)
})

t.test('a client that goes away frees the database connection', async (t) => {
  const response = await open(`${base}/v1/incidents?format=csv`)
  await readSome(response, 64 * 1024)
  response.destroy()
  await sleep(200)
  const next = await Promise.race([
    app.inject({ method: 'GET', url: '/v1/incidents?limit=1' }),
    sleep(10_000).then(() => null)
  ])
  t.equal(next?.statusCode, 200, 'the next request is answered (PGlite has one connection: the export\'s transaction is over)')
  if (database.url) {
    const admin = postgres(database.url, { max: 1, onnotice: () => {} })
    t.teardown(() => admin.end({ timeout: 5 }))
    let idle: Array<{ n: number }> = []
    for (let tries = 0; tries < 20; tries++) {
      idle = await admin`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`
      if (idle[0]!.n === 0) break
      await sleep(100)
    }
    t.equal(idle[0]!.n, 0, 'PostgreSQL: no backend is left idle in transaction')
  }
})

t.test('the request deadline does not cut a transfer that has started', async (t) => {
  const slow = await buildApp({ logLevel: 'silent', corsOrigins: ['*'], requestTimeoutMs: 300 }, { database: database.handle, closeDatabase: false })
  t.teardown(() => slow.close())
  await slow.listen({ port: 0, host: '127.0.0.1' })
  const response = await open(`http://127.0.0.1:${(slow.server.address() as AddressInfo).port}/v1/incidents?format=ndjson`)
  const first = await readSome(response, 1)
  await sleep(800)
  const lines = first + await readLines(response)
  t.ok(lines >= copies, `paused past the 300 ms deadline, the export still arrives whole (${lines} lines)`)
})

t.test('an error mid-stream truncates the transfer; the database stays usable', async (t) => {
  const server = Fastify({ logger: false })
  type Row = { n: number }
  const table: ExportTable<Row> = {
    resource: 'incidents',
    columns: [{ name: 'n', type: 'integer', description: 'A number.', value: (v) => v.n }],
    record: (v) => v,
    id: (v) => String(v.n)
  }
  server.get('/numbers', async (request, reply) => sendExport(request, reply, db, 'csv', table, {
    select: (tx) => tx.select({ n: sql<number>`n` }).from(sql`generate_series(1, 5000) as n`).orderBy(sql`n`),
    map: async (_tx, rows: Row[]) => {
      if (rows[0]!.n > 2000) throw new Error('failed on the third batch')
      return rows
    }
  }))
  t.teardown(() => server.close())
  await server.listen({ port: 0, host: '127.0.0.1' })
  const response = await fetch(`http://127.0.0.1:${(server.server.address() as AddressInfo).port}/numbers`)
  t.equal(response.status, 200, 'the status went out with the first batch')
  await t.rejects(response.text(), 'the body ends in an error, not in a complete file')
  const after = await app.inject({ method: 'GET', url: '/v1/incidents?limit=1' })
  t.equal(after.statusCode, 200, 'the failed export\'s transaction is over')
})

t.test('a consumer that stops reading loses the export, and its cursor is closed', async (t) => {
  let closed = 0
  const cursor: RowCursor<number> = { read: async () => [1, 2, 3], close: async () => { closed++ } }
  const encoder = { head: '', batch: (views: number[]) => `${'x'.repeat(100_000)}${views.join('\n')}\n`, tail: '' }
  const stream = exportStream([1], cursor, encoder, { stallMs: 100 })
  const failed = new Promise<Error>((resolve) => stream.on('error', resolve))
  stream.once('data', () => stream.pause())
  t.type(await failed, ExportStalled, 'the stream fails with ExportStalled')
  t.equal(closed, 1, 'the cursor is closed once')
})
