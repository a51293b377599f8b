/** The benchmark's report: the table, the targets as ratios (pass or miss, and by how much), and the machine it ran on. */
import { execFileSync } from 'node:child_process'
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os'
import type postgres from 'postgres'
import type { Ceiling } from './ceiling.ts'
import type { Load } from './load.ts'
import type { Scenario } from './scenarios.ts'

export interface Measured extends Scenario {
  load: Load
  ceiling: Ceiling | null
  /** Why there is no ceiling, when there is none. */
  ceilingError?: string
  /** The SQL of one request, parameters inlined (the first path's). */
  sql: string[]
  /** Service req/s ÷ pgbench tps; service DB CPU per request ÷ pgbench DB CPU per transaction. */
  ratioReqPerS: number | null
  ratioDbCpu: number | null
}

export interface Soak {
  scenario: string
  seconds: number
  samples: Array<{ s: number, mb: number }>
  /** Medians of RSS over [baselineS, baselineS + windowS] and over the last windowS seconds. */
  baselineS: number
  windowS: number
  baselineMb: number
  endMb: number
  growthMb: number
  growthPct: number
}

export interface Target { name: string, value: number | null, limit: number, unit: string, ratio: number | null, pass: boolean | null, note: string }

export function withRatios (scenario: Scenario, load: Load, ceiling: Ceiling | null, sql: string[], ceilingError?: string): Measured {
  return {
    ...scenario,
    load,
    ceiling,
    ...(ceilingError ? { ceilingError } : {}),
    sql,
    ratioReqPerS: ceiling ? load.reqPerS / ceiling.tps : null,
    ratioDbCpu: ceiling?.dbCpuMsPerTx && load.dbCpuMsPerReq !== null ? load.dbCpuMsPerReq / ceiling.dbCpuMsPerTx : null
  }
}

const fixed = (digits: number) => (v: number | null | undefined) => v === null || v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits)

export function table (measured: Measured[]): string {
  const columns: Array<[string, (m: Measured) => string]> = [
    ['scenario', (m) => m.name],
    ['rows', (m) => m.rows === null ? 'item' : String(m.rows)],
    ['req/s', (m) => fixed(0)(m.load.reqPerS)],
    ['p50 ms', (m) => fixed(1)(m.load.p50Ms)],
    ['p99 ms', (m) => fixed(1)(m.load.p99Ms)],
    ['srv CPU ms/req', (m) => fixed(2)(m.load.serverCpuMsPerReq)],
    ['RSS MB end/max', (m) => m.load.rssEndMb === null ? '-' : `${fixed(0)(m.load.rssEndMb)}/${fixed(0)(m.load.rssMaxMb)}`],
    ['DB CPU ms/req', (m) => fixed(2)(m.load.dbCpuMsPerReq)],
    ['pgbench tps', (m) => m.ceiling ? fixed(0)(m.ceiling.tps) : 'failed'],
    ['pgbench DB ms/tx', (m) => fixed(2)(m.ceiling?.dbCpuMsPerTx)],
    ['req/s ÷ tps', (m) => fixed(2)(m.ratioReqPerS)],
    ['DB CPU ÷ pgbench', (m) => fixed(2)(m.ratioDbCpu)]
  ]
  const cells = [columns.map(([title]) => title), ...measured.map((m) => columns.map(([, cell]) => cell(m)))]
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] as string).length)))
  const line = (row: string[]) => row.map((cell, i) => i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)).join('  ')
  return [line(cells[0] as string[]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

function target (name: string, value: number | null | undefined, limit: number, unit: string, note = ''): Target {
  const known = value !== null && value !== undefined && Number.isFinite(value)
  return { name, value: known ? value : null, limit, unit, ratio: known ? value / limit : null, pass: known ? value <= limit : null, note }
}

/** The issue's targets, each a ratio measured in this run. */
export function evaluateTargets (measured: Measured[], soak: Soak | undefined): Target[] {
  const by = (name: string) => measured.find((m) => m.name === name)
  const ratio = (a: number | null | undefined, b: number | null | undefined) => a !== null && a !== undefined && b ? a / b : null
  const targets: Target[] = []
  const list = by('list')
  if (list) {
    targets.push(target(`list: server CPU per ${list.rows}-row page`, list.load.serverCpuMsPerReq, 2, 'ms'))
    targets.push(target('list: DB CPU per page ÷ pgbench, same SQL', list.ratioDbCpu, 1.1, '×'))
  }
  const base = by('province-window')
  for (const name of ['claimed-by', 'attributed-to', 'actor']) {
    const filtered = by(name)
    if (!filtered || !base) continue
    targets.push(target(`${name}: server CPU ÷ province-window`, ratio(filtered.load.serverCpuMsPerReq, base.load.serverCpuMsPerReq), 1.5, '×',
      `${filtered.rows} vs ${base.rows} rows`))
    targets.push(target(`${name}: p50 latency ÷ province-window`, ratio(filtered.load.p50Ms, base.load.p50Ms), 1.5, '×'))
  }
  const byId = by('by-id')
  if (byId) targets.push(target('by-id: server CPU per request', byId.load.serverCpuMsPerReq, 1, 'ms', 'target: under 1 ms'))
  const deep = by('page-1000')
  if (deep && list) {
    targets.push(target('page-1000: server CPU ÷ first page', ratio(deep.load.serverCpuMsPerReq, list.load.serverCpuMsPerReq), 1.2, '×'))
    targets.push(target('page-1000: DB CPU ÷ first page', ratio(deep.load.dbCpuMsPerReq, list.load.dbCpuMsPerReq), 1.2, '×'))
  }
  if (soak) {
    targets.push(target(`soak: RSS growth over ${soak.seconds} s`, soak.growthPct, 5, '%',
      `${soak.baselineMb.toFixed(0)} → ${soak.endMb.toFixed(0)} MB`))
  }
  return targets
}

export function targetLines (targets: Target[]): string {
  if (targets.length === 0) return '(no target applies to the scenarios run)'
  const width = Math.max(...targets.map((t) => t.name.length))
  return targets.map((t) => {
    const value = t.value === null ? '-' : `${t.value.toFixed(2)} ${t.unit}`
    const verdict = t.pass === null
      ? 'not measured'
      : t.pass
        ? (t.ratio as number) >= 0 ? `pass (${((1 - (t.ratio as number)) * 100).toFixed(0)}% under)` : 'pass'
        : `MISS by ${(((t.ratio as number) - 1) * 100).toFixed(0)}%`
    return `${t.name.padEnd(width)}  ${value.padStart(10)}  limit ${String(t.limit).padStart(4)} ${t.unit.padEnd(2)}  ${verdict}${t.note ? `  (${t.note})` : ''}`
  }).join('\n')
}

export function soakLines (soak: Soak): string {
  const series = soak.samples.map((s) => `${s.s.toFixed(0)}s ${s.mb.toFixed(0)}`).join(', ')
  // The target is about growth (a leak); memory that falls back after the first minute is not one.
  const flat = soak.growthPct <= 5 ? (soak.growthPct >= -5 ? 'flat' : 'no growth (it fell)') : 'GROWING'
  return `RSS MB every 5 s: ${series}\n` +
    `median of ${soak.baselineS}-${soak.baselineS + soak.windowS} s → median of the last ${soak.windowS} s: ` +
    `${soak.baselineMb.toFixed(1)} → ${soak.endMb.toFixed(1)} MB, ` +
    `${soak.growthMb >= 0 ? '+' : ''}${soak.growthMb.toFixed(1)} MB (${soak.growthPct >= 0 ? '+' : ''}${soak.growthPct.toFixed(1)}%): ${flat}`
}

function gitCommit (root: string): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== ''
    return dirty ? `${commit} (with uncommitted changes)` : commit
  } catch {
    return null
  }
}

export async function machine (sql: postgres.Sql, root: string) {
  const [{ version } = { version: '' }] = await sql<Array<{ version: string }>>`select version()`
  const [{ n } = { n: 0 }] = await sql<Array<{ n: number }>>`select count(*)::int as n from incidents`
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    loadavg: loadavg(),
    totalMemMb: Math.round(totalmem() / 1024 / 1024),
    os: `${osType()} ${release()}`,
    node: process.version,
    postgres: version,
    incidents: n,
    commit: gitCommit(root)
  }
}
