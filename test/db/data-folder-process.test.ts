/** Real processes on one embedded data folder: a killed first start leaves no folder, a second server or a script stops naming the first, a crash is recovered from. */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { lockPathOf } from '../../src/db/data-folder-lock.ts'
import { buildPathOf } from '../../src/db/data-folder.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'apv-folder-processes-'))
t.teardown(() => rmSync(work, { recursive: true, force: true }))
const dir = join(work, 'pglite')

// Not tap's NODE_OPTIONS (its loaders and coverage): the processes start as in production. Always PGlite, also when
// the suite runs on PostgreSQL.
const { NODE_OPTIONS: _, ...inherited } = process.env
const env = { ...inherited, DATABASE_URL: '', PGLITE_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_MAX: '0' }

interface Run {
  child: ChildProcess
  pid: number
  stdout: () => string
  stderr: () => string
  exited: Promise<number | null>
}

const running = new Set<ChildProcess>()
t.teardown(() => { for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })

/** `node --import tsx <script>`, as the npm scripts run it; killed at teardown whatever happens. */
function run (script: string, args: string[] = [], overrides: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...env, ...overrides }, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk) => { stdout += chunk })
  child.stderr!.on('data', (chunk) => { stderr += chunk })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, pid: child.pid!, stdout: () => stdout, stderr: () => stderr, exited }
}

async function waitFor (what: string, check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** The server's address once it listens (fastify logs it); fails when the process exits first. */
async function listening (server: Run): Promise<string> {
  let exited = false
  void server.exited.then(() => { exited = true })
  const address = () => /Server listening at (http:\/\/[\d.:]+)/.exec(server.stdout())?.[1]
  await waitFor('the server to listen', () => exited || address() !== undefined, 180_000)
  if (!address()) throw new Error(`the server exited before it listened: ${server.stderr()}`)
  return address()!
}

/** The cluster's system identifier (the control file's first 8 bytes): a new initdb would make a new one. */
const controlIdentifier = () => readFileSync(join(dir, 'global', 'pg_control')).subarray(0, 8).toString('hex')

const lockOwnerPid = () => (JSON.parse(readFileSync(lockPathOf(dir), 'utf8')) as { pid: number }).pid

async function incidentIds (base: string): Promise<string[]> {
  const response = await fetch(`${base}/v1/incidents?limit=100`)
  const body = await response.json() as { data: Array<{ id: string }> }
  return body.data.map((incident) => incident.id)
}

const build = buildPathOf(dir)
let killedDuringBuild: Run
let first: Run
let firstUrl: string
let ids: string[]

t.test('a first start killed while it builds the data folder leaves no data folder', async (t) => {
  killedDuringBuild = run('src/server.ts')
  let exited = false
  void killedDuringBuild.exited.then(() => { exited = true })
  // Files appear in the build folder once PGlite writes the new cluster out; it is renamed into place after.
  const halfBuilt = () => { try { return readdirSync(build).length > 0 } catch { return false } }
  await waitFor('the data folder to be half built', () => exited || halfBuilt(), 180_000)
  if (exited) throw new Error(`the server exited before it built anything: ${killedDuringBuild.stdout()} ${killedDuringBuild.stderr()}`)
  killedDuringBuild.child.kill('SIGKILL')
  await killedDuringBuild.exited
  t.notOk(existsSync(dir), 'no data folder')
  t.ok(existsSync(build), 'the half-built one is beside it')
  t.equal(lockOwnerPid(), killedDuringBuild.pid, 'and the lock it held')
})

t.test('the next start clears the half-built folder, takes over the stale lock, builds the folder and serves', async (t) => {
  first = run('src/server.ts')
  firstUrl = await listening(first)
  t.match(first.stderr(), `took over the lock on the data folder ${dir} from process ${killedDuringBuild.pid}`, 'says it took the lock over')
  t.notOk(existsSync(build), 'the half-built folder is gone')
  t.ok(existsSync(join(dir, 'PG_VERSION')), 'the data folder is built')
  t.equal(lockOwnerPid(), first.pid, 'and locked by this server')
  ids = await incidentIds(firstUrl)
  t.ok(ids.length > 0, 'it serves the curated dataset it loaded')
})

t.test('a second server on the same folder stops at once, naming the first', async (t) => {
  const second = run('src/server.ts')
  const code = await second.exited
  t.not(code, 0, 'it exits with an error')
  // How the server prints a StartupError (a log line, or stderr) is its own business: the message is what counts.
  const output = second.stdout() + second.stderr()
  t.match(output, `the data folder ${dir} is in use by process ${first.pid} (`, 'naming the process that holds the folder')
  t.match(output, /src\/server\.ts\) since \d{4}-\d\d-\d\dT[^"]*stop that process first/, 'its command line, since when, and what to do')
  t.notMatch(output, /Server listening/, 'it never listened')
  t.equal((await fetch(`${firstUrl}/health/live`)).status, 200, 'the first still serves')
  t.equal(lockOwnerPid(), first.pid, 'and still holds the lock')
})

t.test('the scripts stop with one line naming the first: seed, key:create, key:list exit 1, import exits 3', async (t) => {
  const ndjson = join(work, 'one.ndjson')
  writeFileSync(ndjson, '{}\n')
  const scripts: Array<[string, string, string[], number]> = [
    ['seed', 'src/scripts/seed.ts', [], 1],
    ['key:create', 'src/scripts/key-create.ts', ['--name', 'ops', '--scope', 'write'], 1],
    ['key:list', 'src/scripts/key-list.ts', [], 1],
    ['import', 'src/scripts/import.ts', [ndjson], 3]
  ]
  const runs = scripts.map(([, script, args]) => run(script, args))
  const codes = await Promise.all(runs.map((r) => r.exited))
  scripts.forEach(([name, , , expected], i) => {
    const stderr = runs[i]!.stderr().trimEnd()
    t.equal(codes[i], expected, `${name}: exit ${expected}`)
    t.equal(stderr.split('\n').length, 1, `${name}: one line on stderr, no stack (${stderr})`)
    t.match(stderr, `${name}: the data folder ${dir} is in use by process ${first.pid} (`, `${name}: names the process that holds the folder`)
    t.match(stderr, /src\/server\.ts\) since .*stop that process first/, `${name}: its command line, since when, and what to do`)
    t.equal(runs[i]!.stdout(), '', `${name}: nothing on stdout`)
  })
  t.equal(lockOwnerPid(), first.pid, 'the server still holds the lock')
})

t.test('after the server is killed (a crash), a new one takes the folder over and still has the data', async (t) => {
  const identifier = controlIdentifier()
  first.child.kill('SIGKILL')
  await first.exited
  t.equal(lockOwnerPid(), first.pid, 'the killed server left its lock')

  // Without loading the dataset on an empty database: what it serves must come from the folder.
  const next = run('src/server.ts', [], { SEED_ON_EMPTY: 'false' })
  const url = await listening(next)
  t.match(next.stderr(), `took over the lock on the data folder ${dir} from process ${first.pid} (`, 'takes the lock over')
  t.match(next.stderr(), /: it is no longer running/, 'and says why')
  t.same(await incidentIds(url), ids, 'and serves the data the killed server had')
  t.equal(controlIdentifier(), identifier, 'from the same cluster, never initialised again')

  next.child.kill('SIGTERM')
  t.equal(await next.exited, 0, 'it exits 0 on SIGTERM')
  t.notOk(existsSync(lockPathOf(dir)), 'and releases the lock as it closes')
})
