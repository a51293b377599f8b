/** Every named component, in dependency order, for app.addSchema and the OpenAPI document. */
import { Problem, ValidationIssue } from './common.ts'
import { Change, ChangeList, Operation, Revision, RevisionList } from './history.ts'
import { ActorInput } from './input/actor.ts'
import { IncidentInput } from './input/incident.ts'
import { SourceInput } from './input/source.ts'
import { StatementInput } from './input/statement.ts'
import { TallyInput } from './input/tally.ts'
import { ActorPatch, IncidentPatch, SourcePatch, StatementPatch, TallyPatch } from './input/patches.ts'
import { Actor, ActorEstimate, ActorKind, ActorList, EstimateMeasure } from './actors.ts'
import {
  AssertionVoice, BreakdownItem, Casualties, Challenge, ChallengeKind, Figures, FollowUp, FollowUpKind, Incident,
  IncidentDetail, IncidentList, IncidentRelationKind, IncidentReport, IncidentType, LocationPrecision, NoClaimReport,
  Participant, ParticipantOutcome, ParticipantRole, RelatedIncident, Responsibility, ResponsibilityKind, TargetType, VictimGroup
} from './incidents.ts'
import { ApiKey, ApiKeyList, IssuedApiKey, KeyScope, NewApiKey } from './keys.ts'
import { exportComponents } from './exports.ts'
import { IncidentStats, IncidentStatsRow, StatsDimension, StatsFigures } from './stats.ts'
import { IncidentSum, Tally, TallyBreakdownItem, TallyCount, TallyList } from './tallies.ts'
import { Centroid, Province, ProvinceList } from './provinces.ts'
import { ActorRef, DatePrecision, ProvinceRef, SourceRef } from './references.ts'
import { Citation, Source, SourceKind, SourceList } from './sources.ts'
import { CslItem } from './citation.ts'
import { Statement, StatementKind, StatementList, StatementTextKind } from './statements.ts'

export const components = [
  ValidationIssue, Problem,
  DatePrecision, ProvinceRef, ActorRef, SourceRef,
  Centroid, Province, ProvinceList,
  EstimateMeasure, ActorEstimate, ActorKind, Actor, ActorList,
  SourceKind, Citation, Source, SourceList, CslItem,
  StatementKind, StatementTextKind, Statement, StatementList,
  IncidentType, TargetType, LocationPrecision, ResponsibilityKind, VictimGroup,
  ParticipantRole, ParticipantOutcome, FollowUpKind, IncidentRelationKind, AssertionVoice, ChallengeKind,
  Figures, BreakdownItem, Casualties, Challenge, Responsibility, Participant, NoClaimReport, FollowUp, RelatedIncident,
  Incident, IncidentReport, IncidentDetail, IncidentList,
  ...exportComponents,
  StatsDimension, StatsFigures, IncidentStatsRow, IncidentStats,
  TallyBreakdownItem, TallyCount, IncidentSum, Tally, TallyList,
  KeyScope, ApiKey, ApiKeyList, NewApiKey, IssuedApiKey,
  SourceInput, ActorInput, StatementInput, IncidentInput, TallyInput,
  SourcePatch, ActorPatch, StatementPatch, IncidentPatch, TallyPatch,
  Operation, Revision, RevisionList, Change, ChangeList
]
