/**
 * Reads from a real streaming replica (a second cluster made by pg_basebackup -R): anonymous reads are served by the
 * replica, writes by the primary, a curator reads their own writes at once, anonymous clients see a write once the
 * replica has replayed it; a replica that stops answering gives 503 problems, never a 500, and then its reads go
 * to the primary until it is back.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.ts'
import { ConfigError, loadConfig } from '../../src/config.ts'
import { bootstrapDatabase } from '../../src/db/bootstrap.ts'
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts'
import { createKey } from '../../src/core/keys/index.ts'
import { listenerClient, newIncident, type Client, type Received } from '../writes/support.ts'
import { startCluster, startReplica } from './pg-cluster.ts'
import { freePort, waitForReady } from './processes.ts'

const seeded = 'inc_2021_10_kandahar_mosque_bombing'
const root = fileURLToPath(new URL('../..', import.meta.url))

/** `node --import tsx src/server.ts` with `env`, as npm start runs it; its output collected, stopped at teardown. */
function startServer (t: Test, env: NodeJS.ProcessEnv) {
  const { NODE_OPTIONS: _, ...inherited } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const output: string[] = []
  const collect = (chunk: Buffer) => { output.push(...chunk.toString().split('\n').filter(Boolean)) }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = once(child, 'exit')
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  })
  return { child, output, exited }
}

/** Asks until `done` holds, every 200 ms, for at most `withinMs`; returns whether it did. */
async function eventually (withinMs: number, done: () => Promise<boolean> | boolean): Promise<boolean> {
  const deadline = performance.now() + withinMs
  for (;;) {
    if (await done()) return true
    if (performance.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** True once the replica has replayed everything the primary has written so far. */
async function caughtUp (primary: postgres.Sql, replica: postgres.Sql): Promise<boolean> {
  const [{ lsn }] = await primary`select pg_current_wal_lsn()::text as lsn` as unknown as [{ lsn: string }]
  const [{ behind }] = await replica`select pg_wal_lsn_diff(${lsn}::pg_lsn, pg_last_wal_replay_lsn()) > 0 as behind` as unknown as [{ behind: boolean }]
  return !behind
}

async function pauseReplay (t: Test, replica: postgres.Sql): Promise<void> {
  await replica`select pg_wal_replay_pause()`
  t.ok(await eventually(10_000, async () => {
    const [{ state }] = await replica`select pg_get_wal_replay_pause_state() as state` as unknown as [{ state: string }]
    return state === 'paused'
  }), 'replay on the replica is paused: from now on it lags behind the primary')
}

const titleOf = (response: Received) => response.status === 200 ? (response.json() as { title: string }).title : `(${response.status})`
const problemCode = (response: Received) => response.headers['content-type']?.startsWith('application/problem+json') ? (response.json() as { code?: string }).code : undefined

t.test('DATABASE_REPLICA_URLS', async (t) => {
  const primary = 'postgres://u:secret@db-primary:5432/apv'
  t.strictSame(loadConfig({}).databaseReplicaUrls, [], 'none by default')
  t.strictSame(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: ' postgres://u@r1/apv , postgresql://u@r2:5433/apv,' }).databaseReplicaUrls,
    ['postgres://u@r1/apv', 'postgresql://u@r2:5433/apv'], 'comma-separated, blanks and empty entries ignored')
  t.strictSame(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: '' }).databaseReplicaUrls, [], 'empty: none')

  const failure = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env)
    } catch (error) {
      if (error instanceof ConfigError) return error.message
      throw error
    }
    return 'no error'
  }
  t.match(failure({ DATABASE_REPLICA_URLS: 'postgres://u@r1/apv' }), /DATABASE_REPLICA_URLS needs DATABASE_URL.*PGlite/,
    'replicas without DATABASE_URL (embedded PGlite) do not start, naming both variables')
  const bad = failure({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://u@r1/apv,mysql://u:hunter2@r2/apv' })
  t.match(bad, /DATABASE_REPLICA_URLS: entry 2 of 2 must be a postgres:\/\/ or postgresql:\/\/ URL/, 'a bad entry is named by its position')
  t.notMatch(bad, /hunter2/, 'and not echoed: a URL may hold a password')
  t.match(failure({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://u@[bad/apv' }), /entry 1 of 1/, 'a URL that does not parse is refused')
  t.match(failure({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: primary }), /entry 1 of 1 is DATABASE_URL itself/, 'the primary is not its own replica')
  await t.rejects(openDatabase({ replicaUrls: ['postgres://u@r1/apv'] }), /need a PostgreSQL primary/, 'openDatabase refuses replicas without a primary URL')
})

t.test('a streaming replica serves the anonymous reads; the primary serves writes and curators', async (t) => {
  // The defaults already allow this; spelled out, since they are what a primary needs for streaming replicas.
  const primary = await startCluster(t, { settings: { wal_level: 'replica', max_wal_senders: '4', full_page_writes: 'on' } })
  const admin = postgres(primary.url(), { max: 1, onnotice: () => {} })
  await admin.unsafe('create database apv')
  await admin.end()
  const primaryUrl = primary.url('apv')
  const setup = await openDatabase({ url: primaryUrl })
  await bootstrapDatabase(setup, { url: primaryUrl, seedOnEmpty: true })
  await setup.close()

  const replica = await startReplica(t, primary)
  const replicaUrl = replica.url('apv')
  // Control connections of the test's own, to watch and steer replication.
  const onPrimary = postgres(primaryUrl, { max: 1, onnotice: () => {} })
  const onReplica = postgres(replicaUrl, { max: 1, onnotice: () => {} })
  t.teardown(async () => {
    await onPrimary.end({ timeout: 1 }).catch(() => {})
    await onReplica.end({ timeout: 1 }).catch(() => {})
  })
  const [{ standby }] = await onReplica`select pg_is_in_recovery() as standby` as unknown as [{ standby: boolean }]
  t.equal(standby, true, 'the replica is a hot standby (read-only, in recovery)')
  t.ok(await eventually(20_000, () => caughtUp(onPrimary, onReplica)), 'the replica has replayed the bootstrapped primary')

  const changes: Array<[number, boolean]> = []
  const handle: DatabaseHandle = await openDatabase({ url: primaryUrl, replicaUrls: [replicaUrl], onReplicaChange: (index, up) => changes.push([index, up]) })
  const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] }, { database: handle })
  t.teardown(() => app.close().catch(() => {}))
  // Over a real listener: request bodies are parsed in another async context than the request's first hooks.
  const client: Client = await listenerClient(app)
  t.strictSame(handle.replicas?.().map((r) => r.up), [true], 'the replica answered its first probe and takes reads')

  const get = (url: string, headers: Record<string, string> = {}) => client({ method: 'GET', url, headers })
  const replicaUp = async () => /^db_replica_up\{replica="1"\} (\d)$/m.exec((await get('/metrics')).text)?.[1]
  t.equal(await replicaUp(), '1', 'GET /metrics: db_replica_up{replica="1"} 1')
  const seededRecord = await get(`/v1/incidents/${seeded}`)
  t.equal(seededRecord.status, 200, 'an anonymous read is answered (by the replica)')
  const originalTitle = titleOf(seededRecord)

  await t.test('while the replica lags: writes on the primary, curators read their writes, anonymous clients the replica', async (t) => {
    await pauseReplay(t, onReplica)
    // Made while the replica lags: the replica does not know this key, so every read that checks it is the primary's.
    const key = await createKey(handle.db, { name: 'curator on the primary', scopes: ['write'] })
    const curator = { authorization: `Bearer ${key.key}` }
    const keyRows = async (sql: postgres.Sql) => (await sql`select count(*)::int as n from api_keys where id = ${key.id}`)[0]!.n as number
    t.equal(await keyRows(onPrimary), 1, 'the key is on the primary (createKey inserts: a write)')
    t.equal(await keyRows(onReplica), 0, 'and not yet on the replica')

    const id = 'inc_replica_lag'
    const created = await client({ method: 'POST', url: '/v1/incidents', headers: curator, body: newIncident(id) })
    t.equal(created.status, 201, 'a curator creates an incident: the key is checked on the primary, and the write goes there (the replica is read-only: a write sent there would fail)')

    const [{ onP }] = await onPrimary`select count(*)::int as "onP" from incidents where id = ${id}` as unknown as [{ onP: number }]
    t.equal(onP, 1, 'the incident is on the primary')

    t.equal((await get(`/v1/incidents/${id}`)).status, 404, 'during the lag, an anonymous read of the new incident is a 404: the replica has not replayed the write yet')
    t.equal((await get(`/v1/incidents/${id}`, curator)).status, 200, 'the curator reads their own write at once (requests with credentials read from the primary)')
    const renamed = await client({ method: 'PATCH', url: `/v1/incidents/${id}`, headers: { ...curator, 'if-match': created.headers.etag! }, body: { title: 'Renamed at once' } })
    t.equal(renamed.status, 200, 'and edits it at once, with the ETag the write returned')
    t.equal(titleOf(await get(`/v1/incidents/${id}`, curator)), 'Renamed at once', 'reading the edit back at once')

    const current = await get(`/v1/incidents/${seeded}/record`, curator)
    t.equal(current.status, 200, 'the curator reads the record to edit')
    const edited = await client({
      method: 'PATCH',
      url: `/v1/incidents/${seeded}`,
      headers: { ...curator, 'if-match': current.headers.etag! },
      body: { title: 'Edited while the replica lags' }
    })
    t.equal(edited.status, 200, 'the curator edits a seeded incident')
    t.equal(titleOf(await get(`/v1/incidents/${seeded}`)), originalTitle, 'during the lag, anonymous clients get the version before the edit')
    t.equal(titleOf(await get(`/v1/incidents/${seeded}`, curator)), 'Edited while the replica lags', 'the curator gets the edited version')

    await onReplica`select pg_wal_replay_resume()`
    const started = performance.now()
    t.ok(await eventually(10_000, async () => (await get(`/v1/incidents/${id}`)).status === 200),
      'once replay resumes, anonymous clients see the new incident within seconds')
    t.equal(titleOf(await get(`/v1/incidents/${seeded}`)), 'Edited while the replica lags', 'and the edit')
    t.comment(`anonymous reads caught up ${Math.round(performance.now() - started)} ms after replay resumed`)
  })

  await t.test('the server process reads DATABASE_REPLICA_URLS and says how many replicas it uses', async (t) => {
    const port = await freePort()
    const server = startServer(t, { DATABASE_URL: primaryUrl, DATABASE_REPLICA_URLS: replicaUrl, PORT: String(port) })
    await waitForReady(`http://127.0.0.1:${port}`, 30_000)
    const opened = server.output.map((line) => JSON.parse(line) as { msg?: string, replicas?: number, replicasUp?: number })
      .find((line) => line.msg === 'start-up: open database')
    t.match(opened, { replicas: 1, replicasUp: 1 }, 'the open-database step logs the replicas, and how many answer')
    t.ok(server.output.some((line) => /reads go to 1 replica/.test(line)), 'and the routing is logged at start-up')
    const answer = await fetch(`http://127.0.0.1:${port}/v1/incidents/${seeded}`)
    t.equal(answer.status, 200, 'the server answers reads')

    const refused = startServer(t, { DATABASE_URL: primaryUrl, DATABASE_REPLICA_URLS: 'http://replica/apv', PORT: String(await freePort()) })
    const [code] = await refused.exited
    t.equal(code, 1, 'a bad DATABASE_REPLICA_URLS stops the start-up')
    t.match(refused.output.join('\n'), /DATABASE_REPLICA_URLS: entry 1 of 1 must be a postgres:\/\/ or postgresql:\/\/ URL/, 'with a message that says why')
  })

  await t.test('a replica that stops answering: 503 problems, never a 500, then its reads go to the primary', async (t) => {
    await replica.stop()
    const statuses = new Set<number>()
    let unexpected: Received | undefined
    const servedByPrimary = await eventually(15_000, async () => {
      const answer = await get(`/v1/incidents/${seeded}`)
      statuses.add(answer.status)
      if (answer.status === 200) return true
      if (answer.status !== 503 || problemCode(answer) !== 'database_unavailable' || !(Number(answer.headers['retry-after']) > 0)) unexpected = answer
      return false
    })
    t.equal(unexpected, undefined, 'until then, a read the stopped replica was to serve is a 503 database_unavailable problem with Retry-After')
    t.ok(servedByPrimary, `within seconds the replica's reads go to the primary (statuses seen: ${[...statuses].join(', ')})`)
    t.notOk(statuses.has(500), 'never a 500')
    t.strictSame(handle.replicas?.().map((r) => r.up), [false], 'the replica is marked down')
    t.equal(await replicaUp(), '0', 'GET /metrics: db_replica_up{replica="1"} 0')
    t.equal((await get('/v1/incidents?limit=5')).status, 200, 'lists are served by the primary too')
    t.equal((await get('/health/ready')).status, 200, 'the instance stays ready: readiness asks the primary')

    await replica.start()
    t.ok(await eventually(15_000, () => handle.replicas?.()[0]?.up === true), 'once the replica answers again, it is marked up')
    t.strictSame(changes, [[0, false], [0, true]], 'each change was reported')

    await pauseReplay(t, onReplica)
    const key = await createKey(handle.db, { name: 'second curator', scopes: ['write'] })
    const created = await client({ method: 'POST', url: '/v1/incidents', headers: { authorization: `Bearer ${key.key}` }, body: newIncident('inc_replica_back') })
    t.equal(created.status, 201, 'a curator writes while replay is paused again')
    t.equal((await get('/v1/incidents/inc_replica_back')).status, 404, 'anonymous reads are the replica\'s again (it has not replayed the write)')
    await onReplica`select pg_wal_replay_resume()`
    t.ok(await eventually(10_000, async () => (await get('/v1/incidents/inc_replica_back')).status === 200), 'and see the write once it has')
  })
})
