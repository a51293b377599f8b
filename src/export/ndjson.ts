/** NDJSON: one JSON object per line, each `\n`-terminated: the same object as the JSON list's `data` items. */
import type { Encoder } from './encoder.ts'

export function ndjsonEncoder<View> (record: (view: View) => unknown): Encoder<View> {
  return {
    head: '',
    batch: (views) => views.map((view) => `${JSON.stringify(record(view))}\n`).join(''),
    tail: ''
  }
}
