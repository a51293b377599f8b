/** Drizzle tables: the data model of sources, actors, provinces, incidents, responsibility and statements. */
import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  type AnyPgColumn
} from 'drizzle-orm/pg-core'
import {
  actorKinds,
  assertionVoices,
  casualtyOutcomes,
  challengeKinds,
  datePrecisions,
  estimateMeasures,
  followUpKinds,
  incidentRelationKinds,
  incidentTypes,
  locationPrecisions,
  participantOutcomes,
  participantRoles,
  responsibilityKinds,
  sourceKinds,
  statementKinds,
  statementTextKinds,
  targetTypes,
  victimGroups
} from '../domain/vocabulary.ts'

export const datePrecision = pgEnum('date_precision', datePrecisions)
export const locationPrecision = pgEnum('location_precision', locationPrecisions)
export const sourceKind = pgEnum('source_kind', sourceKinds)
export const actorKind = pgEnum('actor_kind', actorKinds)
export const incidentType = pgEnum('incident_type', incidentTypes)
export const targetType = pgEnum('target_type', targetTypes)
export const responsibilityKind = pgEnum('responsibility_kind', responsibilityKinds)
export const statementKind = pgEnum('statement_kind', statementKinds)
export const statementTextKind = pgEnum('statement_text_kind', statementTextKinds)
export const casualtyOutcome = pgEnum('casualty_outcome', casualtyOutcomes)
export const victimGroup = pgEnum('victim_group', victimGroups)
export const participantRole = pgEnum('participant_role', participantRoles)
export const participantOutcome = pgEnum('participant_outcome', participantOutcomes)
export const followUpKind = pgEnum('follow_up_kind', followUpKinds)
export const incidentRelationKind = pgEnum('incident_relation_kind', incidentRelationKinds)
export const assertionVoice = pgEnum('assertion_voice', assertionVoices)
export const challengeKind = pgEnum('challenge_kind', challengeKinds)
export const estimateMeasure = pgEnum('estimate_measure', estimateMeasures)

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
}

/** The version of a record that can be written through the API: 1 when created, +1 at every change (its ETag). */
const versioned = {
  version: integer('version').notNull().default(1)
}

/** A report: an article, an official statement, a UN report, a post. */
export const sources = pgTable('sources', {
  id: text('id').primaryKey(),
  title: text('title'),
  publisher: text('publisher'),
  author: text('author'),
  publishedOn: date('published_on', { mode: 'string' }),
  publishedOnPrecision: datePrecision('published_on_precision'),
  url: text('url'),
  language: text('language'),
  kind: sourceKind('kind').notNull(),
  notes: text('notes'),
  ...versioned,
  ...timestamps
}, (t) => [
  // Ascending indexes serve the newest-first orderings by a backward scan (DESC NULLS FIRST).
  index('sources_published_on_idx').on(sql`coalesce(${t.publishedOn}, '0001-01-01'::date)`, t.id),
  index('sources_publisher_idx').on(sql`lower(${t.publisher})`),
  check('sources_date_precision_with_date', sql`(${t.publishedOn} is null) = (${t.publishedOnPrecision} is null)`)
])

/** A source that relies on another ("according to Anadolu Agency"). */
export const sourceCitations = pgTable('source_citations', {
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'cascade' }),
  citedSourceId: text('cited_source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
  context: text('context')
}, (t) => [
  primaryKey({ columns: [t.sourceId, t.citedSourceId] }),
  index('source_citations_cited_idx').on(t.citedSourceId),
  check('source_citations_not_self', sql`${t.sourceId} <> ${t.citedSourceId}`)
])

/** An armed group, government body, party, organisation, outlet or person. */
export const actors = pgTable('actors', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
  kind: actorKind('kind').notNull(),
  parentId: text('parent_id').references((): AnyPgColumn => actors.id, { onDelete: 'set null' }),
  description: text('description'),
  ...versioned,
  ...timestamps
}, (t) => [
  index('actors_parent_idx').on(t.parentId),
  check('actors_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  check('actors_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`)
])

/** ISO 3166-2:AF provinces (reference data). */
export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull().unique(),
  aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
  capital: text('capital').notNull()
}, (t) => [
  check('provinces_code_format', sql`${t.code} ~ '^AF-[A-Z]{3}$'`)
])

/** Killed and wounded as best / low / high: null is unknown, 0 a known zero. */
const casualtyFigures = () => ({
  killedBest: integer('killed_best'),
  killedLow: integer('killed_low'),
  killedHigh: integer('killed_high'),
  woundedBest: integer('wounded_best'),
  woundedLow: integer('wounded_low'),
  woundedHigh: integer('wounded_high')
})

/** Perpetrators killed and wounded (GTD's nkillter), kept apart from the victims counted above. */
const perpetratorFigures = () => ({
  perpetratorsKilledBest: integer('perpetrators_killed_best'),
  perpetratorsKilledLow: integer('perpetrators_killed_low'),
  perpetratorsKilledHigh: integer('perpetrators_killed_high'),
  perpetratorsWoundedBest: integer('perpetrators_wounded_best'),
  perpetratorsWoundedLow: integer('perpetrators_wounded_low'),
  perpetratorsWoundedHigh: integer('perpetrators_wounded_high')
})

/** The window a vague date stands for: the true date lies between date_start and date_end, inclusive. */
function windowChecks (table: string, start: AnyPgColumn, point: AnyPgColumn, end: AnyPgColumn) {
  return [
    check(`${table}_window_ordered`, sql`${start} <= ${end}`),
    check(`${table}_window_holds_date`, sql`${point} between ${start} and ${end}`)
  ]
}

/** Windows of up to this many days (a week, a month, a quarter) are short: date filters bound them by it. */
export const shortWindowDays = 92

/** Partial-index predicates of records whose date window spans 1 to shortWindowDays days, or more (src/routes/date-branches.ts). */
function shortWindow (t: { dateStart: AnyPgColumn, dateEnd: AnyPgColumn }) {
  return sql`(${t.dateEnd} - ${t.dateStart}) > 0 and (${t.dateEnd} - ${t.dateStart}) <= ${sql.raw(String(shortWindowDays))}`
}
function longWindow (t: { dateStart: AnyPgColumn, dateEnd: AnyPgColumn }) {
  return sql`(${t.dateEnd} - ${t.dateStart}) > ${sql.raw(String(shortWindowDays))}`
}

/** One attack or armed clash. Casualty figures are reconciled from the per-source reports. */
export const incidents = pgTable('incidents', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  datePrecision: datePrecision('date_precision').notNull(),
  dateStart: date('date_start', { mode: 'string' }).notNull(),
  dateEnd: date('date_end', { mode: 'string' }).notNull(),
  provinceCode: text('province_code').references(() => provinces.code),
  district: text('district'),
  place: text('place'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  locationPrecision: locationPrecision('location_precision'),
  type: incidentType('type').notNull(),
  targets: targetType('targets').array().notNull().default(sql`'{}'::target_type[]`),
  summary: text('summary'),
  ...casualtyFigures(),
  ...perpetratorFigures(),
  ...versioned,
  ...timestamps
}, (t) => [
  // Lists are newest occurred_on first: every filter is served in that order (src/routes/incidents/queries.ts).
  index('incidents_occurred_on_idx').on(t.occurredOn, t.id),
  index('incidents_province_occurred_on_idx').on(t.provinceCode, t.occurredOn, t.id),
  // Date filters (see src/routes/date-branches.ts): incidents whose date is a window of 1 to 92 days, and of more; the
  // span's own index gives the widest window and the planner its statistics.
  index('incidents_short_window_occurred_on_idx').on(t.occurredOn, t.id).where(shortWindow(t)),
  index('incidents_short_window_province_occurred_on_idx').on(t.provinceCode, t.occurredOn, t.id).where(shortWindow(t)),
  index('incidents_long_window_occurred_on_idx').on(t.occurredOn, t.id).where(longWindow(t)),
  index('incidents_long_window_province_occurred_on_idx').on(t.provinceCode, t.occurredOn, t.id).where(longWindow(t)),
  index('incidents_window_span_idx').on(sql`(${t.dateEnd} - ${t.dateStart})`),
  index('incidents_type_idx').on(t.type),
  // bbox and near (a latitude band): a small area is found from here, not by walking every incident in date order.
  index('incidents_latitude_longitude_idx').on(t.latitude, t.longitude),
  check('incidents_latitude_range', sql`${t.latitude} between -90 and 90`),
  check('incidents_longitude_range', sql`${t.longitude} between -180 and 180`),
  check('incidents_coordinates_together', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
  check('incidents_location_precision_with_coordinates', sql`(${t.latitude} is null) = (${t.locationPrecision} is null)`),
  ...figureChecks('incidents', t.killedLow, t.killedBest, t.killedHigh, 'killed'),
  ...figureChecks('incidents', t.woundedLow, t.woundedBest, t.woundedHigh, 'wounded'),
  ...figureChecks('incidents', t.perpetratorsKilledLow, t.perpetratorsKilledBest, t.perpetratorsKilledHigh, 'perpetrators_killed'),
  ...figureChecks('incidents', t.perpetratorsWoundedLow, t.perpetratorsWoundedBest, t.perpetratorsWoundedHigh, 'perpetrators_wounded'),
  ...windowChecks('incidents', t.dateStart, t.occurredOn, t.dateEnd)
])

/**
 * What the statistics sum for a set of incidents: how many, and their killed and wounded figures as sums of the
 * known values with a count of incidents whose best figure is unknown.
 */
const summaryMeasures = () => ({
  incidents: integer('incidents').notNull(),
  killedBest: bigint('killed_best', { mode: 'number' }).notNull(),
  killedLow: bigint('killed_low', { mode: 'number' }).notNull(),
  killedHigh: bigint('killed_high', { mode: 'number' }).notNull(),
  killedUnknown: integer('killed_unknown').notNull(),
  woundedBest: bigint('wounded_best', { mode: 'number' }).notNull(),
  woundedLow: bigint('wounded_low', { mode: 'number' }).notNull(),
  woundedHigh: bigint('wounded_high', { mode: 'number' }).notNull(),
  woundedUnknown: integer('wounded_unknown').notNull()
})

/** The months of an incident's date and of its window's ends (first days of months): the date filters a summary serves. */
const summaryMonths = () => ({
  month: date('month', { mode: 'string' }).notNull(),
  startMonth: date('start_month', { mode: 'string' }).notNull(),
  endMonth: date('end_month', { mode: 'string' }).notNull()
})

/**
 * Incidents summed by province, type and months (src/core/stats/summary.ts keeps it in step in every write's
 * transaction): the statistics without filters, or by province, type and whole months, read a few thousand rows
 * instead of every incident. Rows whose counts fell to zero stay; readers skip them.
 */
export const incidentSummary = pgTable('incident_summary', {
  provinceCode: text('province_code'),
  type: incidentType('type').notNull(),
  ...summaryMonths(),
  ...summaryMeasures()
}, (t) => [
  unique('incident_summary_cell').on(t.provinceCode, t.type, t.month, t.startMonth, t.endMonth).nullsNotDistinct()
])

/** Incidents summed by each actor and kind of responsibility they have for them (an incident once per actor and kind), and months. */
export const responsibilitySummary = pgTable('responsibility_summary', {
  actorId: text('actor_id').notNull(),
  kind: responsibilityKind('kind').notNull(),
  ...summaryMonths(),
  ...summaryMeasures()
}, (t) => [
  primaryKey({ columns: [t.actorId, t.kind, t.month, t.startMonth, t.endMonth] })
])

/** Non-negative figures with low <= best <= high where both are known. */
function figureChecks (table: string, low: AnyPgColumn, best: AnyPgColumn, high: AnyPgColumn, name: string) {
  return [
    check(`${table}_${name}_non_negative`, sql`${low} >= 0 and ${best} >= 0 and ${high} >= 0`),
    check(`${table}_${name}_low_le_best`, sql`${low} <= ${best}`),
    check(`${table}_${name}_best_le_high`, sql`${best} <= ${high}`),
    check(`${table}_${name}_low_le_high`, sql`${low} <= ${high}`)
  ]
}

/** How one source reports an incident: its own date and figures. */
export const incidentReports = pgTable('incident_reports', {
  id: text('id').primaryKey(),
  incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
  occurredOn: date('occurred_on', { mode: 'string' }),
  datePrecision: datePrecision('date_precision'),
  dateStart: date('date_start', { mode: 'string' }),
  dateEnd: date('date_end', { mode: 'string' }),
  ...casualtyFigures(),
  ...perpetratorFigures(),
  excerpt: text('excerpt'),
  notes: text('notes'),
  ...timestamps
}, (t) => [
  unique('incident_reports_incident_source_unique').on(t.incidentId, t.sourceId),
  index('incident_reports_source_idx').on(t.sourceId),
  check('incident_reports_date_precision_with_date', sql`(${t.occurredOn} is null) = (${t.datePrecision} is null)`),
  check('incident_reports_window_with_date', sql`(${t.occurredOn} is null) = (${t.dateStart} is null) and (${t.occurredOn} is null) = (${t.dateEnd} is null)`),
  ...figureChecks('incident_reports', t.killedLow, t.killedBest, t.killedHigh, 'killed'),
  ...figureChecks('incident_reports', t.woundedLow, t.woundedBest, t.woundedHigh, 'wounded'),
  ...figureChecks('incident_reports', t.perpetratorsKilledLow, t.perpetratorsKilledBest, t.perpetratorsKilledHigh, 'perpetrators_killed'),
  ...figureChecks('incident_reports', t.perpetratorsWoundedLow, t.perpetratorsWoundedBest, t.perpetratorsWoundedHigh, 'perpetrators_wounded'),
  ...windowChecks('incident_reports', t.dateStart, t.occurredOn, t.dateEnd)
])

/** A breakdown of an incident's casualties by group (civilians, children, Taliban forces), as one source gives it. */
export const casualtyBreakdowns = pgTable('casualty_breakdowns', {
  incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
  outcome: casualtyOutcome('outcome').notNull(),
  victimGroup: victimGroup('victim_group').notNull(),
  /** The best figure; the API's `count` is best, or low when only a lower bound is known. */
  best: integer('best'),
  low: integer('low'),
  high: integer('high'),
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' })
}, (t) => [
  primaryKey({ columns: [t.incidentId, t.outcome, t.victimGroup, t.sourceId] }),
  check('casualty_breakdowns_some_figure', sql`${t.best} is not null or ${t.low} is not null`),
  ...figureChecks('casualty_breakdowns', t.low, t.best, t.high, 'count')
])

/** What an actor said, reported by one or more sources. */
export const statements = pgTable('statements', {
  id: text('id').primaryKey(),
  speakerId: text('speaker_id').notNull().references(() => actors.id, { onDelete: 'restrict' }),
  onBehalfOfId: text('on_behalf_of_id').references(() => actors.id, { onDelete: 'restrict' }),
  saidOn: date('said_on', { mode: 'string' }).notNull(),
  datePrecision: datePrecision('date_precision').notNull(),
  dateStart: date('date_start', { mode: 'string' }).notNull(),
  dateEnd: date('date_end', { mode: 'string' }).notNull(),
  kind: statementKind('kind').notNull(),
  text: text('text').notNull(),
  textKind: statementTextKind('text_kind').notNull(),
  notes: text('notes'),
  ...versioned,
  ...timestamps
}, (t) => [
  index('statements_said_on_idx').on(t.saidOn, t.id),
  // By speaker (or principal), newest first: the page is the head of the index, whatever the actor has said.
  index('statements_speaker_said_on_idx').on(t.speakerId, t.saidOn, t.id),
  // Date filters (see src/routes/date-branches.ts): the widest window, and statements whose window spans several days.
  index('statements_window_span_idx').on(sql`(${t.dateEnd} - ${t.dateStart})`),
  index('statements_short_window_said_on_idx').on(t.saidOn, t.id).where(shortWindow(t)),
  index('statements_long_window_said_on_idx').on(t.saidOn, t.id).where(longWindow(t)),
  index('statements_on_behalf_of_said_on_idx').on(t.onBehalfOfId, t.saidOn, t.id),
  check('statements_text_not_blank', sql`length(trim(${t.text})) > 0`),
  ...windowChecks('statements', t.dateStart, t.saidOn, t.dateEnd)
])

export const statementIncidents = pgTable('statement_incidents', {
  statementId: text('statement_id').notNull().references(() => statements.id, { onDelete: 'cascade' }),
  incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' })
}, (t) => [
  primaryKey({ columns: [t.statementId, t.incidentId] }),
  index('statement_incidents_incident_idx').on(t.incidentId)
])

export const statementSources = pgTable('statement_sources', {
  statementId: text('statement_id').notNull().references(() => statements.id, { onDelete: 'cascade' }),
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' })
}, (t) => [
  primaryKey({ columns: [t.statementId, t.sourceId] }),
  index('statement_sources_source_idx').on(t.sourceId)
])

/** Who claimed, was blamed for, is suspected of or denied an incident, and on what evidence. */
export const responsibilities = pgTable('responsibilities', {
  id: text('id').primaryKey(),
  incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
  actorId: text('actor_id').notNull().references(() => actors.id, { onDelete: 'restrict' }),
  kind: responsibilityKind('kind').notNull(),
  statementId: text('statement_id').references(() => statements.id, { onDelete: 'set null' }),
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
  /** Who voices it: a named actor (asserted_by_id), the report itself, or unnamed people it cites. */
  voice: assertionVoice('voice').notNull().default('source'),
  assertedById: text('asserted_by_id').references(() => actors.id, { onDelete: 'restrict' }),
  wording: text('wording'),
  excerpt: text('excerpt'),
  challengeKind: challengeKind('challenge_kind'),
  challengedById: text('challenged_by_id').references(() => actors.id, { onDelete: 'restrict' }),
  challengeSourceId: text('challenge_source_id').references(() => sources.id, { onDelete: 'restrict' }),
  challengeStatementId: text('challenge_statement_id').references(() => statements.id, { onDelete: 'set null' }),
  challengeExcerpt: text('challenge_excerpt'),
  notes: text('notes'),
  ...timestamps
}, (t) => [
  unique('responsibilities_incident_actor_kind_source_unique').on(t.incidentId, t.actorId, t.kind, t.sourceId),
  index('responsibilities_actor_kind_idx').on(t.actorId, t.kind, t.incidentId),
  index('responsibilities_incident_idx').on(t.incidentId),
  check('responsibilities_voice_actor', sql`(${t.voice} = 'actor') = (${t.assertedById} is not null)`),
  check('responsibilities_challenge_complete', sql`(${t.challengeKind} is null) = (${t.challengedById} is null) and (${t.challengeKind} is null) = (${t.challengeSourceId} is null)`)
])

/** A report that no claim of an incident was known, as of a date: a later claim does not erase it. */
export const noClaimReports = pgTable('no_claim_reports', {
  incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  excerpt: text('excerpt'),
  notes: text('notes')
}, (t) => [
  primaryKey({ columns: [t.incidentId, t.sourceId] })
])

/** An actor taking part in an incident: perpetrator, target or responder, and what became of it. */
export const incidentParticipants = pgTable('incident_participants', {
  id: text('id').primaryKey(),
  incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  role: participantRole('role').notNull(),
  actorId: text('actor_id').references(() => actors.id, { onDelete: 'restrict' }),
  description: text('description'),
  count: integer('count'),
  outcome: participantOutcome('outcome'),
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
  excerpt: text('excerpt'),
  notes: text('notes')
}, (t) => [
  unique('incident_participants_position_unique').on(t.incidentId, t.position),
  index('incident_participants_actor_idx').on(t.actorId, t.role),
  check('incident_participants_identified', sql`${t.actorId} is not null or ${t.description} is not null`),
  check('incident_participants_count_non_negative', sql`${t.count} >= 0`)
])

/** What followed an incident: an arrest, devices defused, an investigation. */
export const incidentFollowUps = pgTable('incident_follow_ups', {
  id: text('id').primaryKey(),
  incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  kind: followUpKind('kind').notNull(),
  actorId: text('actor_id').references(() => actors.id, { onDelete: 'restrict' }),
  description: text('description').notNull(),
  count: integer('count'),
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
  statementId: text('statement_id').references(() => statements.id, { onDelete: 'set null' }),
  excerpt: text('excerpt')
}, (t) => [
  unique('incident_follow_ups_position_unique').on(t.incidentId, t.position),
  check('incident_follow_ups_count_non_negative', sql`${t.count} >= 0`)
])

/** A directed link between two incidents (a series, a response, the same perpetrators). */
export const incidentRelations = pgTable('incident_relations', {
  incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
  relatedIncidentId: text('related_incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
  kind: incidentRelationKind('kind').notNull(),
  sourceId: text('source_id').references(() => sources.id, { onDelete: 'restrict' }),
  notes: text('notes')
}, (t) => [
  primaryKey({ columns: [t.incidentId, t.relatedIncidentId, t.kind] }),
  index('incident_relations_related_idx').on(t.relatedIncidentId),
  check('incident_relations_not_self', sql`${t.incidentId} <> ${t.relatedIncidentId}`)
])

/** A report's own count over a period ("96 killed in two months"), linked to the incidents it sums. */
export const tallies = pgTable('tallies', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  periodPrecision: datePrecision('period_precision').notNull(),
  perpetratorId: text('perpetrator_id').references(() => actors.id, { onDelete: 'restrict' }),
  ...casualtyFigures(),
  excerpt: text('excerpt'),
  notes: text('notes'),
  ...versioned,
  ...timestamps
}, (t) => [
  index('tallies_period_idx').on(t.periodEnd, t.id),
  check('tallies_period_ordered', sql`${t.periodStart} <= ${t.periodEnd}`),
  ...figureChecks('tallies', t.killedLow, t.killedBest, t.killedHigh, 'killed'),
  ...figureChecks('tallies', t.woundedLow, t.woundedBest, t.woundedHigh, 'wounded')
])

export const tallyBreakdowns = pgTable('tally_breakdowns', {
  tallyId: text('tally_id').notNull().references(() => tallies.id, { onDelete: 'cascade' }),
  outcome: casualtyOutcome('outcome').notNull(),
  victimGroup: victimGroup('victim_group').notNull(),
  best: integer('best'),
  low: integer('low'),
  high: integer('high')
}, (t) => [
  primaryKey({ columns: [t.tallyId, t.outcome, t.victimGroup] }),
  check('tally_breakdowns_some_figure', sql`${t.best} is not null or ${t.low} is not null`),
  ...figureChecks('tally_breakdowns', t.low, t.best, t.high, 'count')
])

export const tallyIncidents = pgTable('tally_incidents', {
  tallyId: text('tally_id').notNull().references(() => tallies.id, { onDelete: 'cascade' }),
  incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' })
}, (t) => [
  primaryKey({ columns: [t.tallyId, t.incidentId] }),
  index('tally_incidents_incident_idx').on(t.incidentId)
])

/** A source's estimate of an actor's strength, as of a date. */
export const actorEstimates = pgTable('actor_estimates', {
  id: text('id').primaryKey(),
  actorId: text('actor_id').notNull().references(() => actors.id, { onDelete: 'cascade' }),
  measure: estimateMeasure('measure').notNull(),
  best: integer('best'),
  low: integer('low'),
  high: integer('high'),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  datePrecision: datePrecision('date_precision').notNull(),
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' }),
  statementId: text('statement_id').references(() => statements.id, { onDelete: 'set null' }),
  excerpt: text('excerpt'),
  notes: text('notes')
}, (t) => [
  index('actor_estimates_actor_idx').on(t.actorId, t.asOf),
  check('actor_estimates_some_figure', sql`${t.best} is not null or ${t.low} is not null or ${t.high} is not null`),
  ...figureChecks('actor_estimates', t.low, t.best, t.high, 'figure')
])

/** Every change to a written record, as the record was after it (null after a delete), with who made it. */
export const revisions = pgTable('revisions', {
  resource: text('resource').notNull(),
  recordId: text('record_id').notNull(),
  version: integer('version').notNull(),
  operation: text('operation').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  keyId: text('key_id'),
  record: jsonb('record'),
  changes: jsonb('changes').notNull()
}, (t) => [
  primaryKey({ columns: [t.resource, t.recordId, t.version] }),
  check('revisions_operation', sql`${t.operation} in ('create', 'update', 'delete')`),
  check('revisions_version_positive', sql`${t.version} >= 1`)
])

/**
 * The change feed: one row per create, update and delete, numbered in commit order. The number is taken under a
 * transaction-scoped lock held until commit, so no row can become visible after a higher number already is.
 */
export const changes = pgTable('changes', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  resource: text('resource').notNull(),
  recordId: text('record_id').notNull(),
  version: integer('version').notNull(),
  operation: text('operation').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  keyId: text('key_id')
}, (t) => [
  index('changes_record_idx').on(t.resource, t.recordId),
  check('changes_operation', sql`${t.operation} in ('create', 'update', 'delete')`)
])

/** API keys, stored as SHA-256 hashes; scopes say what a key may do (`write`, `admin`). */
export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  hash: text('hash').notNull().unique(),
  scopes: text('scopes').array().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' })
}, (t) => [
  check('api_keys_scopes', sql`${t.scopes} <@ array['write', 'admin']::text[] and cardinality(${t.scopes}) > 0`)
])

/** The first response to a POST with an Idempotency-Key, replayed to retries with the same key and body. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  keyId: text('key_id').notNull().references(() => apiKeys.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  requestHash: text('request_hash').notNull(),
  status: integer('status').notNull(),
  headers: jsonb('headers').notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
}, (t) => [
  primaryKey({ columns: [t.keyId, t.key] })
])
