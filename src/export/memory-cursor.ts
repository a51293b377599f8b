/** A cursor over records already in memory, for a short list (34 provinces) exported as the long ones are. */
import type { RowCursor } from '../db/cursor.ts'

/** One batch with every record, then nothing. */
export function memoryCursor<View> (views: View[]): RowCursor<View> {
  let pending: View[] = views
  return {
    read: async () => {
      const batch = pending
      pending = []
      return batch
    },
    close: async () => { pending = [] }
  }
}
