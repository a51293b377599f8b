/** Per-source reports: one to four per incident (2.5 on average), each with the source's own date and figures. */
import { sql } from 'drizzle-orm'
import { idSql, prefixes } from './ids.ts'
import { chunkIncidents } from './incident-rows.ts'
import { chance, chooseIndex, uniform } from './sql-random.ts'
import { sourceFor } from './sources.ts'
import type { SeedStep } from './step.ts'

export const reportsStep: SeedStep = {
  table: 'incident_reports',
  units: (sizes) => sizes.incidents,
  insert: (sizes, from, to) => {
    const rows = chunkIncidents(sizes, from, to)
    const key = sql`(n.g::bigint * 8 + k)`
    /** The source's own figure: the reconciled one for the first report, a share of it for others, sometimes none. */
    const figure = (column: string, salt: number) => sql`case when ${sql.raw(`i.${column}`)} is null or ${chance(key, salt, 0.15)} then null
      when k = 1 then ${sql.raw(`i.${column}`)} else floor(${sql.raw(`i.${column}`)} * (0.6 + 0.4 * ${uniform(key, salt + 1)}))::int end`
    return sql`
      insert into incident_reports (id, incident_id, source_id, occurred_on, date_precision, date_start, date_end,
        killed_best, killed_low, killed_high, wounded_best, wounded_low, wounded_high, excerpt)
      select ${idSql(prefixes.report, sql`n.g`, sizes.width)} || '_' || k, i.id, ${sourceFor(sizes, sql`n.day`, sql`n.g`, sql`k`)},
        case when r.dated then i.occurred_on end,
        case when r.dated then i.date_precision end,
        case when r.dated then i.date_start end,
        case when r.dated then i.date_end end,
        r.killed,
        case when ${chance(key, 302, 0.3)} then r.killed end,
        case when ${chance(key, 303, 0.2)} then r.killed + floor(r.killed * 0.3)::int end,
        r.wounded,
        case when ${chance(key, 304, 0.3)} then r.wounded end,
        case when ${chance(key, 305, 0.2)} then r.wounded + floor(r.wounded * 0.3)::int end,
        case when ${chance(key, 306, 0.2)} then 'Synthetic excerpt of report ' || k || ' on incident ' || n.g || '.' end
      from ${rows.from}
        cross join lateral generate_series(1, ${chooseIndex([20, 30, 30, 20], sql`n.g`, 307)}) k
        cross join lateral (select ${chance(key, 308, 0.92)} as dated,
          ${figure('killed_best', 310)} as killed, ${figure('wounded_best', 312)} as wounded) r
      where ${rows.where}`
  }
}

