/** What statements are about and who reports them: most name their incident (some a second), one or two sources each. */
import { sql } from 'drizzle-orm'
import { first } from './calendar.ts'
import { idRange, idSql, prefixes, rowNumber } from './ids.ts'
import { chance, lit } from './sql-random.ts'
import { sourceFor } from './sources.ts'
import { statementIncident } from './statements.ts'
import type { SeedStep } from './step.ts'

export const statementIncidentsStep: SeedStep = {
  table: 'statement_incidents',
  units: (sizes) => sizes.statements,
  insert: (sizes, from, to) => {
    const t = sql`t`
    const g = statementIncident(sizes, t)
    return sql`
      insert into statement_incidents (statement_id, incident_id)
      select ${idSql(prefixes.statement, t, sizes.width)}, ${idSql(prefixes.incident, sql`v.g`, sizes.width)}
      from generate_series(${lit(from)}::int, ${lit(to)}::int) t
        cross join lateral (values (${g}, 1), (${g} % ${lit(sizes.incidents)} + 1, 2)) v(g, n)
      where ${chance(t, 710, 0.85)} and (v.n = 1 or (${lit(sizes.incidents)} > 1 and ${chance(t, 711, 0.15)}))`
  }
}

export const statementSourcesStep: SeedStep = {
  table: 'statement_sources',
  units: (sizes) => sizes.statements,
  insert: (sizes, from, to) => sql`
    insert into statement_sources (statement_id, source_id)
    select s.id, ${sourceFor(sizes, sql`s.said_on - ${first}`, sql`n.t`, sql`k`)}
    from statements s
      cross join lateral (select ${rowNumber(sql`s.id`, prefixes.statement)} as t) n
      cross join lateral generate_series(1, case when ${chance(sql`n.t`, 720, 0.3)} then 2 else 1 end) k
    where ${idRange(sql`s.id`, prefixes.statement, from, to, sizes.width)}`
}
