/** API schemas for incidents: attacks and armed clashes, with casualties, responsibility and per-source reports. */
import { Type } from '@sinclair/typebox'
import {
  assertionVoices,
  casualtyOutcomes,
  challengeKinds,
  followUpKinds,
  incidentRelationKinds,
  incidentTypes,
  locationPrecisions,
  participantOutcomes,
  participantRoles,
  responsibilityKinds,
  targetTypes,
  victimGroups
} from '../domain/vocabulary.ts'
import {
  Cursor, DateMatch, EndDate, FreeText, Id, IncludeBranches, Limit, Nullable, Page, StartDate, patternMessages, ref, StringEnum, timestampProperties, UpdatedSince, versionProperty
} from './common.ts'
import { exportFormats } from '../export/formats.ts'
import { ListFormatParam } from './list-format.ts'
import { ActorRef, DatePrecision, ProvinceRef, SourceRef } from './references.ts'
import { Statement } from './statements.ts'

export const IncidentType = StringEnum(incidentTypes, {
  $id: 'IncidentType',
  description: 'The kind of event: attacks (`suicide_bombing`, `bombing`, `ied`, `armed_assault`, `complex_attack`, `assassination_attempt`, `targeted_killing`, `explosion` when the cause is not reported) and other events with a place, a date and an outcome (`security_operation`, `raid`, `armed_clash`, `arrest`, `foiled_attack`).'
})
export const ParticipantRole = StringEnum(participantRoles, {
  $id: 'ParticipantRole', description: '`perpetrator`: who carried it out; `target`: who or what was aimed at; `responder`: who responded (guards, forces arriving).'
})
export const ParticipantOutcome = StringEnum(participantOutcomes, {
  $id: 'ParticipantOutcome', description: 'What became of a participant, as reported.'
})
export const FollowUpKind = StringEnum(followUpKinds, {
  $id: 'FollowUpKind', description: 'What followed the incident.'
})
export const IncidentRelationKind = StringEnum([...incidentRelationKinds, 'prompted_response'] as const, {
  $id: 'IncidentRelationKind',
  description: 'How this incident relates to the other, read from this one: `same_series` (one wave or string of attacks), `response_to` (a reprisal or an operation against those behind the other), `prompted_response` (the other is a response to this one), `same_perpetrators` (a source says the same people carried out both).'
})
export const AssertionVoice = StringEnum(assertionVoices, {
  $id: 'AssertionVoice',
  description: 'Who voices a claim, attribution, suspicion or denial: `actor`, a named actor (`asserted_by`); `source`, the report in its own voice; `unnamed`, people the report does not name (experts, local sources).'
})
export const ChallengeKind = StringEnum(challengeKinds, {
  $id: 'ChallengeKind', description: '`disputed`: the party rejects the claim or attribution; `to_be_verified`: it says it will verify it.'
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
  outcome: StringEnum(casualtyOutcomes, { description: 'Whether the group\'s figure counts killed or wounded.' }),
  count: Type.Integer({ minimum: 0, description: 'How many of the casualties belong to the group: the best figure, or the lower bound when only that is known.', examples: [20] }),
  best: count('Best estimate for the group; null when the source gives only bounds.'),
  low: count('Lowest figure for the group; null when unknown.'),
  high: count('Highest figure for the group; null when unknown or open-ended.'),
  source_id: Type.String({ description: 'The source that gives this figure.' })
}, { $id: 'BreakdownItem', description: 'Part of a casualty count, as one source reports it, with bounds like the totals.', additionalProperties: false })

export const Casualties = Type.Object({
  best: count('Best estimate, reconciled across sources; null when unknown.'),
  low: count('Lowest figure reported by a credible source; null when unknown.'),
  high: count('Highest figure reported; null when unknown or open-ended.'),
  breakdown: Type.Array(ref(BreakdownItem), { description: 'Casualties by group, when reported.' })
}, { $id: 'Casualties', description: 'Reconciled casualty figures with their breakdown.', additionalProperties: false })

export const Challenge = Type.Object({
  kind: ref(ChallengeKind),
  by: ref(ActorRef),
  source_id: Type.String({ description: 'The report that says so.' }),
  statement_id: Nullable(Type.String(), { description: 'The statement that challenges it, when recorded.' }),
  excerpt: Nullable(Type.String(), { description: 'The report\'s own words.' })
}, { $id: 'Challenge', description: 'A party disputing a claim or attribution, or saying it will verify it.', additionalProperties: false })

export const Responsibility = Type.Object({
  kind: ref(ResponsibilityKind),
  actor: ref(ActorRef),
  source_id: Type.String({ description: 'The report that says so.' }),
  statement_id: Nullable(Type.String(), { description: 'The statement that makes the claim, attribution or denial, when there is one.' }),
  voice: ref(AssertionVoice),
  asserted_by: Nullable(ref(ActorRef), { description: 'The named actor who makes it (the claimant for a claim, the blaming party for an attribution); null when the report says it in its own voice or cites unnamed people (see `voice`).' }),
  wording: Nullable(Type.String(), { description: 'The verb or phrase as the report gives it ("claimed responsibility", "orchestrating").', examples: ['claimed responsibility'] }),
  excerpt: Nullable(Type.String(), { description: 'The report\'s own words.' }),
  challenge: Nullable(ref(Challenge), { description: 'A party disputing it or saying it will verify it; null when none is reported.' }),
  notes: Nullable(Type.String(), { description: 'Context: who attributes it, contradictions.' })
}, { $id: 'Responsibility', description: 'Who claimed, was blamed for, is suspected of or denied the incident, who says so, and on what evidence.', additionalProperties: false })

export const Participant = Type.Object({
  role: ref(ParticipantRole),
  actor: Nullable(ref(ActorRef), { description: 'The actor; null for people the report does not identify (see `description`).' }),
  description: Nullable(Type.String(), { description: 'Who they are, as the report says ("two armed attackers").' }),
  count: Nullable(Type.Integer({ minimum: 0 }), { description: 'How many, when the report says.' }),
  outcome: Nullable(ref(ParticipantOutcome), { description: 'What became of them; null when not reported.' }),
  source_id: Type.String({ description: 'The report that says so.' }),
  excerpt: Nullable(Type.String(), { description: 'The report\'s own words.' }),
  notes: Nullable(Type.String(), { description: 'Curation notes.' })
}, { $id: 'Participant', description: 'Who took part in the incident, in which role (ACLED\'s actor1/actor2, and responders), and what became of them.', additionalProperties: false })

export const NoClaimReport = Type.Object({
  source_id: Type.String({ description: 'The report that says no claim was known.' }),
  as_of: Type.String({ format: 'date', description: 'The date the report says so.' }),
  excerpt: Nullable(Type.String(), { description: 'The report\'s own words.' }),
  notes: Nullable(Type.String(), { description: 'Curation notes.' })
}, { $id: 'NoClaimReport', description: 'A report that no one had claimed the incident as of its date; a later claim does not erase it.', additionalProperties: false })

export const FollowUp = Type.Object({
  kind: ref(FollowUpKind),
  actor: Nullable(ref(ActorRef), { description: 'Who did it; null when not reported.' }),
  description: Type.String({ description: 'What happened.' }),
  count: Nullable(Type.Integer({ minimum: 0 }), { description: 'How many (suspects arrested, devices defused), when reported.' }),
  source_id: Type.String({ description: 'The report that says so.' }),
  statement_id: Nullable(Type.String(), { description: 'The statement announcing it, when recorded.' }),
  excerpt: Nullable(Type.String(), { description: 'The report\'s own words.' })
}, { $id: 'FollowUp', description: 'What followed the incident: an arrest, devices found and defused, an investigation.', additionalProperties: false })

export const RelatedIncident = Type.Object({
  incident_id: Type.String({ description: 'The other incident.' }),
  title: Type.String({ description: 'Its title.' }),
  kind: ref(IncidentRelationKind),
  source_id: Nullable(Type.String(), { description: 'The report that links them; null when the link is the curators\' own reading, explained in `notes`.' }),
  notes: Nullable(Type.String(), { description: 'Why they are linked.' })
}, { $id: 'RelatedIncident', description: 'A related incident: one series, a response, the same perpetrators.', additionalProperties: false })

export const incidentProperties = {
  id: Type.String({ description: 'Opaque incident id.', examples: ['inc_2021_11_07_jalalabad_twin_blasts'] }),
  title: Type.String({ description: 'Short description.', examples: ['Twin blasts in Jalalabad'] }),
  occurred_on: Type.String({ format: 'date', description: 'When it happened: the best single date the sources support; see `date_precision` and the window `date_start`..`date_end`.', examples: ['2021-11-07'] }),
  date_precision: ref(DatePrecision),
  date_start: Type.String({ format: 'date', description: 'Earliest date it can have happened (inclusive): the window the sources allow, as UCDP\'s date_start.', examples: ['2021-11-07'] }),
  date_end: Type.String({ format: 'date', description: 'Latest date it can have happened (inclusive).', examples: ['2021-11-07'] }),
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
  perpetrators_killed: ref(Figures),
  perpetrators_wounded: ref(Figures),
  responsibility: Type.Array(ref(Responsibility), { description: 'Claims, attributions, suspicions and denials, each with who makes it and its source.' }),
  participants: Type.Array(ref(Participant), { description: 'Who took part, in which role, and what became of them.' }),
  ...versionProperty(),
  ...timestampProperties()
}

export const Incident = Type.Object(incidentProperties, {
  $id: 'Incident',
  description: 'One event with a place, a date and an outcome: an attack, an armed clash, a security operation, a raid, an arrest. `killed` and `wounded` count victims; the perpetrators\' own casualties are apart in `perpetrators_killed` and `perpetrators_wounded`.',
  additionalProperties: false
})

export const IncidentReport = Type.Object({
  source: ref(SourceRef),
  occurred_on: Nullable(Type.String({ format: 'date' }), { description: 'The date this source gives; null when it gives none.' }),
  date_precision: Nullable(ref(DatePrecision), { description: 'Precision of the date this source gives.' }),
  date_start: Nullable(Type.String({ format: 'date' }), { description: 'Earliest date this source allows; null when it gives no date.' }),
  date_end: Nullable(Type.String({ format: 'date' }), { description: 'Latest date this source allows; null when it gives no date.' }),
  killed: ref(Figures),
  wounded: ref(Figures),
  perpetrators_killed: ref(Figures),
  perpetrators_wounded: ref(Figures),
  breakdown: Type.Array(ref(BreakdownItem), { description: 'This source\'s casualties by group.' }),
  excerpt: Nullable(Type.String(), { description: 'The source\'s own words about the incident.' }),
  notes: Nullable(Type.String(), { description: 'Curation notes.' })
}, { $id: 'IncidentReport', description: 'How one source reports the incident: its own date and figures.', additionalProperties: false })

export const IncidentDetail = Type.Object({
  ...incidentProperties,
  reports: Type.Array(ref(IncidentReport), { description: 'Each source\'s own account, oldest source first. Conflicting figures stay visible here.' }),
  statements: Type.Array(ref(Statement), { description: 'Statements about the incident, oldest first.' }),
  no_claim: Type.Array(ref(NoClaimReport), { description: 'Reports that no claim was known, as of their date.' }),
  follow_ups: Type.Array(ref(FollowUp), { description: 'What followed: arrests, devices defused, investigations.' }),
  related: Type.Array(ref(RelatedIncident), { description: 'Related incidents.' }),
  tally_ids: Type.Array(Type.String(), { description: 'Tallies (a report\'s own period counts) that include this incident.' })
}, { $id: 'IncidentDetail', description: 'An incident with its per-source reports, statements, no-claim reports, follow-ups, related incidents and tallies.', additionalProperties: false })

export const IncidentList = Type.Object({
  ...Page(Incident, 'IncidentList', '').properties,
  total: Nullable(Type.Integer({ minimum: 0 }), {
    description: 'How many incidents the filters match over all pages, when asked with `include_total=true`; null otherwise (counting costs more than a page).',
    examples: [128]
  })
}, { $id: 'IncidentList', description: 'A page of incidents, newest `occurred_on` first, then by id descending, with their total when asked.', additionalProperties: false })

export const IncidentIdParams = Type.Object({
  id: Id('Incident id.', 'inc_2021_09_jalalabad_blasts')
}, { additionalProperties: false })

const actorFilter = (description: string, example: string) => Type.Optional(Id(description, example))

/** `bombing` or `bombing,ied`: one or more incident types, comma-separated. */
export const incidentTypeList = `^ *(${incidentTypes.join('|')}) *(, *(${incidentTypes.join('|')}) *)*$`

patternMessages[incidentTypeList] = `must be one or more of ${incidentTypes.join(', ')}, comma-separated`

/** A decimal number of degrees, as `bbox` and `near` take them (ranges are checked after parsing). */
const coordinate = '-?[0-9]{1,3}(\\.[0-9]{1,12})?'

export const IncidentFilters = {
  province: Type.Optional(FreeText('Province ISO 3166-2 code or English name (common spellings too), case-insensitive; several comma-separated mean OR.', 'Nangarhar')),
  start_date: Type.Optional(StartDate),
  end_date: Type.Optional(EndDate),
  date_match: Type.Optional(DateMatch),
  updated_since: Type.Optional(UpdatedSince),
  claimed_by: actorFilter('Actor id, slug or alias: incidents the actor claimed.', 'iskp'),
  attributed_to: actorFilter('Actor id, slug or alias: incidents claimed by or attributed to the actor.', 'iskp'),
  include_branches: Type.Optional(IncludeBranches),
  type: Type.Optional(Type.String({
    pattern: incidentTypeList,
    description: `Only incidents of these types; several comma-separated mean OR. One of: ${incidentTypes.join(', ')}.`,
    examples: ['bombing,suicide_bombing']
  })),
  q: Type.Optional(FreeText('Case-insensitive text matched against title, summary, district and place.', 'Jalalabad')),
  bbox: Type.Optional(Type.String({
    pattern: `^${coordinate},${coordinate},${coordinate},${coordinate}$`,
    description: 'Only incidents whose coordinates lie in this box: `west,south,east,north` in decimal degrees (WGS 84), edges included. Longitudes -180 to 180 with west <= east, latitudes -90 to 90 with south <= north. Incidents without coordinates never match.',
    examples: ['69.0,34.0,71.0,35.0']
  })),
  near: Type.Optional(Type.String({
    pattern: `^${coordinate},${coordinate}$`,
    description: 'With `radius_km`: only incidents within that great-circle distance of this point, `latitude,longitude` in decimal degrees (WGS 84; latitude -90 to 90, longitude -180 to 180). Incidents without coordinates never match.',
    examples: ['34.43,70.45'],
    'x-requires': ['radius_km']
  })),
  radius_km: Type.Optional(Type.Number({
    exclusiveMinimum: 0, maximum: 5000, description: 'With `near`: the distance in kilometres (above 0, at most 5000), on a sphere of the mean Earth radius (6371.0088 km).', examples: [25], 'x-requires': ['near']
  })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor('incidents', ['2021-11-07', 'inc_2021_11_07_jalalabad_twin_blasts']))
}

/** Whether a list also says how many incidents match (`total`). */
const IncludeTotal = Type.Boolean({
  default: false,
  description: 'Also count the incidents the filters match over all pages, as `total` (null unless asked: counting costs more than a page).',
  examples: [true]
})

export const IncidentListQuery = Type.Object({
  ...IncidentFilters,
  include_total: Type.Optional(IncludeTotal),
  actor: actorFilter('Actor id, slug or alias: incidents the actor is linked to in any role (responsibility, participant, or speaker of a statement about it).', 'iskp'),
  format: ListFormatParam(exportFormats)
}, { additionalProperties: false })

export const NestedIncidentQuery = Type.Object({ ...IncidentFilters, include_total: Type.Optional(IncludeTotal), format: ListFormatParam(exportFormats) }, { additionalProperties: false })
