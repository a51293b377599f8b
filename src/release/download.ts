/** Streams one export from the API to a file in constant memory, counting its bytes and CSV records and hashing it. */
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { ReleaseError } from './errors.ts'

export interface Downloaded {
  bytes: number
  /** Data rows: CSV records after the header. */
  rows: number
  /** Hex SHA-256 of the file. */
  sha256: string
  /** The column names of the header row. */
  header: string[]
}

const QUOTE = 0x22
const LF = 0x0a

/**
 * Counts CSV records as they stream past: a line feed ends a record unless it is inside a quoted field. Bytes are
 * enough: in UTF-8 no byte of a multi-byte character is a quote or a line feed. Keeps the header row's bytes.
 */
class CsvMeter extends Transform {
  bytes = 0
  records = 0
  readonly hash = createHash('sha256')
  private quoted = false
  private last = LF
  private headerParts: Buffer[] = []
  private headerDone = false

  override _transform (chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.hash.update(chunk)
    this.bytes += chunk.length
    let headerEnd = -1
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]
      if (byte === QUOTE) this.quoted = !this.quoted
      else if (byte === LF && !this.quoted) {
        if (this.records === 0 && headerEnd < 0) headerEnd = i
        this.records++
      }
    }
    if (!this.headerDone) {
      this.headerParts.push(headerEnd < 0 ? chunk : chunk.subarray(0, headerEnd))
      this.headerDone = headerEnd >= 0
    }
    if (chunk.length > 0) this.last = chunk[chunk.length - 1]!
    this.push(chunk)
    callback()
  }

  /** Records, counting a last one without a line end. */
  get total (): number {
    return this.records + (this.bytes > 0 && this.last !== LF ? 1 : 0)
  }

  /** The header's names: the byte order mark, the carriage return and any quotes around a name dropped. */
  get header (): string[] {
    const line = Buffer.concat(this.headerParts).toString('utf8').replace(/^\uFEFF/, '').replace(/\r$/, '')
    return line === '' ? [] : line.split(',').map((name) => name.replace(/^"(.*)"$/, '$1'))
  }
}

/** GETs `url` (uncompressed, so the file is the bytes the API sends) into `file`; a non-200 or a cut stream throws. */
export async function downloadCsv (url: string, file: string): Promise<Downloaded> {
  const response = await fetch(url, { headers: { accept: 'text/csv', 'accept-encoding': 'identity' } })
  if (response.status !== 200 || response.body === null) {
    const detail = (await response.text().catch(() => '')).slice(0, 300)
    throw new ReleaseError(`GET ${url} answered ${response.status}${detail ? `: ${detail}` : ''}`)
  }
  const type = response.headers.get('content-type') ?? ''
  if (!/^text\/csv\b/.test(type)) {
    await response.body.cancel()
    throw new ReleaseError(`GET ${url} answered ${type || 'no content type'}, not text/csv`)
  }
  const meter = new CsvMeter()
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), meter, createWriteStream(file))
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause
    throw new ReleaseError(`GET ${url} did not finish: ${(error as Error).message}${cause ? ` (${cause.message})` : ''}`)
  }
  return { bytes: meter.bytes, rows: Math.max(0, meter.total - 1), sha256: meter.hash.digest('hex'), header: meter.header }
}
