/** What a synthetic seed is asked for, what it tells while it runs, and the table sizes that follow from its incidents. */

/** Told as the seed runs: a step starts (its units: incidents, sources or statements), advances chunk by chunk, ends. */
export type SeedProgress =
  | { type: 'start', step: string, total: number }
  | { type: 'advance', step: string, done: number, total: number }
  | { type: 'end', step: string, rows: number, ms: number }

export interface SeedOptions {
  /** How many synthetic incidents; every other table scales with it. */
  incidents: number
  /** Delete the synthetic rows and seed again even when the same size is already there. */
  reset?: boolean
  onProgress?: (event: SeedProgress) => void
}

export interface SeedSizes {
  incidents: number
  sources: number
  statements: number
  /** Digits of the row number in synthetic ids (`bench_inc_0000001`). */
  width: number
}

export const maxIncidents = 50_000_000

/** Sources: one per ten incidents (at least 200, so every incident can cite four different ones); statements: 0.3 per incident. */
export function seedSizes (incidents: number): SeedSizes {
  if (!Number.isSafeInteger(incidents) || incidents < 1 || incidents > maxIncidents) {
    throw new RangeError(`incidents must be an integer from 1 to ${maxIncidents}, got ${incidents}`)
  }
  return {
    incidents,
    sources: Math.max(200, Math.round(incidents / 10)),
    statements: Math.max(1, Math.round(incidents * 0.3)),
    width: Math.max(7, String(incidents).length)
  }
}

/** 1..total in about ten inclusive ranges of 1,000 to 100,000: progress moves, and no one statement runs long. */
export function chunks (total: number): Array<[number, number]> {
  const size = Math.min(100_000, Math.max(1_000, Math.ceil(total / 10)))
  const ranges: Array<[number, number]> = []
  for (let from = 1; from <= total; from += size) ranges.push([from, Math.min(total, from + size - 1)])
  return ranges
}
