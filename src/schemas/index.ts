/** Every named component, in dependency order, for app.addSchema and the OpenAPI document. */
import { Problem, ValidationIssue } from './common.ts'
import { Actor, ActorKind, ActorList } from './actors.ts'
import {
  BreakdownItem, Casualties, Figures, Incident, IncidentDetail, IncidentList, IncidentReport,
  IncidentType, LocationPrecision, Responsibility, ResponsibilityKind, TargetType, VictimGroup
} from './incidents.ts'
import { Province, ProvinceList } from './provinces.ts'
import { ActorRef, DatePrecision, ProvinceRef, SourceRef } from './references.ts'
import { Citation, Source, SourceKind, SourceList } from './sources.ts'
import { Statement, StatementKind, StatementList, StatementTextKind } from './statements.ts'

export const components = [
  ValidationIssue, Problem,
  DatePrecision, ProvinceRef, ActorRef, SourceRef,
  Province, ProvinceList,
  ActorKind, Actor, ActorList,
  SourceKind, Citation, Source, SourceList,
  StatementKind, StatementTextKind, Statement, StatementList,
  IncidentType, TargetType, LocationPrecision, ResponsibilityKind, VictimGroup,
  Figures, BreakdownItem, Casualties, Responsibility, Incident, IncidentReport, IncidentDetail, IncidentList
]
