/** How an export is written: text before the records, the records of each batch, text after them. */
export interface Encoder<View> {
  head: string
  /** The records of one batch, in order (an encoder may keep state between batches). */
  batch: (views: View[]) => string
  tail: string
}
