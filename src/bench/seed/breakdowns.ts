/** Casualty breakdowns: a few percent of the incidents with deaths split them by group, as their first source does. */
import { sql } from 'drizzle-orm'
import { chunkIncidents } from './incident-rows.ts'
import { chance } from './sql-random.ts'
import { sourceFor } from './sources.ts'
import type { SeedStep } from './step.ts'

export const breakdownsStep: SeedStep = {
  table: 'casualty_breakdowns',
  units: (sizes) => sizes.incidents,
  insert: (sizes, from, to) => {
    const rows = chunkIncidents(sizes, from, to, (g) => sql`i.killed_best > 0 and ${chance(g, 600, 0.05)}`)
    return sql`
      insert into casualty_breakdowns (incident_id, outcome, victim_group, best, low, high, source_id)
      select i.id, b.outcome::casualty_outcome, b.victim_group::victim_group, b.best, null, null,
        ${sourceFor(sizes, sql`n.day`, sql`n.g`, sql`1`)}
      from ${rows.from}
        cross join lateral (values
          ('killed', case when 'taliban_forces' = any(i.targets) then 'taliban_forces' else 'civilians' end, ceil(i.killed_best * 0.7)::int),
          ('killed', 'children', case when ${chance(sql`n.g`, 601, 0.4)} then floor(i.killed_best * 0.2)::int end),
          ('wounded', 'civilians', floor(i.wounded_best * 0.6)::int)) b(outcome, victim_group, best)
      where ${rows.where} and b.best is not null`
  }
}
