/** The whole result of an incident query, for exports: every incident it matches, in the list's order, read through a cursor. */
import { and, desc, sql } from 'drizzle-orm'
import type { CursorQuery } from '../../db/cursor.ts'
import { incidentReports, incidents } from '../../db/schema.ts'
import type { IncidentExportView } from '../../export/columns/incidents.ts'
import { dateKey, decodeCursor, textKey } from '../../http/cursor.ts'
import { groupBy } from '../group-by.ts'
import { incidentMatch } from './match.ts'
import { baseSelect, toIncidentViews, type IncidentJoinRow, type IncidentQuery } from './queries.ts'

/** Every incident `query` matches, newest `occurred_on` first, then id descending; after its cursor; at most `limit`. */
export function incidentExport (query: IncidentQuery, limit?: number): CursorQuery<IncidentJoinRow, IncidentExportView> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 'incidents', [dateKey, textKey])
  return {
    select: (tx) => {
      const select = baseSelect(tx)
        .where(and(incidentMatch(tx, query), after && sql`(${incidents.occurredOn}, ${incidents.id}) < (${after[0]}::date, ${after[1]})`))
        .orderBy(desc(incidents.occurredOn), desc(incidents.id))
      return limit === undefined ? select : select.limit(limit)
    },
    map: async (tx, rows) => {
      const ids = rows.map((r) => r.incident.id)
      const reports = await tx.select({ incidentId: incidentReports.incidentId, sourceId: incidentReports.sourceId })
        .from(incidentReports).where(sql`${incidentReports.incidentId} = any(${sql.param(ids)})`)
      const sourcesOf = groupBy(reports, (r) => r.incidentId, (r) => r.sourceId)
      return toIncidentViews(rows).map((view) => ({ ...view, source_ids: sourcesOf.get(view.id) ?? [] }))
    }
  }
}
