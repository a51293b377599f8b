/** Statements: 0.3 per incident, each about an incident (said within days of it), by a speaker drawn mostly from people. */
import { sql, type SQL } from 'drizzle-orm'
import { datePrecisions } from '../../domain/vocabulary.ts'
import { actorParents, speakerWeights } from './actors.ts'
import { last, windowEnd, windowStart } from './calendar.ts'
import { actorWidth, idSql, prefixes } from './ids.ts'
import type { SeedSizes } from './options.ts'
import { below, chance, choose, chooseIndex, lit, textArray, uniform } from './sql-random.ts'
import type { SeedStep } from './step.ts'
import { statementKindWeights, statementTexts } from './vocabulary.ts'

/** The incident statement t is about: statements spread evenly over the incidents, in the same order. */
export function statementIncident (sizes: SeedSizes, t: SQL): SQL {
  return sql`least(${lit(sizes.incidents)}, 1 + floor(((${t}) - 1 + ${uniform(t, 700)}) * ${lit(sizes.incidents)} / ${lit(sizes.statements)}))::int`
}

export const statementsStep: SeedStep = {
  table: 'statements',
  units: (sizes) => sizes.statements,
  insert: (sizes, from, to) => {
    const t = sql`t`
    const incidentId = idSql(prefixes.incident, sql`d.g`, sizes.width)
    return sql`
      with drawn as materialized (
        select t, ${statementIncident(sizes, t)} as g,
          ${chooseIndex(statementKindWeights.map(([, w]) => w), t, 701)} as kind,
          ${chooseIndex(speakerWeights(), t, 702)} as speaker,
          ${chooseIndex([90, 0, 10], t, 703)} as precision,
          ${below(t, 704, 4)} as lag
        from generate_series(${lit(from)}::int, ${lit(to)}::int) t
      ), dated as materialized (
        select d.*, least(${last}, i.occurred_on + d.lag) as day
        from drawn d join incidents i on i.id = ${incidentId}
      )
      insert into statements (id, speaker_id, on_behalf_of_id, said_on, date_precision, date_start, date_end, kind, text, text_kind)
      select ${idSql(prefixes.statement, t, sizes.width)}, ${idSql(prefixes.actor, sql`speaker`, actorWidth)},
        case when ${chance(t, 705, 0.8)} then nullif((${textArray(actorParents().slice(1))})[speaker], '') end,
        ${windowStart(sql`day`, sql`precision`)},
        (${textArray(datePrecisions)})[precision]::date_precision,
        ${windowStart(sql`day`, sql`precision`)},
        ${windowEnd(sql`day`, sql`precision`)},
        (${textArray(statementKindWeights.map(([v]) => v))})[kind]::statement_kind,
        (${textArray(statementTexts)})[kind] || ' (synthetic statement ' || t || ')',
        ${choose([['quote', 60], ['paraphrase', 40]], t, 706)}::statement_text_kind
      from dated`
  }
}
