/**
 * CSV as RFC 4180 has it: a header row of column names, CRLF line ends, a field quoted when it holds a comma, a quote
 * or a line break (quotes doubled), UTF-8 with a byte order mark (Excel reads UTF-8 only with it; pandas' `utf-8-sig`
 * and readr drop it). Text that a spreadsheet would run as a formula is neutralised; numbers are never altered.
 */
import { stringify, type Options } from 'csv-stringify/sync'
import type { Cell, Column } from './column.ts'
import type { Encoder } from './encoder.ts'

export const byteOrderMark = '\uFEFF'

const options: Options = { record_delimiter: 'windows', eof: true }

/** Text starting like a formula (`=`, `+`, `-`, `@`, tab, carriage return), as OWASP lists them, gets a leading `'`. */
const formulaStart = /^[=+\-@\t\r]/

/** A cell as CSV text: empty for null, numbers and booleans as they are, text with formulas neutralised. */
export function csvCell (value: Cell): string {
  if (value === null) return ''
  if (typeof value !== 'string') return String(value)
  return formulaStart.test(value) ? `'${value}` : value
}

export function csvEncoder<View> (columns: Array<Column<View>>): Encoder<View> {
  return {
    head: byteOrderMark + stringify([columns.map((c) => c.name)], options),
    batch: (views) => stringify(views.map((view) => columns.map((c) => csvCell(c.value(view)))), options),
    tail: ''
  }
}
