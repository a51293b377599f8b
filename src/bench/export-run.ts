/**
 * One export measured from the client side while the server's memory is sampled: time to the response headers and to
 * the first body byte, total time, bytes and records received, and the server's RSS over the transfer.
 */
import { rssMb } from './proc-stats.ts'

export interface ExportRun {
  path: string
  status: number
  contentType: string | null
  headersMs: number
  firstByteMs: number
  totalMs: number
  bytes: number
  /** Lines received (CSV: rows plus the header; NDJSON: records); for GeoJSON, features. */
  records: number
  /** Server RSS (MB) before the request and every sampleMs during it, with the fraction of the transfer done. */
  rssBeforeMb: number | null
  rssSamples: Array<{ ms: number, done: number, mb: number }>
}

const featureMarker = Buffer.from('"type":"Feature"')

/** Counts newlines, or GeoJSON feature markers, across chunk boundaries. */
function recordCounter (geojson: boolean): { add: (chunk: Uint8Array) => void, count: () => number } {
  let count = 0
  let tail = Buffer.alloc(0)
  return {
    add (chunk) {
      if (!geojson) {
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) count++
        return
      }
      const joined = Buffer.concat([tail, chunk])
      let at = joined.indexOf(featureMarker)
      while (at !== -1) {
        count++
        at = joined.indexOf(featureMarker, at + featureMarker.length)
      }
      tail = joined.subarray(Math.max(0, joined.length - featureMarker.length + 1))
    },
    count: () => count
  }
}

/** GETs url + path, reading the body as it streams; RSS of `pid` every sampleMs. `expected` estimates progress. */
export async function runExport (url: string, path: string, options: { pid?: number, sampleMs?: number, expectedRecords?: number }): Promise<ExportRun> {
  const sampleMs = options.sampleMs ?? 250
  const pid = options.pid
  const rssBeforeMb = pid ? rssMb(pid) : null
  const rssSamples: ExportRun['rssSamples'] = []
  const counter = recordCounter(path.includes('format=geojson'))
  const started = performance.now()
  const timer = pid
    ? setInterval(() => {
      const done = options.expectedRecords ? Math.min(1, counter.count() / options.expectedRecords) : 0
      rssSamples.push({ ms: Math.round(performance.now() - started), done, mb: rssMb(pid) })
    }, sampleMs)
    : undefined
  try {
    const response = await fetch(url + path, { headers: { 'accept-encoding': 'identity' } })
    const headersMs = performance.now() - started
    let firstByteMs = -1
    let bytes = 0
    const reader = response.body?.getReader()
    for (;;) {
      if (!reader) break
      const { done, value } = await reader.read()
      if (done) break
      if (firstByteMs < 0) firstByteMs = performance.now() - started
      bytes += value.length
      counter.add(value)
    }
    return {
      path,
      status: response.status,
      contentType: response.headers.get('content-type'),
      headersMs,
      firstByteMs,
      totalMs: performance.now() - started,
      bytes,
      records: counter.count(),
      rssBeforeMb,
      rssSamples
    }
  } finally {
    if (timer) clearInterval(timer)
  }
}

/** Median RSS of the samples whose progress lies in [from, to]. */
export function medianRss (run: ExportRun, from: number, to: number): number | null {
  const mbs = run.rssSamples.filter((s) => s.done >= from && s.done <= to).map((s) => s.mb).sort((a, b) => a - b)
  return mbs.length === 0 ? null : mbs[Math.floor(mbs.length / 2)] as number
}
