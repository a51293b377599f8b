/**
 * npm run bench:export: whole exports of the incident list (CSV, NDJSON, GeoJSON, and one filtered CSV) from the
 * service on DATABASE_URL, each measured for its first byte, its duration and the server's memory while it streams.
 * Prints a table and the targets as ratios; writes artifacts/bench-export.json. Fill the database with bench:seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { medianRss, runExport, type ExportRun } from '../bench/export-run.ts'
import { machine } from '../bench/report.ts'
import { databaseUrlMessage, serverFor, type ServerProcess } from '../bench/server-process.ts'

const usage = `npm run bench:export [-- options]

Starts the service on DATABASE_URL (or uses --url) and downloads whole exports of /v1/incidents one after another,
reading each as it streams, while the server's resident memory is sampled every 250 ms. One small export per format
(limit=10) goes first, unmeasured, so that the figures are of a warm server.

  --formats a,b   csv, ndjson, geojson (all three)
  --url URL       a server already running on the same DATABASE_URL; --pid PID for its memory
  --out FILE      the JSON report (artifacts/bench-export.json)
  --help

Targets: the first byte within 1 s; resident memory flat: the median over the last tenth of the export at most
50 MB above the median over the second tenth (the first tenth is start-up: buffers and plans warming).`

const { values } = parseArgs({
  options: {
    formats: { type: 'string', default: 'csv,ndjson,geojson' },
    url: { type: 'string' },
    pid: { type: 'string' },
    out: { type: 'string', default: 'artifacts/bench-export.json' },
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
const root = new URL('../..', import.meta.url).pathname
const formats = (values.formats as string).split(',').map((f) => f.trim()).filter(Boolean)
const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
let server: ServerProcess | undefined

const firstByteLimitMs = 1000
const growthLimitMb = 50

interface Row { name: string, run: ExportRun, expected: number, growthMb: number | null }

function line (row: Row): string {
  const { run } = row
  const s = (ms: number) => (ms / 1000).toFixed(2)
  const mb = (n: number | null) => n === null ? '-' : n.toFixed(0)
  const max = run.rssSamples.length > 0 ? Math.max(...run.rssSamples.map((x) => x.mb)) : null
  return [
    row.name.padEnd(16), String(run.status).padStart(4), `${s(run.headersMs)} s`.padStart(9), `${s(run.firstByteMs)} s`.padStart(9),
    `${s(run.totalMs)} s`.padStart(9), `${(run.bytes / 1e6).toFixed(0)} MB`.padStart(9), run.records.toLocaleString('en').padStart(11),
    `${Math.round(row.expected / (run.totalMs / 1000)).toLocaleString('en')}/s`.padStart(10),
    mb(run.rssBeforeMb).padStart(7), mb(medianRss(run, 0.1, 0.2)).padStart(7), mb(medianRss(run, 0.9, 1)).padStart(7), mb(max).padStart(7)
  ].join(' ')
}

async function main (): Promise<void> {
  server = await serverFor({ url: values.url, pid: values.pid ? Number(values.pid) : undefined, databaseUrl: databaseUrl as string, root })
  const info = await machine(sql, root)
  console.log(`${info.incidents} incidents; ${info.cpus} × ${info.cpuModel}; load average ${info.loadavg.map((l) => l.toFixed(2)).join(' ')}`)
  const [place] = await sql<Array<{ code: string, year: number, n: number }>>`
    select province_code as code, extract(year from occurred_on)::int as year, count(*)::int as n from incidents
    where province_code is not null group by 1, 2 order by 3 desc, 1, 2 limit 1`
  const total = info.incidents
  const runs: Array<{ name: string, path: string, expected: number }> = formats.map((f) => ({ name: `all ${f}`, path: `/v1/incidents?format=${f}`, expected: total }))
  if (place && formats.includes('csv')) {
    // The same overlap the API applies to windows: close to the year's count, which is enough for a progress estimate.
    runs.push({ name: `${place.code} ${place.year} csv`, path: `/v1/incidents?format=csv&province=${place.code}&start_date=${place.year}-01-01&end_date=${place.year}-12-31`, expected: place.n })
  }
  console.log(`${'export'.padEnd(16)} ${'code'.padStart(4)} ${'headers'.padStart(9)} ${'1st byte'.padStart(9)} ${'total'.padStart(9)} ${'size'.padStart(9)} ${'lines'.padStart(11)} ${'rows/s'.padStart(10)} ${'RSS0'.padStart(7)} ${'RSS10%'.padStart(7)} ${'RSS90%'.padStart(7)} ${'max'.padStart(7)}`)
  // A first request pays for connections, plans and code warming up: one small export per format first, unmeasured.
  for (const f of formats) await (await fetch(`${server.url}/v1/incidents?format=${f}&limit=10`)).arrayBuffer()
  const rows: Row[] = []
  for (const r of runs) {
    const run = await runExport(server.url, r.path, { pid: server.pid, expectedRecords: r.expected })
    const early = medianRss(run, 0.1, 0.2)
    const late = medianRss(run, 0.9, 1)
    const row = { name: r.name, run, expected: r.expected, growthMb: early !== null && late !== null ? late - early : null }
    rows.push(row)
    console.log(line(row))
  }
  console.log('\nRSS in MB: before the request, median over 10-20% and 90-100% of the rows sent, maximum.')
  console.log('\ntargets (each measured in this run)')
  for (const row of rows) {
    const fb = row.run.firstByteMs
    console.log(`  ${row.name}: first byte ${(fb / 1000).toFixed(2)} s ÷ ${firstByteLimitMs / 1000} s = ${(fb / firstByteLimitMs).toFixed(2)} ${fb <= firstByteLimitMs ? 'met' : 'MISSED'}` +
      (row.growthMb === null ? '; memory: not sampled (no pid)' : `; memory growth ${row.growthMb.toFixed(0)} MB (limit ${growthLimitMb}) ${row.growthMb <= growthLimitMb ? 'met' : 'MISSED'}`))
  }
  const out = resolve(root, values.out as string)
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), machine: info, exports: rows }, null, 2) + '\n')
  console.log(`\nwrote ${out}`)
}

try {
  await main()
} catch (error) {
  console.error(`\nbench:export failed: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await server?.stop()
  await sql.end({ timeout: 5 })
}
