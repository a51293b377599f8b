/** Statistics groups as the API shows them: provinces and actors as references, figures as { best, low, high, unknown }. */
import type { Static } from '@sinclair/typebox'
import type { Database } from '../../db/client.ts'
import type { IncidentStatsRow } from '../../schemas/stats.ts'
import { actorRefs, provinceRef, type StatsGroup } from './queries.ts'

type Row = Static<typeof IncidentStatsRow>

export async function toStatsRows (db: Database, groups: StatsGroup[]): Promise<Row[]> {
  const actors = await actorRefs(db, [...new Set(groups.map((g) => g.actor).filter((id): id is string => id !== null))])
  return groups.map((g) => ({
    province: provinceRef(g.province),
    year: g.year,
    month: g.month,
    type: g.type as Row['type'],
    actor: g.actor === null ? null : actors.get(g.actor) ?? { id: g.actor, slug: g.actor, name: g.actor },
    role: g.role as Row['role'],
    responsibility: g.responsibility as Row['responsibility'],
    incidents: g.incidents,
    killed: { best: g.killedBest, low: g.killedLow, high: g.killedHigh, unknown: g.killedUnknown },
    wounded: { best: g.woundedBest, low: g.woundedLow, high: g.woundedHigh, unknown: g.woundedUnknown }
  }))
}
