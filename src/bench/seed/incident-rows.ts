/** The synthetic incidents of one chunk, read back for the tables that hang off them. */
import { sql, type SQL } from 'drizzle-orm'
import { first } from './calendar.ts'
import { idRange, prefixes, rowNumber } from './ids.ts'
import type { SeedSizes } from './options.ts'

/**
 * `from incidents i` of incidents from..to, with `n.g` (the row number) and `n.day` (days since the period's start).
 * Use after `select ... from`.
 */
export function chunkIncidents (sizes: SeedSizes, from: number, to: number, where: (g: SQL) => SQL = () => sql`true`): { from: SQL, where: SQL } {
  return {
    from: sql`incidents i cross join lateral (select ${rowNumber(sql`i.id`, prefixes.incident)} as g, i.occurred_on - ${first} as day) n`,
    where: sql`${idRange(sql`i.id`, prefixes.incident, from, to, sizes.width)} and ${where(sql`n.g`)}`
  }
}
