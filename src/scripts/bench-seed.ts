/**
 * npm run bench:seed -- [--incidents 1000000] [--reset]: fills the PostgreSQL database DATABASE_URL names with
 * deterministic synthetic data for benchmarks (ids prefixed `bench_`), after the usual bootstrap. Run again with the
 * same size, it finds the rows there and stops; another size (or --reset) replaces them.
 */
import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import { seedBenchData } from '../bench/seed/seed.ts'
import { maxIncidents, type SeedProgress } from '../bench/seed/options.ts'
import { bootstrapDatabase } from '../db/bootstrap.ts'
import { openDatabase } from '../db/client.ts'
import { StartupError } from '../db/startup-error.ts'

const usage = `usage: DATABASE_URL=postgres://... npm run bench:seed -- [--incidents N] [--reset]

  --incidents N  synthetic incidents (default 1000000); sources, reports, responsibility and statements scale with it
  --reset        delete the synthetic rows and seed again, even when this size is already there
  --help         this text`

function fail (message: string, code = 1): never {
  console.error(message)
  process.exit(code)
}

let values: { incidents?: string, reset?: boolean, help?: boolean }
try {
  ({ values } = parseArgs({
    options: { incidents: { type: 'string', default: '1000000' }, reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: false
  }))
} catch (error) {
  fail(`bench:seed: ${(error as Error).message.split('\n')[0]}\n${usage}`, 2)
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const text = values.incidents ?? ''
const incidents = Number(text)
if (!/^\d+$/.test(text) || incidents < 1 || incidents > maxIncidents) {
  fail(`bench:seed: --incidents must be an integer from 1 to ${maxIncidents}, got "${text}"`, 2)
}
const url = process.env.DATABASE_URL
if (!url) fail('Set DATABASE_URL to a PostgreSQL database the benchmark may fill, e.g. postgres://postgres@127.0.0.1:5432/apv_bench')

/** The database part of the URL, without credentials. */
function databaseName (url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || 'the default database'
  } catch {
    return 'DATABASE_URL'
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(9)
const count = (n: number) => n.toLocaleString('en-US').padStart(11)
const line = (step: string, rows: string, ms: number) => console.log(`${step.padEnd(22)}${rows}${seconds(ms)}`)

/** A bar per step on a terminal; a line with the step's rows and time either way. */
function progress (): (event: SeedProgress) => void {
  let bar: cliProgress.SingleBar | null = null
  return (event) => {
    if (event.type === 'start' && process.stderr.isTTY) {
      bar = new cliProgress.SingleBar({ format: `${event.step.padEnd(22)}{bar} {percentage}% {value}/{total} {duration}s`, hideCursor: true, clearOnComplete: true })
      bar.start(event.total, 0)
    } else if (event.type === 'advance') {
      bar?.update(event.done)
    } else if (event.type === 'end') {
      bar?.stop()
      bar = null
      line(event.step, event.step === 'vacuum analyze' ? ''.padStart(11) : count(event.rows), event.ms)
    }
  }
}

const handle = await openDatabase({ url, max: 2, limits: { statementTimeoutMs: 0 } })
try {
  const started = performance.now()
  console.log(`bench:seed: ${incidents.toLocaleString('en-US')} synthetic incidents into ${databaseName(url)}`)
  await bootstrapDatabase(handle, { url, seedOnEmpty: true, onStep: (step, ms) => line(step, ''.padStart(11), ms) })
  const result = await seedBenchData(handle.db, { incidents, reset: values.reset, onProgress: progress() })
  if (result.status === 'present') {
    console.log(`The ${incidents.toLocaleString('en-US')} synthetic incidents are already there; nothing to do (--reset seeds them again).`)
  } else {
    const rows = result.steps.filter((s) => s.step !== 'reset' && s.step !== 'vacuum analyze').reduce((sum, s) => sum + s.rows, 0)
    line('total', count(rows), performance.now() - started)
  }
} catch (error) {
  await handle.close()
  fail(error instanceof StartupError ? error.message : `bench:seed: ${(error as Error).message}`)
}
await handle.close()
