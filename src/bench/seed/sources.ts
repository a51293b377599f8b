/** Sources: one per ten incidents, published through the period in id order, so an incident cites sources of its days. */
import { sql, type SQL } from 'drizzle-orm'
import { dayCount, first, last } from './calendar.ts'
import { idSql, prefixes } from './ids.ts'
import type { SeedSizes } from './options.ts'
import { below, chance, choose, lit, skewedRank } from './sql-random.ts'
import type { SeedStep } from './step.ts'
import { languageWeights, sourceKindWeights } from './vocabulary.ts'

const publishers = 60

/**
 * The id of the k-th source (k from 1 to 4, all different) an incident or statement on this day cites: sources
 * published from that day on, picked by key. An incident's k-th report and k-th responsibility cite the same one.
 */
export function sourceFor (sizes: SeedSizes, day: SQL, key: SQL, k: SQL): SQL {
  const n = sql`(1 + (floor((${day})::float8 * ${lit(sizes.sources)} / ${lit(dayCount)})::bigint + ${below(key, 200, 40)} + 41 * ((${k}) - 1)) % ${lit(sizes.sources)})`
  return idSql(prefixes.source, n, sizes.width)
}

export const sourcesStep: SeedStep = {
  table: 'sources',
  units: (sizes) => sizes.sources,
  insert: (sizes, from, to) => {
    const j = sql`j`
    return sql`
      insert into sources (id, title, publisher, author, published_on, published_on_precision, url, language, kind)
      select ${idSql(prefixes.source, j, sizes.width)},
        case when ${chance(j, 201, 0.95)} then 'Synthetic report ' || j end,
        case when ${chance(j, 202, 0.9)} then 'Bench Publisher ' || lpad(${skewedRank(j, 203, publishers)}::text, 2, '0') end,
        case when ${chance(j, 204, 0.3)} then 'Bench Reporter ' || (1 + ${below(j, 205, 400)}) end,
        case when dated then published end,
        case when dated then 'day'::date_precision end,
        case when ${chance(j, 206, 0.6)} then 'https://example.org/bench/' || j end,
        ${choose(languageWeights, j, 207)},
        ${choose(sourceKindWeights, j, 208)}::source_kind
      from generate_series(${lit(from)}::int, ${lit(to)}::int) j,
        lateral (select ${chance(j, 209, 0.97)} as dated,
          least(${last}, ${first} + floor((j - 1)::float8 * ${lit(dayCount)} / ${lit(sizes.sources)})::int + ${below(j, 210, 3)}) as published) p`
  }
}
