/** The shape of the dataset as the loader writes it: one array of rows per table, typed by the Drizzle schema. */
import type * as schema from '../db/schema.ts'

type Row<T extends { $inferInsert: unknown }> = Omit<T['$inferInsert'], 'createdAt' | 'updatedAt'>

export type SourceRow = Row<typeof schema.sources>
export type SourceCitationRow = Row<typeof schema.sourceCitations>
export type ActorRow = Row<typeof schema.actors>
export type ActorEstimateRow = Row<typeof schema.actorEstimates>
export type IncidentRow = Row<typeof schema.incidents>
export type IncidentReportRow = Row<typeof schema.incidentReports>
export type CasualtyBreakdownRow = Row<typeof schema.casualtyBreakdowns>
export type NoClaimReportRow = Row<typeof schema.noClaimReports>
export type IncidentParticipantRow = Row<typeof schema.incidentParticipants>
export type IncidentFollowUpRow = Row<typeof schema.incidentFollowUps>
export type IncidentRelationRow = Row<typeof schema.incidentRelations>
export type StatementRow = Row<typeof schema.statements>
export type StatementIncidentRow = Row<typeof schema.statementIncidents>
export type StatementSourceRow = Row<typeof schema.statementSources>
export type ResponsibilityRow = Row<typeof schema.responsibilities>
export type TallyRow = Row<typeof schema.tallies>
export type TallyBreakdownRow = Row<typeof schema.tallyBreakdowns>
export type TallyIncidentRow = Row<typeof schema.tallyIncidents>

export interface Dataset {
  sources: SourceRow[]
  sourceCitations: SourceCitationRow[]
  actors: ActorRow[]
  actorEstimates: ActorEstimateRow[]
  incidents: IncidentRow[]
  incidentReports: IncidentReportRow[]
  casualtyBreakdowns: CasualtyBreakdownRow[]
  noClaimReports: NoClaimReportRow[]
  incidentParticipants: IncidentParticipantRow[]
  incidentFollowUps: IncidentFollowUpRow[]
  incidentRelations: IncidentRelationRow[]
  statements: StatementRow[]
  statementIncidents: StatementIncidentRow[]
  statementSources: StatementSourceRow[]
  responsibilities: ResponsibilityRow[]
  tallies: TallyRow[]
  tallyBreakdowns: TallyBreakdownRow[]
  tallyIncidents: TallyIncidentRow[]
}
