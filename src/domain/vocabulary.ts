/** Controlled vocabularies shared by the database schema, the API schemas and the dataset. */

export const datePrecisions = ['day', 'week', 'month', 'year'] as const
export type DatePrecision = (typeof datePrecisions)[number]

/** How close the coordinates are to where it happened, from a known spot to a province centroid. */
export const locationPrecisions = ['exact', 'neighborhood', 'district', 'city', 'province'] as const
export type LocationPrecision = (typeof locationPrecisions)[number]

export const sourceKinds = [
  'news_article',
  'news_agency_report',
  'official_statement',
  'un_report',
  'ngo_report',
  'social_media',
  'video',
  'other'
] as const
export type SourceKind = (typeof sourceKinds)[number]

export const actorKinds = [
  'armed_group',
  'government',
  'government_body',
  'political_party',
  'political_movement',
  'international_organization',
  'ngo',
  'media_outlet',
  'research_organization',
  'person'
] as const
export type ActorKind = (typeof actorKinds)[number]

export const incidentTypes = [
  'suicide_bombing',
  'bombing',
  'ied',
  'armed_assault',
  'complex_attack',
  'assassination_attempt',
  'targeted_killing',
  'explosion',
  'security_operation',
  'raid',
  'armed_clash',
  'arrest',
  'foiled_attack',
  'other'
] as const
export type IncidentType = (typeof incidentTypes)[number]

export const targetTypes = [
  'civilians',
  'religious_site',
  'school',
  'students',
  'diplomatic_mission',
  'hospital',
  'taliban_forces',
  'foreign_forces',
  'airport',
  'political_party',
  'political_figure',
  'religious_minority',
  'business',
  'vehicle'
] as const
export type TargetType = (typeof targetTypes)[number]

export const responsibilityKinds = ['claimed', 'attributed', 'suspected', 'denied'] as const
export type ResponsibilityKind = (typeof responsibilityKinds)[number]

export const statementKinds = [
  'claim_of_responsibility',
  'denial',
  'condemnation',
  'attribution',
  'assessment',
  'pledge',
  'other'
] as const
export type StatementKind = (typeof statementKinds)[number]

/** Whether a statement's text is the speaker's words as reported, or a faithful paraphrase. */
export const statementTextKinds = ['quote', 'paraphrase'] as const
export type StatementTextKind = (typeof statementTextKinds)[number]

export const casualtyOutcomes = ['killed', 'wounded'] as const
export type CasualtyOutcome = (typeof casualtyOutcomes)[number]

export const victimGroups = [
  'civilians',
  'children',
  'women',
  'students',
  'worshippers',
  'taliban_forces',
  'foreign_military',
  'security_personnel',
  'afghan_nationals'
] as const
export type VictimGroup = (typeof victimGroups)[number]

/** What part an actor played in an incident (ACLED's actor1 / actor2, and who responded). */
export const participantRoles = ['perpetrator', 'target', 'responder'] as const
export type ParticipantRole = (typeof participantRoles)[number]

/** What became of a participant, as the source reports it. */
export const participantOutcomes = ['killed', 'wounded', 'unhurt', 'arrested', 'escaped'] as const
export type ParticipantOutcome = (typeof participantOutcomes)[number]

/** What followed an incident: an arrest, devices found and defused, an investigation announced. */
export const followUpKinds = ['arrest', 'devices_defused', 'investigation', 'security_measure', 'other'] as const
export type FollowUpKind = (typeof followUpKinds)[number]

/**
 * How two incidents are linked, read from the first to the second: `same_series` (one wave or string of attacks,
 * twin blasts), `response_to` (a reprisal or an operation against those behind the other), `same_perpetrators`
 * (a source says the same people carried out both).
 */
export const incidentRelationKinds = ['same_series', 'response_to', 'same_perpetrators'] as const
export type IncidentRelationKind = (typeof incidentRelationKinds)[number]

/** Who voices a claim, attribution, suspicion or denial: a named actor, the report itself, or unnamed people it cites. */
export const assertionVoices = ['actor', 'source', 'unnamed'] as const
export type AssertionVoice = (typeof assertionVoices)[number]

/** How a claim or attribution is challenged: disputed outright, or held for verification. */
export const challengeKinds = ['disputed', 'to_be_verified'] as const
export type ChallengeKind = (typeof challengeKinds)[number]

/** What an actor estimate counts. */
export const estimateMeasures = ['fighters', 'members', 'other'] as const
export type EstimateMeasure = (typeof estimateMeasures)[number]
