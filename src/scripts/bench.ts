/**
 * npm run bench: drives the running service with autocannon, scenario by scenario, and runs the same SQL straight
 * against Postgres with pgbench in the same run; prints a table and the targets as ratios, writes artifacts/bench.json.
 * Fill the database first with npm run bench:seed. `npm run bench -- --help` lists the options.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { openCapture, pgbenchScript } from '../bench/capture.ts'
import { databaseName, runCeiling, type Ceiling } from '../bench/ceiling.ts'
import { runLoad, warmUp, type LoadOptions } from '../bench/load.ts'
import { postgresVisible } from '../bench/proc-stats.ts'
import { evaluateTargets, machine, soakLines, table, targetLines, withRatios, type Measured, type Soak } from '../bench/report.ts'
import { formScenarios, pickData, scenarioNames, type Get, type Scenario } from '../bench/scenarios.ts'
import { databaseUrlMessage, serverFor, type ServerProcess } from '../bench/server-process.ts'

const usage = `npm run bench [-- options]

Starts the service (node --import tsx src/server.ts) on DATABASE_URL with rate limiting off, forms the scenarios
from the data, and for each: a warm-up, autocannon at --connections for --duration seconds, then the same SQL
through pgbench at the same connections and duration. Prints a table and the targets; writes --out.

  --connections N   concurrent connections, for autocannon and pgbench (16)
  --duration S      seconds per scenario, and per pgbench run (10)
  --warmup S        seconds of load before each measured run (2)
  --threads N       pgbench threads (-j) (2)
  --scenarios a,b   only these (${scenarioNames.join(', ')})
  --soak S          run province-window for S seconds, sampling the server's RSS every 5 s; alone unless
                    --scenarios is given too
  --url URL         bench a server already running (on the same DATABASE_URL) instead of starting one
  --pid PID         that server's pid, for its CPU and memory figures
  --out FILE        the JSON report (artifacts/bench.json)
  --help

Needs DATABASE_URL (the database the service reads; filled by npm run bench:seed) and pgbench on the PATH.
Server and database CPU come from /proc: both must run on this machine for those columns.`

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '16' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    threads: { type: 'string', default: '2' },
    scenarios: { type: 'string' },
    soak: { type: 'string' },
    url: { type: 'string' },
    pid: { type: 'string' },
    out: { type: 'string', default: 'artifacts/bench.json' },
    help: { type: 'boolean', default: false }
  }
})

if (values.help) {
  console.log(usage)
  process.exit(0)
}
const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.error(databaseUrlMessage)
  process.exit(1)
}
const positive = (name: string, text: string | undefined): number => {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${text}"`)
    process.exit(1)
  }
  return n
}
const connections = positive('connections', values.connections)
const durationS = positive('duration', values.duration)
const warmupS = positive('warmup', values.warmup)
const threads = positive('threads', values.threads)
const soakS = values.soak === undefined ? undefined : positive('soak', values.soak)
const root = new URL('../..', import.meta.url).pathname
const database = databaseName(databaseUrl)
const selected = values.scenarios?.split(',').map((s) => s.trim()).filter(Boolean) ?? (soakS ? [] : scenarioNames)

const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} })
let server: ServerProcess | undefined

async function main (): Promise<void> {
  server = await serverFor({ url: values.url, pid: values.pid ? positive('pid', values.pid) : undefined, databaseUrl: databaseUrl as string, root })
  const { url, pid } = server
  const get: Get = async (path) => {
    const response = await fetch(url + path)
    const text = await response.text()
    return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text }
  }
  const info = await machine(sql, root)
  console.log(`${info.incidents} incidents; ${info.cpus} × ${info.cpuModel}; load average ${info.loadavg.map((l) => l.toFixed(2)).join(' ')}`)
  console.log(`${values.url ? `server ${url}` : `server started at ${url}`}${pid ? `, pid ${pid}` : ', pid unknown: no server CPU or memory figures'}` +
    `${postgresVisible() ? '' : '; no local Postgres in /proc: no database CPU figures'}`)

  console.log('picking scenarios from the data (walking /v1/incidents 1,000 pages deep) ...')
  const picks = await pickData(sql, get)
  const soakNames = soakS ? ['province-window', 'list'] : []
  const { scenarios, skipped } = await formScenarios(picks, get, [...new Set([...selected, ...soakNames])])
  const measuredScenarios = scenarios.filter((s) => selected.includes(s.name))
  for (const s of skipped) console.log(`skipped ${s.name}: ${s.reason}`)

  const capture = await openCapture(databaseUrl as string)
  const scripts = new Map<string, { scripts: string[], sql: string[] }>()
  try {
    for (const scenario of measuredScenarios) {
      // Rotating scenarios: a script per request variant (up to 20), pgbench picks one per transaction.
      const variants = []
      for (const path of scenario.paths.slice(0, 20)) variants.push(await capture.capture(path))
      scripts.set(scenario.name, { scripts: variants.map(pgbenchScript), sql: pgbenchScript(variants[0] ?? []).trimEnd().split('\n') })
    }
  } finally {
    await capture.close()
  }

  const loadOptions: LoadOptions = { url, connections, durationS, pid, database }
  const measured: Measured[] = []
  for (const scenario of measuredScenarios) {
    const { scripts: files, sql: statements } = scripts.get(scenario.name) as { scripts: string[], sql: string[] }
    process.stdout.write(`${scenario.name.padEnd(20)} ${scenario.description} ... `)
    await warmUp(loadOptions, scenario.paths, warmupS)
    const load = await runLoad(loadOptions, scenario.paths)
    let ceiling: Ceiling | null = null
    let ceilingError: string | undefined
    try {
      ceiling = await runCeiling(files, { databaseUrl: databaseUrl as string, database, connections, threads, durationS })
    } catch (error) {
      ceilingError = (error as Error).message
    }
    measured.push(withRatios(scenario, load, ceiling, statements, ceilingError))
    console.log(`${load.reqPerS.toFixed(0)} req/s, ${statements.length} statements${ceiling ? `, pgbench ${ceiling.tps.toFixed(0)} tps` : ''}`)
    if (ceilingError) console.log(`  pgbench: ${ceilingError.split('\n').slice(0, 4).join('\n  ')}`)
  }

  let soak: Soak | undefined
  if (soakS) soak = await runSoak(scenarios, loadOptions, soakS)

  const targets = evaluateTargets(measured, soak)
  if (measured.length > 0) {
    console.log(`\n${connections} connections, ${durationS} s each (after ${warmupS} s of warm-up); pgbench -M prepared -c ${connections} -j ${Math.min(threads, connections)} -T ${durationS}\n`)
    console.log(table(measured))
  }
  if (soak) console.log(`\nsoak: ${soak.scenario} for ${soak.seconds} s\n${soakLines(soak)}`)
  console.log(`\ntargets (each a ratio measured in this run)\n${targetLines(targets)}`)
  console.log('responses identical before and after a change: npm run bench:responses -- --out before.json, then --compare before.json')

  const out = resolve(root, values.out as string)
  mkdirSync(dirname(out), { recursive: true })
  const report = {
    at: new Date().toISOString(),
    machine: info,
    options: { connections, durationS, warmupS, pgbenchThreads: threads, server: values.url ? 'given' : 'started', database },
    picks: { ...picks, ids: picks.ids.length },
    scenarios: measured,
    skipped,
    soak: soak ?? null,
    targets
  }
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n')
  console.log(`\nwrote ${out}`)
}

/** The province list (or the plain list) for `seconds`, RSS every 5 s; growth measured from minute 1 (or a quarter in). */
async function runSoak (scenarios: Scenario[], options: LoadOptions, seconds: number): Promise<Soak> {
  const scenario = scenarios.find((s) => s.name === 'province-window') ?? scenarios.find((s) => s.name === 'list')
  if (!scenario) throw new Error('soak: neither province-window nor list could be formed')
  if (!options.pid) throw new Error('soak: the server pid is unknown (give --pid with --url)')
  console.log(`soak: ${scenario.name} for ${seconds} s ...`)
  const load = await runLoad({ ...options, durationS: seconds, sampleEveryS: 5 }, scenario.paths)
  const samples = load.rssSamples.map((s) => ({ s: Math.round(s.s), mb: Math.round(s.mb * 10) / 10 }))
  // RSS moves with every collection: compare the median of a window after start-up (minute 1 to 2, or the second
  // quarter of a short run) with the median of the last window of the same length.
  const window = seconds >= 180 ? 60 : seconds / 4
  const baselineS = seconds >= 180 ? 60 : seconds / 4
  const median = (from: number, to: number) => {
    const mbs = samples.filter((s) => s.s >= from && s.s <= to).map((s) => s.mb).sort((a, b) => a - b)
    return mbs[Math.floor(mbs.length / 2)] ?? 0
  }
  const baselineMb = median(baselineS, baselineS + window)
  const endMb = median(seconds - window, seconds + 1)
  return {
    scenario: scenario.name,
    seconds,
    samples,
    baselineS,
    windowS: window,
    baselineMb,
    endMb,
    growthMb: endMb - baselineMb,
    growthPct: baselineMb > 0 ? (endMb - baselineMb) / baselineMb * 100 : 0
  }
}

try {
  await main()
} catch (error) {
  console.error(`\nbench failed: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await server?.stop()
  await sql.end({ timeout: 5 })
}
