/**
 * npm run import:bench -- [--records 100000] [--batch-size 1000] [--concurrency 2] [--again] [--keep]
 * [--out file.ndjson]: writes an NDJSON file of deterministic synthetic records, imports it into a database of its own
 * (apv_import_bench, created on the server DATABASE_URL names and dropped afterwards) and prints the time, records/s,
 * CPU time and peak RSS. With --out it only writes the file (to try `npm run import` on).
 */
import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { importRecords, ndjsonRows, rejectedRows, formatRejection } from '../core/records/import.ts'
import { openDatabase } from '../db/client.ts'
import { migrateDatabase } from '../db/migrate.ts'
import { provinces } from '../domain/provinces.ts'
import { actorKinds, incidentTypes, responsibilityKinds, sourceKinds, statementKinds, targetTypes } from '../domain/vocabulary.ts'

const usage = 'usage: DATABASE_URL=postgres://... npm run import:bench -- [--records N] [--batch-size N] [--concurrency N] [--again] [--keep] [--out file.ndjson]'
const databaseName = 'apv_import_bench'

function badArguments (message: string): never {
  console.error(`import:bench: ${message} (${usage})`)
  process.exit(2)
}

let values: { records?: string, 'batch-size'?: string, concurrency?: string, again?: boolean, keep?: boolean, out?: string }
try {
  ({ values } = parseArgs({
    options: { records: { type: 'string' }, 'batch-size': { type: 'string' }, concurrency: { type: 'string' }, again: { type: 'boolean' }, keep: { type: 'boolean' }, out: { type: 'string' } },
    allowPositionals: false
  }))
} catch (error) {
  badArguments((error as Error).message.split('\n')[0]!)
}
const integer = (name: string, text: string | undefined, fallback: number, max: number) => {
  if (text === undefined) return fallback
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) badArguments(`--${name} must be an integer from 1 to ${max}, got "${text}"`)
  return Number(text)
}
const total = integer('records', values.records, 100_000, 10_000_000)
const batchSize = integer('batch-size', values['batch-size'], 1000, 10_000)
const concurrency = integer('concurrency', values.concurrency, 2, 8)
/** A small deterministic generator (mulberry32), so every run imports the same records. */
function random (seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p
  }
}

const pad = (n: number) => String(n).padStart(6, '0')
const day = (n: number) => new Date(Date.UTC(2021, 7, 15) + (n % 1500) * 86_400_000).toISOString().slice(0, 10)

/** Sources and actors first (a few hundred), then incidents and statements interleaved, a statement every fourth row. */
function * syntheticRows (count: number): Generator<{ kind: string, record: object }> {
  const rnd = random(20210815)
  const sources = Math.max(5, Math.min(300, Math.floor(count * 0.003)))
  const actors = Math.max(5, Math.min(200, Math.floor(count * 0.002)))
  const rest = Math.max(0, count - sources - actors)
  const statements = Math.floor(rest / 4)
  const incidents = rest - statements
  const source = (n: number) => `src_bench_${pad(n)}`
  const actor = (n: number) => `bench-actor-${n}`

  for (let n = 0; n < sources; n++) {
    yield {
      kind: 'sources',
      record: {
        id: source(n),
        title: `Synthetic report ${n}`,
        publisher: `Bench Wire ${n % 17}`,
        published_on: day(n),
        date_precision: 'day',
        url: `https://example.org/bench/${n}`,
        language: 'en',
        kind: rnd.pick(sourceKinds),
        ...(n > 0 && n % 10 === 0 ? { cites: [{ source: source(n - 1), context: 'According to' }] } : {})
      }
    }
  }
  for (let n = 0; n < actors; n++) {
    yield {
      kind: 'actors',
      record: {
        id: `act_bench_${pad(n)}`,
        slug: actor(n),
        name: `Bench Actor ${n}`,
        aliases: [`Bench Group ${n}`],
        kind: rnd.pick(actorKinds),
        parent: n > 10 && n % 7 === 0 ? actor(n % 10) : null,
        description: `A synthetic actor (${n}).`,
        estimates: n % 5 === 0 ? [{ measure: 'fighters', best: 100 + n, low: 50, high: 500 + n, as_of: day(n), date_precision: 'month', source: source(n % sources) }] : []
      }
    }
  }
  let incident = 0
  let statement = 0
  for (let p = 0; p < rest; p++) {
    if (p % 4 === 3 && statement < statements) {
      // Mostly about the incident just written; one in fifty about an incident some batches ahead.
      const ahead = statement % 50 === 49 && incident + 1500 < incidents
      const about = ahead ? incident + 1500 : Math.max(0, incident - 1)
      yield {
        kind: 'statements',
        record: {
          id: `stm_bench_${pad(statement)}`,
          speaker: actor(rnd.int(actors)),
          said_on: day(statement + 3),
          date_precision: 'day',
          kind: rnd.pick(statementKinds),
          text: `Synthetic statement ${statement} about incident ${about}.`,
          text_kind: 'quote',
          incident_ids: incident > 0 || ahead ? [`inc_bench_${pad(about)}`] : [],
          source_ids: [source(rnd.int(sources))]
        }
      }
      statement++
      continue
    }
    const n = incident++
    const reportCount = 1 + rnd.int(3)
    const first = rnd.int(sources)
    const reportSources = Array.from({ length: reportCount }, (_, i) => source((first + i * 7) % sources))
    const killed = rnd.int(30)
    const responsibility = Array.from({ length: rnd.int(3) }, (_, i) => ({
      kind: rnd.pick(responsibilityKinds),
      actor: actor((n + i * 13) % actors),
      source: reportSources[0]!,
      statement: statement > 0 && rnd.chance(0.2) ? `stm_bench_${pad(rnd.int(statement))}` : null,
      voice: 'source' as const
    }))
    yield {
      kind: 'incidents',
      record: {
        id: `inc_bench_${pad(n)}`,
        title: `Synthetic incident ${n}`,
        occurred_on: day(n),
        date_precision: 'day',
        province: provinces[n % provinces.length]!.code,
        place: `Place ${n % 97}`,
        type: rnd.pick(incidentTypes),
        targets: [rnd.pick(targetTypes)],
        summary: `A synthetic incident for the import benchmark (${n}).`,
        killed: { best: killed, low: killed, high: killed + rnd.int(5) },
        wounded: { best: null, low: rnd.int(10), high: null },
        reports: reportSources.map((s, i) => ({ source: s, occurred_on: day(n), killed: { best: killed + i, low: null, high: null }, excerpt: `Report ${i} of incident ${n}.` })),
        responsibility,
        participants: [{ role: 'perpetrator', actor: actor(n % actors), source: reportSources[0]! }]
      }
    }
  }
}

async function writeFile (path: string, count: number): Promise<void> {
  const out = createWriteStream(path)
  for (const row of syntheticRows(count)) {
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

function withDatabase (url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

if (values.out) {
  await writeFile(values.out, total)
  console.log(`wrote ${total} records to ${values.out}`)
  process.exit(0)
}
const serverUrl = process.env.DATABASE_URL
if (!serverUrl) {
  console.error('import:bench: needs PostgreSQL: set DATABASE_URL to a server it may create a database on (it creates and drops ' +
    `${databaseName}); embedded PGlite is no measure of the write path's speed`)
  process.exit(2)
}

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
const url = withDatabase(serverUrl, databaseName)
const dir = mkdtempSync(join(tmpdir(), 'apv-import-bench-'))
const file = join(dir, 'records.ndjson')
try {
  await admin.unsafe(`drop database if exists "${databaseName}" with (force)`)
  await admin.unsafe(`create database "${databaseName}"`)
  const generating = performance.now()
  await writeFile(file, total)
  console.log(`generated ${total} records in ${((performance.now() - generating) / 1000).toFixed(1)}s (${file})`)

  const handle = await openDatabase({ url, max: concurrency })
  try {
    await migrateDatabase(handle, url)
    for (const run of values.again ? ['first import', 'second import (same file)'] : ['import']) {
      const started = performance.now()
      const cpu = process.cpuUsage()
      const load = loadavg()[0]!
      let lastLine = started
      const report = await importRecords(handle.db, ndjsonRows(file), {
        batchSize,
        concurrency,
        onProgress: ({ done }) => {
          if (performance.now() - lastLine < 2000) return
          lastLine = performance.now()
          console.error(`  ${done} of ${total} records, ${Math.round(done / ((lastLine - started) / 1000))} records/s`)
        }
      })
      const seconds = (performance.now() - started) / 1000
      const used = process.cpuUsage(cpu)
      for (const r of report.rejected.slice(0, 10)) console.log(`  rejected ${formatRejection(r)}`)
      console.log(`${run}: read ${report.read}, created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${rejectedRows(report)}`)
      console.log(`${run}: ${report.read} records in ${seconds.toFixed(1)}s, ${Math.round(report.read / seconds)} records/s, ` +
        `batch size ${batchSize}, concurrency ${concurrency}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB, ` +
        `this process's CPU ${((used.user + used.system) / 1e6).toFixed(1)}s, load average ${load.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`)
    }
  } finally {
    await handle.close()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
  if (!values.keep) await admin.unsafe(`drop database if exists "${databaseName}" with (force)`).catch(() => {})
  await admin.end({ timeout: 5 })
}
