/** API schemas for incidents: attacks and armed clashes, with casualties, responsibility and per-source reports. */
import { Type } from '@sinclair/typebox'
import {
  incidentTypes,
  locationPrecisions,
  responsibilityKinds,
  targetTypes,
  victimGroups
} from '../domain/vocabulary.ts'
import { Cursor, EndDate, FreeText, Id, Limit, Nullable, Page, StartDate, ref, StringEnum, timestampProperties } from './common.ts'
import { ActorRef, DatePrecision, ProvinceRef, SourceRef } from './references.ts'
import { Statement } from './statements.ts'

export const IncidentType = StringEnum(incidentTypes, {
  $id: 'IncidentType', description: 'The form of the attack.'
})
export const TargetType = StringEnum(targetTypes, {
  $id: 'TargetType', description: 'Who or what was targeted.'
})
export const LocationPrecision = StringEnum(locationPrecisions, {
  $id: 'LocationPrecision', description: 'What the coordinates stand for: the exact spot, or the centre of the neighbourhood, district, city or province.'
})
export const ResponsibilityKind = StringEnum(responsibilityKinds, {
  $id: 'ResponsibilityKind',
  description: '`claimed`: the actor says it did it; `attributed`: someone else blames it; `suspected`: analysts believe it; `denied`: the actor denies it.'
})
export const VictimGroup = StringEnum(victimGroups, {
  $id: 'VictimGroup', description: 'A group of victims in a casualty breakdown.'
})

const count = (description: string) => Nullable(Type.Integer({ minimum: 0 }), { description })

export const Figures = Type.Object({
  best: count('Best estimate; null when unknown.'),
  low: count('Lowest credible figure; null when unknown.'),
  high: count('Highest credible figure; null when unknown or open-ended ("at least").')
}, { $id: 'Figures', description: 'A casualty count as best / low / high. Null is unknown; 0 is a known zero.', additionalProperties: false })

export const BreakdownItem = Type.Object({
  group: ref(VictimGroup),
  count: Type.Integer({ minimum: 0, description: 'How many of the casualties belong to the group.', examples: [20] }),
  source_id: Type.String({ description: 'The source that gives this figure.' })
}, { $id: 'BreakdownItem', description: 'Part of a casualty count, as one source reports it.', additionalProperties: false })

export const Casualties = Type.Object({
  best: count('Best estimate, reconciled across sources; null when unknown.'),
  low: count('Lowest figure reported by a credible source; null when unknown.'),
  high: count('Highest figure reported; null when unknown or open-ended.'),
  breakdown: Type.Array(ref(BreakdownItem), { description: 'Casualties by group, when reported.' })
}, { $id: 'Casualties', description: 'Reconciled casualty figures with their breakdown.', additionalProperties: false })

export const Responsibility = Type.Object({
  kind: ref(ResponsibilityKind),
  actor: ref(ActorRef),
  source_id: Type.String({ description: 'The report that says so.' }),
  statement_id: Nullable(Type.String(), { description: 'The statement that makes the claim, attribution or denial, when there is one.' }),
  notes: Nullable(Type.String(), { description: 'Context: who attributes it, contradictions.' })
}, { $id: 'Responsibility', description: 'Who claimed, was blamed for, is suspected of or denied the incident, and on what evidence.', additionalProperties: false })

export const incidentProperties = {
  id: Type.String({ description: 'Opaque incident id.', examples: ['inc_2021_11_07_jalalabad_twin_blasts'] }),
  title: Type.String({ description: 'Short description.', examples: ['Twin blasts in Jalalabad'] }),
  occurred_on: Type.String({ format: 'date', description: 'When it happened: the best date the sources support; see `date_precision`.', examples: ['2021-11-07'] }),
  date_precision: ref(DatePrecision),
  province: Nullable(ref(ProvinceRef), { description: 'Province; null when unknown.', examples: [{ code: 'AF-NAN', name: 'Nangarhar' }] }),
  district: Nullable(Type.String(), { description: 'District; null when not reported.' }),
  place: Nullable(Type.String(), { description: 'City, neighbourhood or site; null when not reported.' }),
  latitude: Nullable(Type.Number({ minimum: -90, maximum: 90 }), { description: 'WGS 84 latitude; see `location_precision`.' }),
  longitude: Nullable(Type.Number({ minimum: -180, maximum: 180 }), { description: 'WGS 84 longitude; see `location_precision`.' }),
  location_precision: Nullable(ref(LocationPrecision), { description: 'What the coordinates stand for; null without coordinates.' }),
  type: ref(IncidentType),
  targets: Type.Array(ref(TargetType), { description: 'Who or what was targeted.' }),
  summary: Nullable(Type.String(), { description: 'What happened, with how the date was resolved.' }),
  killed: ref(Casualties),
  wounded: ref(Casualties),
  responsibility: Type.Array(ref(Responsibility), { description: 'Claims, attributions, suspicions and denials, each with its source.' }),
  ...timestampProperties()
}

export const Incident = Type.Object(incidentProperties, {
  $id: 'Incident', description: 'One attack or armed clash.', additionalProperties: false
})

export const IncidentReport = Type.Object({
  source: ref(SourceRef),
  occurred_on: Nullable(Type.String({ format: 'date' }), { description: 'The date this source gives; null when it gives none.' }),
  date_precision: Nullable(ref(DatePrecision), { description: 'Precision of the date this source gives.' }),
  killed: ref(Figures),
  wounded: ref(Figures),
  excerpt: Nullable(Type.String(), { description: 'The source\'s own words about the incident.' }),
  notes: Nullable(Type.String(), { description: 'Curation notes.' })
}, { $id: 'IncidentReport', description: 'How one source reports the incident: its own date and figures.', additionalProperties: false })

export const IncidentDetail = Type.Object({
  ...incidentProperties,
  reports: Type.Array(ref(IncidentReport), { description: 'Each source\'s own account, oldest source first. Conflicting figures stay visible here.' }),
  statements: Type.Array(ref(Statement), { description: 'Statements about the incident, oldest first.' })
}, { $id: 'IncidentDetail', description: 'An incident with its per-source reports and its statements.', additionalProperties: false })

export const IncidentList = Page(Incident, 'IncidentList', 'A page of incidents, newest `occurred_on` first, then by id descending.')

export const IncidentIdParams = Type.Object({
  id: Id('Incident id.', 'inc_2021_09_18_jalalabad_blasts')
}, { additionalProperties: false })

const actorFilter = (description: string, example: string) => Type.Optional(Id(description, example))

export const IncidentFilters = {
  province: Type.Optional(FreeText('Province ISO 3166-2 code or English name (common spellings too), case-insensitive; several comma-separated mean OR.', 'Nangarhar')),
  start_date: Type.Optional(StartDate),
  end_date: Type.Optional(EndDate),
  claimed_by: actorFilter('Actor id or slug: incidents the actor claimed.', 'iskp'),
  attributed_to: actorFilter('Actor id or slug: incidents claimed by or attributed to the actor.', 'iskp'),
  type: Type.Optional(StringEnum(incidentTypes, { description: 'Only incidents of this type.', examples: ['bombing'] })),
  q: Type.Optional(FreeText('Case-insensitive text matched against title, summary, district and place.', 'Jalalabad')),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor('incidents', ['2021-11-07', 'inc_2021_11_07_jalalabad_twin_blasts']))
}

export const IncidentListQuery = Type.Object({
  ...IncidentFilters,
  actor: actorFilter('Actor id or slug: incidents the actor is linked to in any role.', 'iskp')
}, { additionalProperties: false })

export const NestedIncidentQuery = Type.Object(IncidentFilters, { additionalProperties: false })
