/**
 * Responsibility: half the incidents get one to three rows, from the incident's first sources. Actors by a skewed
 * rank (a few groups own most rows), all four kinds, mostly in the report's own voice, now and then challenged.
 */
import { sql } from 'drizzle-orm'
import { actorCount, governmentActors, responsibleActors } from './actors.ts'
import { actorWidth, idSql, prefixes } from './ids.ts'
import { chunkIncidents } from './incident-rows.ts'
import { below, chance, choose, chooseIndex, lit, skewedRank, textArray } from './sql-random.ts'
import { sourceFor } from './sources.ts'
import type { SeedStep } from './step.ts'
import { challengeWeights, responsibilityKindWeights, responsibilityWordings, voiceWeights } from './vocabulary.ts'

export const responsibilitiesStep: SeedStep = {
  table: 'responsibilities',
  units: (sizes) => sizes.incidents,
  insert: (sizes, from, to) => {
    if (responsibleActors > actorCount) throw new Error('more responsible actors than actors')
    const rows = chunkIncidents(sizes, from, to, (g) => chance(g, 400, 0.5))
    const key = sql`(n.g::bigint * 8 + k)`
    const government = idSql(prefixes.actor, sql`${lit(governmentActors.first)} + ${below(key, 401, 5)}`, actorWidth)
    return sql`
      insert into responsibilities (id, incident_id, actor_id, kind, source_id, voice, asserted_by_id, wording,
        challenge_kind, challenged_by_id, challenge_source_id)
      select ${idSql(prefixes.responsibility, sql`n.g`, sizes.width)} || '_' || k, i.id, r.actor, (${textArray(responsibilityKindWeights.map(([v]) => v))})[r.kind]::responsibility_kind,
        ${sourceFor(sizes, sql`n.day`, sql`n.g`, sql`k`)},
        r.voice::assertion_voice,
        case when r.voice = 'actor' then (case when r.kind in (1, 4) then r.actor else ${government} end) end,
        case when ${chance(key, 402, 0.6)} then (${textArray(responsibilityWordings)})[r.kind] end,
        case when r.challenged then ${choose(challengeWeights, key, 403)}::challenge_kind end,
        case when r.challenged then (case when r.kind in (2, 3) then r.actor else ${government} end) end,
        case when r.challenged then ${sourceFor(sizes, sql`n.day`, sql`n.g`, sql`4`)} end
      from ${rows.from}
        cross join lateral generate_series(1, 1 + ${below(sql`n.g`, 404, 3)}) k
        cross join lateral (select ${idSql(prefixes.actor, skewedRank(key, 405, responsibleActors), actorWidth)} as actor,
          ${chooseIndex(responsibilityKindWeights.map(([, w]) => w), key, 406)} as kind,
          ${choose(voiceWeights, key, 407)} as voice,
          ${chance(key, 408, 0.03)} as challenged) r
      where ${rows.where}`
  }
}
