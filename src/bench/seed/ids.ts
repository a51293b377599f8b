/** Synthetic ids: a `bench_` prefix no curated id has, a kind, and a zero-padded row number. */
import { sql, type SQL } from 'drizzle-orm'
import { lit } from './sql-random.ts'

/** LIKE pattern of every synthetic id (also the rows of the older `npm run bench`, `bench_00000001`). */
export const benchPattern = 'bench\\_%'

export const prefixes = {
  actor: 'bench_act_',
  source: 'bench_src_',
  incident: 'bench_inc_',
  report: 'bench_rep_',
  responsibility: 'bench_rsp_',
  participant: 'bench_par_',
  statement: 'bench_stm_'
} as const

export type Prefix = (typeof prefixes)[keyof typeof prefixes]

/** Digits of an actor's number: there are 200. */
export const actorWidth = 3

export function idText (prefix: Prefix, n: number, width: number): string {
  return prefix + String(n).padStart(width, '0')
}

/** The id of row number n, in SQL. */
export function idSql (prefix: Prefix, n: SQL, width: number): SQL {
  return sql`(${sql.raw(`'${prefix}'`)} || lpad((${n})::text, ${lit(width)}, '0'))`
}

/** The row number back from an id column. */
export function rowNumber (column: SQL, prefix: Prefix): SQL {
  return sql`substr(${column}, ${lit(prefix.length + 1)})::int`
}

/** Rows of one range of parents (`i.id between ...`): ids of one width sort like their numbers. */
export function idRange (column: SQL, prefix: Prefix, from: number, to: number, width: number): SQL {
  return sql`${column} between ${idText(prefix, from, width)} and ${idText(prefix, to, width)}`
}
