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
  'security_personnel'
] as const
export type VictimGroup = (typeof victimGroups)[number]
