/**
 * An export as a byte stream: the encoder's head, then each batch of the cursor as text, then its tail. The next
 * batch is fetched only when the consumer asks for more (backpressure), so memory holds about one batch; destroying
 * the stream (a client gone, an error) closes the cursor and its transaction.
 */
import { Readable } from 'node:stream'
import type { RowCursor } from '../db/cursor.ts'
import type { Encoder } from './encoder.ts'

/** A consumer that reads nothing for this long loses the export: its open transaction holds a database connection. */
export const defaultStallMs = 60_000

export class ExportStalled extends Error {
  constructor (ms: number) {
    super(`the client read nothing for ${ms} ms`)
    this.name = 'ExportStalled'
  }
}

export interface ExportStreamOptions {
  stallMs?: number
  /** Told once the stream is over: how many records went out, whether it was whole, and the error that cut it. */
  onEnd?: (outcome: { records: number, complete: boolean, error: Error | null }) => void
}

/** `first` is the cursor's first batch, already read (so a failing query is an error before any byte is sent). */
export function exportStream<View> (first: View[], cursor: RowCursor<View>, encoder: Encoder<View>, options: ExportStreamOptions = {}): Readable {
  const stallMs = options.stallMs ?? defaultStallMs
  let pending: View[] | null = first
  let started = false
  let records = 0
  let stall: NodeJS.Timeout | undefined

  const stream = new Readable({
    read () {
      clearTimeout(stall)
      produce().catch((error: Error) => stream.destroy(error))
    },
    destroy (error, callback) {
      clearTimeout(stall)
      options.onEnd?.({ records, complete: stream.readableEnded, error })
      cursor.close().then(() => callback(error), () => callback(error))
    }
  })

  async function produce (): Promise<void> {
    const head = started ? '' : encoder.head
    started = true
    const views = pending ?? await cursor.read()
    pending = null
    if (stream.destroyed) return
    if (views.length === 0) {
      stream.push(head + encoder.tail)
      stream.push(null)
      return
    }
    records += views.length
    stream.push(head + encoder.batch(views))
    // Cleared by the next read(): a consumer that wants more asks within stallMs.
    stall = setTimeout(() => stream.destroy(new ExportStalled(stallMs)), stallMs)
    stall.unref()
  }

  return stream
}
