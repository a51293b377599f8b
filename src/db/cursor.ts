/**
 * A select read through a server-side cursor: `DECLARE ... NO SCROLL CURSOR` in a read-only transaction, then
 * `FETCH` one batch at a time, only when the reader asks for the next one. Memory holds one batch, whatever the
 * size of the result; the transaction ends when the last batch is read, when the reader closes, or on an error.
 */
import { sql, type SQLWrapper } from 'drizzle-orm'
import type { Database } from './client.ts'
import { readerOf } from './replicas.ts'

export interface CursorQuery<Row, Item> {
  /** The select, built on the transaction, with its ORDER BY: batches come in that order. Its rows are `Row`s. */
  select: (tx: Database) => SQLWrapper & PromiseLike<unknown>
  /** Turns a batch of rows into what the reader gets. Runs in the transaction: its queries see the cursor's snapshot. */
  map: (tx: Database, rows: Row[]) => Promise<Item[]>
}

export interface RowCursor<Item> {
  /** The next batch (at most batchSize items); empty once every row has been read. */
  read: () => Promise<Item[]>
  /** Ends the transaction, at any point; resolves once it is closed. Never rejects. */
  close: () => Promise<void>
}

/**
 * What a Drizzle 0.45 select hands its own executor (not part of its public types): the selected fields in column
 * order and which joined tables may be null. The FETCH below is run and mapped exactly as Drizzle runs the select, so
 * its rows have the same shape and the same decoded values as the paged list's.
 */
interface SelectInternals { _prepare: () => { fields: unknown, joinsNotNullableMap?: Record<string, boolean> } }

const cursorName = sql.identifier('export_rows')

/** A queue of what the reader asks for, taken one at a time by the transaction. */
type Ask<Item> = { resolve: (items: Item[]) => void, reject: (error: unknown) => void } | 'close'

class Mailbox<T> {
  readonly #queue: T[] = []
  #waiting: ((value: T) => void) | null = null

  put (value: T): void {
    const waiting = this.#waiting
    this.#waiting = null
    if (waiting) waiting(value)
    else this.#queue.push(value)
  }

  take (): Promise<T> {
    const next = this.#queue.shift()
    if (next !== undefined) return Promise.resolve(next)
    return new Promise((resolve) => { this.#waiting = resolve })
  }
}

/**
 * Opens the cursor; resolves once it is declared (an error in the query rejects here, before anything was read).
 * Reads go where the request's reads go (a replica, with read replicas; see replicas.ts): a read-only transaction
 * runs on a hot standby, and a long export then holds a replica's connection, not the primary's.
 */
export async function openCursor<Row, Item> (db: Database, query: CursorQuery<Row, Item>, batchSize = 1000): Promise<RowCursor<Item>> {
  const asks = new Mailbox<Ask<Item>>()
  let exhausted = false
  let declared!: () => void
  const ready = new Promise<void>((resolve) => { declared = resolve })

  const transaction = readerOf(db).transaction(async (tx) => {
    const select = query.select(tx)
    const { fields, joinsNotNullableMap } = (select as unknown as SelectInternals)._prepare()
    await tx.execute(sql`declare ${cursorName} no scroll cursor for ${select.getSQL()}`)
    const fetch = tx._.session.prepareQuery({ sql: `fetch ${batchSize} from export_rows`, params: [] }, fields as never, undefined, true)
    Object.assign(fetch, { joinsNotNullableMap })
    declared()
    for (;;) {
      const ask = await asks.take()
      if (ask === 'close') return
      try {
        const rows = await fetch.execute() as Row[]
        const items = rows.length === 0 ? [] : await query.map(tx, rows)
        // A short batch is the last: the transaction ends now, not when the reader next asks.
        if (rows.length < batchSize) exhausted = true
        ask.resolve(items)
        if (exhausted) return
      } catch (error) {
        exhausted = true
        ask.reject(error)
        throw error
      }
    }
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' })
  const closed = transaction.then(() => {}, () => {})

  await Promise.race([ready, transaction])
  return {
    read: () => (exhausted ? Promise.resolve([]) : new Promise<Item[]>((resolve, reject) => asks.put({ resolve, reject }))),
    close: async () => {
      exhausted = true
      asks.put('close')
      await closed
    }
  }
}

