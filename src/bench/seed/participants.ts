/** Participants: a fifth of the incidents name one or two, a perpetrator or target first, then a target or responder. */
import { sql } from 'drizzle-orm'
import { governmentActors, responsibleActors } from './actors.ts'
import { actorWidth, idSql, prefixes } from './ids.ts'
import { chunkIncidents } from './incident-rows.ts'
import { below, chance, choose, lit, skewedRank, textArray } from './sql-random.ts'
import { sourceFor } from './sources.ts'
import type { SeedStep } from './step.ts'
import { participantDescriptions, participantOutcomeWeights } from './vocabulary.ts'

export const participantsStep: SeedStep = {
  table: 'incident_participants',
  units: (sizes) => sizes.incidents,
  insert: (sizes, from, to) => {
    const rows = chunkIncidents(sizes, from, to, (g) => chance(g, 500, 0.2))
    const key = sql`(n.g::bigint * 8 + k)`
    const perpetrator = idSql(prefixes.actor, skewedRank(key, 501, responsibleActors), actorWidth)
    const official = idSql(prefixes.actor, sql`${lit(governmentActors.first)} + ${below(key, 502, governmentActors.count)}`, actorWidth)
    return sql`
      insert into incident_participants (id, incident_id, position, role, actor_id, description, count, outcome, source_id)
      select ${idSql(prefixes.participant, sql`n.g`, sizes.width)} || '_' || k, i.id, k, p.role::participant_role, p.actor,
        case when p.actor is null or ${chance(key, 503, 0.3)}
          then (${textArray(participantDescriptions)})[1 + ${below(key, 504, participantDescriptions.length)}] end,
        case when ${chance(key, 505, 0.5)} then 1 + ${below(key, 506, 10)} end,
        case when ${chance(key, 507, 0.5)} then ${choose(participantOutcomeWeights, key, 508)}::participant_outcome end,
        ${sourceFor(sizes, sql`n.day`, sql`n.g`, sql`1`)}
      from ${rows.from}
        cross join lateral generate_series(1, 1 + ${below(sql`n.g`, 509, 2)}) k
        cross join lateral (select q.role, case
            when q.role = 'perpetrator' and ${chance(key, 510, 0.6)} then ${perpetrator}
            when q.role <> 'perpetrator' and ${chance(key, 511, 0.5)} then ${official}
          end as actor
          from (select case when k = 1 then ${choose([['perpetrator', 70], ['target', 30]], key, 512)}
            else ${choose([['target', 50], ['responder', 50]], key, 513)} end as role) q) p
      where ${rows.where}`
  }
}
