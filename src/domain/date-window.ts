/** The window a date of a given precision stands for when a record gives none: a day, a week from it, its month or year. */
import type { DatePrecision } from './vocabulary.ts'

const iso = (d: Date) => d.toISOString().slice(0, 10)

export function defaultWindow (date: string, precision: DatePrecision): { start: string, end: string } {
  const d = new Date(`${date}T00:00:00Z`)
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()]
  switch (precision) {
    case 'day': return { start: date, end: date }
    case 'week': return { start: date, end: iso(new Date(Date.UTC(y, m, d.getUTCDate() + 6))) }
    case 'month': return { start: iso(new Date(Date.UTC(y, m, 1))), end: iso(new Date(Date.UTC(y, m + 1, 0))) }
    case 'year': return { start: iso(new Date(Date.UTC(y, 0, 1))), end: iso(new Date(Date.UTC(y, 11, 31))) }
  }
}
