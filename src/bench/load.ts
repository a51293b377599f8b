/**
 * Load on the running service with autocannon at a fixed number of connections, and what it cost: the server's CPU
 * and resident memory (from /proc, when its pid is known) and the database's CPU, per request.
 */
import autocannon from 'autocannon'
import { cpuMs, postgresVisible, sampleRss, trackDatabaseCpu } from './proc-stats.ts'

export interface LoadOptions {
  url: string
  connections: number
  durationS: number
  /** The server's pid, for its CPU and memory; undefined: not measured. */
  pid: number | undefined
  /** The database whose backends' CPU is counted. */
  database: string
  /** Seconds between RSS samples. */
  sampleEveryS?: number
}

export interface Load {
  requests: number
  reqPerS: number
  p50Ms: number
  p99Ms: number
  /** null when the pid (or the database's processes) are not visible here. */
  serverCpuMsPerReq: number | null
  rssEndMb: number | null
  rssMaxMb: number | null
  dbCpuMsPerReq: number | null
  rssSamples: Array<{ s: number, mb: number }>
}

/** Requests that take the paths in turn (autocannon's setupRequest), or the one path. */
function requestsFor (paths: string[]): autocannon.Request[] {
  let next = 0
  return [{
    method: 'GET',
    setupRequest: (request) => {
      request.path = paths[next++ % paths.length] as string
      return request
    }
  }]
}

async function fire (options: LoadOptions, paths: string[], durationS: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url: options.url + paths[0],
    connections: options.connections,
    duration: durationS,
    requests: requestsFor(paths)
  })
  // autocannon stops without waiting for the responses in flight: let the server finish them before anything else.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0) {
    const codes = Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => `${code}: ${s.count}`).join(', ')
    throw new Error(`${paths[0]}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts (${codes})`)
  }
  return result
}

export async function warmUp (options: LoadOptions, paths: string[], durationS: number): Promise<void> {
  if (durationS > 0) await fire(options, paths, durationS)
}

export async function runLoad (options: LoadOptions, paths: string[]): Promise<Load> {
  const { pid } = options
  const dbVisible = postgresVisible()
  const rss = pid ? sampleRss(pid, (options.sampleEveryS ?? 1) * 1000) : undefined
  const serverBefore = pid ? cpuMs(pid) : 0
  const db = dbVisible ? trackDatabaseCpu(options.database) : undefined
  let result: autocannon.Result
  let serverMs: number
  let dbMs: number
  let samples: Array<{ s: number, mb: number }>
  try {
    result = await fire(options, paths, options.durationS)
  } finally {
    serverMs = pid ? cpuMs(pid) - serverBefore : 0
    dbMs = db?.stop() ?? 0
    samples = rss?.stop() ?? []
  }
  const requests = result.requests.total
  return {
    requests,
    reqPerS: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    serverCpuMsPerReq: pid ? serverMs / requests : null,
    rssEndMb: samples.at(-1)?.mb ?? null,
    rssMaxMb: samples.length > 0 ? Math.max(...samples.map((s) => s.mb)) : null,
    dbCpuMsPerReq: dbVisible ? dbMs / requests : null,
    rssSamples: samples
  }
}
