/** The incident record as curated and written: the incident with everything each source says about it. */
import { Type, type Static } from '@sinclair/typebox'
import {
  assertionVoices, challengeKinds, followUpKinds, incidentRelationKinds, incidentTypes, locationPrecisions,
  participantOutcomes, participantRoles, responsibilityKinds, targetTypes
} from '../../domain/vocabulary.ts'
import { StringEnum } from '../common.ts'
import {
  ActorKey, BreakdownInput, Excerpt, FiguresInput, IncidentKey, InputDate, InputPrecision, Maybe, Notes, RecordId,
  SourceKey, StatementKey, Text
} from './common.ts'

export const ReportInput = Type.Object({
  source: SourceKey('The source this account comes from.'),
  occurred_on: Maybe(InputDate('The date this source gives; null when it gives none.')),
  date_precision: Maybe(InputPrecision),
  date_start: Maybe(InputDate('Earliest date this source allows (inclusive); defaults from occurred_on and precision.')),
  date_end: Maybe(InputDate('Latest date this source allows (inclusive); defaults from occurred_on and precision.')),
  killed: Type.Optional(FiguresInput),
  wounded: Type.Optional(FiguresInput),
  perpetrators_killed: Type.Optional(FiguresInput),
  perpetrators_wounded: Type.Optional(FiguresInput),
  breakdown: Type.Optional(Type.Array(BreakdownInput, { description: 'Casualties by group, as this source gives them.' })),
  excerpt: Excerpt('The source\'s own words about the incident.'),
  notes: Notes()
}, { additionalProperties: false, description: 'How one source reports the incident: its own date, figures and words.' })

export const ChallengeInput = Type.Object({
  kind: StringEnum(challengeKinds, { description: '`disputed`: the party rejects it; `to_be_verified`: it says it will verify.' }),
  by: ActorKey('Who challenges it (actor id, slug or alias).'),
  source: SourceKey('The report that says so.'),
  statement: Maybe(StatementKey('The statement that challenges it, if recorded.')),
  excerpt: Excerpt()
}, { additionalProperties: false, description: 'A party disputing a claim or attribution, or saying it will verify it.' })

export const ResponsibilityInput = Type.Object({
  kind: StringEnum(responsibilityKinds, { description: '`claimed`, `attributed`, `suspected` or `denied`.' }),
  actor: ActorKey('The actor responsible (id, slug or alias).'),
  source: SourceKey('The report that says so.'),
  statement: Maybe(StatementKey('The statement that makes the claim, attribution or denial.')),
  asserted_by: Maybe(ActorKey('Who makes it, when a named actor does (the claimant for a claim).')),
  voice: Type.Optional(StringEnum(assertionVoices, {
    description: '`actor`: a named actor (`asserted_by`); `source`: the report in its own voice; `unnamed`: people the report does not name (experts, local sources). Defaults to `actor` for claims and denials, else `source`.'
  })),
  wording: Maybe(Text('The verb or phrase as the source gives it ("claimed responsibility", "orchestrating", "carried out").', { maxLength: 500 })),
  excerpt: Excerpt(),
  challenge: Maybe(ChallengeInput),
  notes: Notes()
}, { additionalProperties: false, description: 'One claim, attribution, suspicion or denial, with who makes it and the report that says so.' })

export const ParticipantInput = Type.Object({
  role: StringEnum(participantRoles, { description: '`perpetrator`, `target` or `responder`.' }),
  actor: Maybe(ActorKey('The actor (id, slug or alias); null for people the source does not identify.')),
  description: Maybe(Text('Who they are, as the source says ("two armed attackers", "a security guard").', { maxLength: 500 })),
  count: Maybe(Type.Integer({ minimum: 0, description: 'How many, when the source says.' })),
  outcome: Maybe(StringEnum(participantOutcomes, { description: 'What became of them, as reported (a target "unhurt").' })),
  source: SourceKey('The report that says so.'),
  excerpt: Excerpt(),
  notes: Notes()
}, { additionalProperties: false, description: 'An actor taking part in the incident, its role and what became of it.' })

export const FollowUpInput = Type.Object({
  kind: StringEnum(followUpKinds, { description: 'What followed.' }),
  actor: Maybe(ActorKey('Who did it (id, slug or alias).')),
  description: Text('What happened, in a sentence.', { maxLength: 2000 }),
  count: Maybe(Type.Integer({ minimum: 0, description: 'How many (suspects arrested, devices defused), when the source says.' })),
  source: SourceKey('The report that says so.'),
  statement: Maybe(StatementKey('The statement that announces it, if recorded.')),
  excerpt: Excerpt()
}, { additionalProperties: false, description: 'Something that followed the incident: an arrest, devices defused, an investigation.' })

export const RelationInput = Type.Object({
  incident: IncidentKey('The other incident.'),
  kind: StringEnum(incidentRelationKinds, { description: 'How this incident relates to the other one.' }),
  source: Maybe(SourceKey('The report that links them.')),
  notes: Notes()
}, { additionalProperties: false, description: 'A link to a related incident: a series, a response, the same perpetrators.' })

export const NoClaimInput = Type.Object({
  source: SourceKey('The report that says no claim is known.'),
  as_of: InputDate('The date the report says it (usually its publication date).'),
  excerpt: Excerpt(),
  notes: Notes()
}, { additionalProperties: false, description: 'A report saying that no one had claimed the incident, as of its date.' })

export const IncidentInput = Type.Object({
  id: RecordId('inc', 'Incident id: `inc_` and a readable key (date, place, what).'),
  title: Text('Short description.', { maxLength: 300 }),
  occurred_on: InputDate('The best single date the sources support.'),
  date_precision: InputPrecision,
  date_start: Type.Optional(InputDate('Earliest possible date (inclusive); defaults from occurred_on and precision.')),
  date_end: Type.Optional(InputDate('Latest possible date (inclusive); defaults from occurred_on and precision.')),
  province: Maybe(Type.String({ pattern: '^AF-[A-Z]{3}$', description: 'ISO 3166-2:AF code.' })),
  district: Maybe(Text('District.', { maxLength: 200 })),
  place: Maybe(Text('City, neighbourhood or site.', { maxLength: 300 })),
  latitude: Maybe(Type.Number({ minimum: -90, maximum: 90, description: 'WGS 84 latitude.' })),
  longitude: Maybe(Type.Number({ minimum: -180, maximum: 180, description: 'WGS 84 longitude.' })),
  location_precision: Maybe(StringEnum(locationPrecisions, { description: 'What the coordinates stand for.' })),
  type: StringEnum(incidentTypes, { description: 'The kind of event.' }),
  targets: Type.Optional(Type.Array(StringEnum(targetTypes, { description: 'A target type.' }), { description: 'Who or what was targeted.' })),
  summary: Maybe(Text('What happened and how the date and figures were reconciled, naming sources by id or title.')),
  killed: Type.Optional(FiguresInput),
  wounded: Type.Optional(FiguresInput),
  perpetrators_killed: Type.Optional(FiguresInput),
  perpetrators_wounded: Type.Optional(FiguresInput),
  reports: Type.Array(ReportInput, { minItems: 1, description: 'Each source\'s own account; at least one.' }),
  responsibility: Type.Optional(Type.Array(ResponsibilityInput, { description: 'Claims, attributions, suspicions and denials.' })),
  no_claim: Type.Optional(Type.Array(NoClaimInput, { description: 'Reports that no claim was known, as of their date.' })),
  participants: Type.Optional(Type.Array(ParticipantInput, { description: 'Who took part, in which role, and what became of them.' })),
  follow_ups: Type.Optional(Type.Array(FollowUpInput, { description: 'What followed: arrests, devices defused, investigations.' })),
  related: Type.Optional(Type.Array(RelationInput, { description: 'Related incidents.' }))
}, { $id: 'IncidentInput', additionalProperties: false, description: 'An incident record: the event, each source\'s account, responsibility, participants and links.' })

export type IncidentRecord = Static<typeof IncidentInput>
