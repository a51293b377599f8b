/**
 * The ceiling: the service's own SQL for a request, run straight against Postgres by pgbench (prepared statements,
 * the same number of connections, the same duration), with the database's CPU per transaction.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { postgresVisible, trackDatabaseCpu } from './proc-stats.ts'

export interface Ceiling {
  /** Transactions (one request's statements) per second, without connection time. */
  tps: number
  latencyMs: number
  transactions: number
  /** Database CPU ms per transaction; null when the database's processes are not visible here. */
  dbCpuMsPerTx: number | null
}

export interface CeilingOptions { databaseUrl: string, database: string, connections: number, threads: number, durationS: number }

/** Runs pgbench on one script per request variant (picked at random, equally weighted); throws with its output on failure. */
export async function runCeiling (scripts: string[], options: CeilingOptions): Promise<Ceiling> {
  const dir = mkdtempSync(join(tmpdir(), 'apv-pgbench-'))
  try {
    const files = scripts.map((script, i) => {
      const file = join(dir, `request-${i}.sql`)
      writeFileSync(file, script)
      return file
    })
    const args = ['-n', '-M', 'prepared', '-c', String(options.connections), '-j', String(Math.min(options.threads, options.connections)),
      '-T', String(options.durationS), ...files.flatMap((f) => ['-f', f]), options.databaseUrl]
    const measured = postgresVisible()
    const tracker = measured ? trackDatabaseCpu(options.database) : undefined
    let output: string
    let dbMs: number
    try {
      output = await new Promise<string>((resolve, reject) => {
        execFile('pgbench', args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
          if (error) reject(new Error(`pgbench failed: ${error.message}\n${stderr.slice(-2000)}`))
          else resolve(stdout)
        })
      })
    } finally {
      dbMs = tracker?.stop() ?? 0
    }
    const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? NaN)
    const transactions = number(/number of transactions actually processed: (\d+)/)
    const failed = number(/number of failed transactions: (\d+)/)
    if (!(transactions > 0)) throw new Error(`pgbench ran no transaction:\n${output}`)
    if (failed > 0) throw new Error(`pgbench: ${failed} failed transactions:\n${output}`)
    return {
      tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
      latencyMs: number(/latency average = ([\d.]+) ms/),
      transactions,
      dbCpuMsPerTx: measured ? dbMs / transactions : null
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The database a URL names (libpq's default when it names none: the user's name). */
export function databaseName (url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || new URL(url).username || 'postgres'
}
