/** The shape of the curated dataset: one array of rows per table, typed by the Drizzle schema. */
import type * as schema from '../db/schema.ts'

type Row<T extends { $inferInsert: unknown }> = Omit<T['$inferInsert'], 'createdAt' | 'updatedAt'>

export type SourceRow = Row<typeof schema.sources>
export type SourceCitationRow = Row<typeof schema.sourceCitations>
export type ActorRow = Row<typeof schema.actors>
export type IncidentRow = Row<typeof schema.incidents>
export type IncidentReportRow = Row<typeof schema.incidentReports>
export type CasualtyBreakdownRow = Row<typeof schema.casualtyBreakdowns>
export type StatementRow = Row<typeof schema.statements>
export type StatementIncidentRow = Row<typeof schema.statementIncidents>
export type StatementSourceRow = Row<typeof schema.statementSources>
export type ResponsibilityRow = Row<typeof schema.responsibilities>

export interface Dataset {
  sources: SourceRow[]
  sourceCitations: SourceCitationRow[]
  actors: ActorRow[]
  incidents: IncidentRow[]
  incidentReports: IncidentReportRow[]
  casualtyBreakdowns: CasualtyBreakdownRow[]
  statements: StatementRow[]
  statementIncidents: StatementIncidentRow[]
  statementSources: StatementSourceRow[]
  responsibilities: ResponsibilityRow[]
}
