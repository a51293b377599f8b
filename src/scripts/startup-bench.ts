/**
 * npm run bench:startup [-- --runs 3 --requests 300]: how long the embedded default takes to start (first start on an
 * empty data folder, then a restart) and how much memory it holds, for the TypeScript entry (`npm start`) and the
 * compiled one (`npm run start:prod`, after `npm run build`). Prints medians, the start-up steps' own durations, and
 * each figure against its target; writes artifacts/startup.json.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, requests: { type: 'string', default: '300' } } })
const runs = Number(values.runs)
const requests = Number(values.requests)
const root = new URL('../..', import.meta.url).pathname

const targets = { firstStartMs: 10_000, restartMs: 3_000, rssMb: 250 }

interface Start { readyMs: number, rssReadyMb: number, rssLoadedMb: number, steps: Record<string, number> }

const entries: Record<string, string[]> = {
  'npm start (tsx)': ['--import', 'tsx', 'src/server.ts'],
  'compiled (dist)': ['dist/server.js']
}

function rssMb (pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

/** Starts the server on the data folder and resolves when /health/ready answers 200. */
async function start (args: string[], dataDir: string): Promise<{ child: ChildProcess, url: string, result: Start }> {
  const began = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PGLITE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', RATE_LIMIT_MAX: '0' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const steps: Record<string, number> = {}
  let buffered = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited ${code} before listening`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      let newline
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline)
        buffered = buffered.slice(newline + 1)
        try {
          const entry = JSON.parse(line) as { step?: string, ms?: number, address?: string }
          if (entry.step && entry.ms !== undefined) steps[entry.step] = entry.ms
          if (entry.step === 'listen' && entry.address) resolve(entry.address)
        } catch { /* not a log line */ }
      }
    })
  })
  for (;;) {
    const response = await fetch(`${url}/health/ready`).catch(() => undefined)
    if (response?.status === 200) break
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const readyMs = performance.now() - began
  const rssReadyMb = rssMb(child.pid as number)
  const paths = ['/v1/incidents', '/v1/incidents?province=Kabul', '/v1/actors', '/v1/statements', '/v1/sources', '/v1/incidents/inc_2021_09_jalalabad_blasts', '/openapi.json']
  for (let i = 0; i < requests; i++) await (await fetch(url + paths[i % paths.length])).arrayBuffer()
  return { child, url, result: { readyMs, rssReadyMb, rssLoadedMb: rssMb(child.pid as number), steps } }
}

async function stop (child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

const report: Record<string, { first: Start[], restart: Start[] }> = {}
console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${runs} runs each, ${requests} requests after each start\n`)
for (const [name, args] of Object.entries(entries)) {
  if (name.startsWith('compiled') && !existsSync(join(root, 'dist/server.js'))) {
    console.log(`${name}: skipped (run npm run build first)`)
    continue
  }
  report[name] = { first: [], restart: [] }
  for (let i = 0; i < runs; i++) {
    const folder = mkdtempSync(join(tmpdir(), 'apv-startup-'))
    try {
      const dataDir = join(folder, 'pglite')
      const first = await start(args, dataDir)
      await stop(first.child)
      report[name].first.push(first.result)
      const again = await start(args, dataDir)
      await stop(again.child)
      report[name].restart.push(again.result)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }
}

const verdict = (value: number, target: number) => `${value <= target ? 'meets' : 'misses'} ${target} (${(value / target).toFixed(2)}x)`
const rows: string[][] = [['entry', 'start', 'ready ms', 'RSS ready MB', `RSS after ${requests} req MB`, 'steps (ms)']]
for (const [name, { first, restart }] of Object.entries(report)) {
  for (const [kind, starts] of [['first', first], ['restart', restart]] as const) {
    const stepNames = Object.keys(starts[0]?.steps ?? {})
    rows.push([name, kind, String(Math.round(median(starts.map((s) => s.readyMs)))),
      String(median(starts.map((s) => s.rssReadyMb))), String(median(starts.map((s) => s.rssLoadedMb))),
      stepNames.map((s) => `${s} ${median(starts.map((x) => x.steps[s] ?? 0))}`).join(', ')])
  }
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '))
console.log('\nTargets (median against target; ratio < 1 is within it):')
for (const [name, { first, restart }] of Object.entries(report)) {
  console.log(`  ${name}: first start ${verdict(median(first.map((s) => s.readyMs)), targets.firstStartMs)} ms; ` +
    `restart ${verdict(median(restart.map((s) => s.readyMs)), targets.restartMs)} ms; ` +
    `RSS ${verdict(Math.max(median(first.map((s) => s.rssLoadedMb)), median(restart.map((s) => s.rssLoadedMb))), targets.rssMb)} MB`)
}
mkdirSync(join(root, 'artifacts'), { recursive: true })
writeFileSync(join(root, 'artifacts/startup.json'), JSON.stringify({ at: new Date().toISOString(), cores: cpus().length, loadavg: loadavg(), runs, requests, targets, report }, null, 2))
console.log('\nwritten: artifacts/startup.json')
