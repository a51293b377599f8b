/** CPU time and resident memory of processes, read from /proc (Linux): the service's own process and the local Postgres. */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/** Clock ticks per second, the unit of utime and stime in /proc/<pid>/stat. */
export const clockTicks = (() => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100
  } catch {
    return 100
  }
})()

interface ProcTimes { own: number }

/** utime + stime, in ticks; undefined when the process is gone. */
function procTimes (pid: number): ProcTimes | undefined {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  // The command name (field 2) is in parentheses and may contain spaces: fields after it start at state (field 3).
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  const field = (n: number) => Number(fields[n - 3])
  return { own: field(14) + field(15) }
}

/** CPU milliseconds the process has used so far (all its threads). */
export function cpuMs (pid: number): number {
  const times = procTimes(pid)
  if (!times) throw new Error(`process ${pid} is gone`)
  return times.own * 1000 / clockTicks
}

/** Resident set size in MB (VmRSS). */
export function rssMb (pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

function readOr (path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return fallback
  }
}

/** Whether /proc shows a local PostgreSQL server (false on another host or in another container). */
export function postgresVisible (): boolean {
  return readdirSync('/proc').some((entry) => /^\d+$/.test(entry) && readOr(`/proc/${entry}/comm`, '').trim() === 'postgres')
}

/**
 * CPU the local Postgres spends on one database while it runs: the database's backends (found by their process
 * title, "postgres: <user> <database> <host> <state>") and the parallel workers of those backends, sampled every
 * intervalMs so that backends which end before stop() (pgbench's, when it exits) still count up to their last
 * sample. A backend first seen after start counts from zero. Other databases' work is not counted.
 */
export function trackDatabaseCpu (database: string, intervalMs = 200): { stop: () => number } {
  const marker = ` ${database} `
  const titles = new Map<number, string>()
  const seen = new Map<number, { first: number, last: number }>()
  let initial = true
  const sample = () => {
    const present = new Set<number>()
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      const pid = Number(entry)
      present.add(pid)
      if (!titles.has(pid)) {
        titles.set(pid, readOr(`/proc/${pid}/comm`, '').trim() === 'postgres' ? readOr(`/proc/${pid}/cmdline`, '').replaceAll('\0', ' ') : '')
      }
    }
    for (const pid of titles.keys()) if (!present.has(pid)) titles.delete(pid)
    const ours = new Set([...titles].filter(([, title]) => title.includes(marker)).map(([pid]) => pid))
    for (const [pid, title] of titles) {
      const leader = /parallel worker for PID (\d+)/.exec(title)?.[1]
      if (leader && ours.has(Number(leader))) ours.add(pid)
    }
    for (const pid of ours) {
      const times = procTimes(pid)
      if (!times) continue
      const entry = seen.get(pid)
      if (entry) entry.last = times.own
      else seen.set(pid, { first: initial ? times.own : 0, last: times.own })
    }
    initial = false
  }
  sample()
  const timer = setInterval(sample, intervalMs)
  return {
    stop: () => {
      clearInterval(timer)
      sample()
      let ticks = 0
      for (const { first, last } of seen.values()) ticks += last - first
      return ticks * 1000 / clockTicks
    }
  }
}

/** Samples a process's RSS every intervalMs; stop() returns the samples (seconds since start, MB). */
export function sampleRss (pid: number, intervalMs: number): { stop: () => Array<{ s: number, mb: number }> } {
  const started = performance.now()
  const samples: Array<{ s: number, mb: number }> = []
  const take = () => {
    try {
      samples.push({ s: (performance.now() - started) / 1000, mb: rssMb(pid) })
    } catch { /* the process is gone: the caller finds out */ }
  }
  take()
  const timer = setInterval(take, intervalMs)
  return {
    stop: () => {
      clearInterval(timer)
      take()
      return samples
    }
  }
}
