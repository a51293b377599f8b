/** Three server processes started together on one empty database all come up and serve the same data, seeded once. */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import t, { type Test } from 'tap'
import { migrationsFolder } from '../../src/db/migrate.ts'
import { stopChild } from '../../src/bench/server-process.ts'
import { freePort } from './processes.ts'
import { createServerDatabase } from './server-database.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

interface Server { child: ChildProcess, port: number, output: string[] }

/** `node --import tsx src/server.ts`, as npm start runs it; killed at teardown whatever happens. */
function startServer (t: Test, url: string, port: number): Server {
  // Not tap's NODE_OPTIONS (its loaders and coverage): the server starts as in production.
  const { NODE_OPTIONS: _, ...env } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_ON_EMPTY: 'true' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const server: Server = { child, port, output: [] }
  const collect = (chunk: Buffer) => { server.output.push(...chunk.toString().split('\n').filter(Boolean)) }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  t.teardown(() => stopChild(child))
  return server
}


/** The first 200 of GET /v1/incidents, or why there was none within the time allowed. */
async function firstAnswer (server: Server, withinMs: number): Promise<{ status: number, body: string }> {
  const deadline = performance.now() + withinMs
  for (;;) {
    if (server.child.exitCode !== null) return { status: 0, body: `exited ${server.child.exitCode}:\n${server.output.join('\n')}` }
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/v1/incidents?limit=100`, { signal: AbortSignal.timeout(10_000) })
      const body = await response.text()
      if (response.status === 200) return { status: 200, body }
      if (performance.now() > deadline) return { status: response.status, body }
    } catch (error) {
      if (performance.now() > deadline) return { status: 0, body: `${String(error)}\n${server.output.join('\n')}` }
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

t.test('three instances starting at once on one empty database', async (t) => {
  const url = await createServerDatabase(t, 'start')
  const ports = new Set<number>()
  while (ports.size < 3) ports.add(await freePort())
  const servers = [...ports].map((port) => startServer(t, url, port))

  const answers = await Promise.all(servers.map((server) => firstAnswer(server, 120_000)))
  answers.forEach((answer, i) => t.equal(answer.status, 200, `instance ${i + 1} comes up and answers GET /v1/incidents`, { body: answer.body.slice(0, 4000) }))
  const bodies = answers.map((a) => a.body)
  t.ok(bodies.every((b) => b === bodies[0]), 'all three serve the same data')
  t.ok(JSON.parse(bodies[0]!).data.length > 0, 'which is the curated dataset, not an empty list')

  // Each instance logs its bootstrap step: exactly one loaded the dataset, the others found it loaded.
  const steps = servers.map((s) => s.output.map((line) => { try { return JSON.parse(line) } catch { return null } })
    .find((entry) => entry?.step === 'load dataset'))
  t.equal(steps.filter(Boolean).length, 3, 'every instance logged its bootstrap')
  t.equal(steps.filter((s) => typeof s?.dataset === 'object').length, 1, 'exactly one instance loaded the dataset')

  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: unknown[] }
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  t.teardown(() => sql.end({ timeout: 1 }).catch(() => {}))
  const [applied] = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`
  t.equal(applied!.n, journal.entries.length, 'each migration was recorded once')
})
