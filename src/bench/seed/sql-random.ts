/** Hash-based pseudo-random SQL: a key (a row number) and a salt give the same value on every run, in any plan. */
import { sql, type SQL } from 'drizzle-orm'

/** Values with relative weights. */
export type Weights<T extends string = string> = ReadonlyArray<readonly [T, number]>

const slotCount = 1000

/** A number written into the SQL text: only for constants the seed itself chose. */
export function lit (n: number): SQL {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`)
  return sql.raw(String(n))
}

function quoted (text: string): string {
  return `'${text.replaceAll('\'', '\'\'')}'`
}

export function textArray (values: readonly string[]): SQL {
  const items = values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)
  return sql.raw(`${quoted(`{${items.join(',')}}`)}::text[]`)
}

export function floatArray (values: readonly number[]): SQL {
  if (!values.every(Number.isFinite)) throw new RangeError('not finite numbers')
  return sql.raw(`'{${values.join(',')}}'::float8[]`)
}

function intArray (values: readonly number[]): SQL {
  return sql.raw(`'{${values.join(',')}}'::int[]`)
}

/** Uniform in [0, 1). */
export function uniform (key: SQL, salt: number): SQL {
  return sql`((hashint8extended((${key})::bigint, ${lit(salt)}) & 2147483647)::float8 / 2147483648)`
}

/** An integer in [0, n). */
export function below (key: SQL, salt: number, n: number): SQL {
  return sql`floor(${uniform(key, salt)} * ${lit(n)})::int`
}

/** True with probability p. */
export function chance (key: SQL, salt: number, p: number): SQL {
  return sql`(${uniform(key, salt)} < ${lit(p)})`
}

/** A rank from 1 to n, Zipf-like: rank 1 about a third of the draws, the top five well over half. */
export function skewedRank (key: SQL, salt: number, n: number): SQL {
  return sql`least(${lit(n)}, floor(exp(power(${uniform(key, salt)}, 2) * ln(${lit(n + 1)}))))::int`
}

/** A 1-based index into weights, drawn in proportion to them (through a table of slots, so a draw costs one lookup). */
export function chooseIndex (weights: readonly number[], key: SQL, salt: number): SQL {
  return sql`(${intArray(slots(weights))})[1 + ${below(key, salt, slotCount)}]`
}

/** One of the values, drawn in proportion to its weight, as text. */
export function choose (weights: Weights, key: SQL, salt: number): SQL {
  return sql`(${textArray(weights.map(([v]) => v))})[${chooseIndex(weights.map(([, w]) => w), key, salt)}]`
}

function slots (weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0)
  const table: number[] = []
  let index = 0
  let reached = weights[0] ?? 0
  for (let s = 0; s < slotCount; s++) {
    const at = ((s + 0.5) / slotCount) * total
    while (reached < at && index < weights.length - 1) reached += weights[++index] ?? 0
    table.push(index + 1)
  }
  return table
}
