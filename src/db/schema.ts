/** Drizzle tables: the data model of sources, actors, provinces, incidents, responsibility and statements. */
import { sql } from 'drizzle-orm'
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
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
  casualtyOutcomes,
  datePrecisions,
  incidentTypes,
  locationPrecisions,
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

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
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

/** One attack or armed clash. Casualty figures are reconciled from the per-source reports. */
export const incidents = pgTable('incidents', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  datePrecision: datePrecision('date_precision').notNull(),
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
  ...timestamps
}, (t) => [
  index('incidents_occurred_on_idx').on(t.occurredOn, t.id),
  index('incidents_province_occurred_on_idx').on(t.provinceCode, t.occurredOn, t.id),
  index('incidents_type_idx').on(t.type),
  check('incidents_latitude_range', sql`${t.latitude} between -90 and 90`),
  check('incidents_longitude_range', sql`${t.longitude} between -180 and 180`),
  check('incidents_coordinates_together', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
  check('incidents_location_precision_with_coordinates', sql`(${t.latitude} is null) = (${t.locationPrecision} is null)`),
  ...figureChecks('incidents', t.killedLow, t.killedBest, t.killedHigh, 'killed'),
  ...figureChecks('incidents', t.woundedLow, t.woundedBest, t.woundedHigh, 'wounded')
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
  ...casualtyFigures(),
  excerpt: text('excerpt'),
  notes: text('notes'),
  ...timestamps
}, (t) => [
  unique('incident_reports_incident_source_unique').on(t.incidentId, t.sourceId),
  index('incident_reports_source_idx').on(t.sourceId),
  check('incident_reports_date_precision_with_date', sql`(${t.occurredOn} is null) = (${t.datePrecision} is null)`),
  ...figureChecks('incident_reports', t.killedLow, t.killedBest, t.killedHigh, 'killed'),
  ...figureChecks('incident_reports', t.woundedLow, t.woundedBest, t.woundedHigh, 'wounded')
])

/** A breakdown of an incident's casualties by group (civilians, children, Taliban forces), as one source gives it. */
export const casualtyBreakdowns = pgTable('casualty_breakdowns', {
  incidentId: text('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
  outcome: casualtyOutcome('outcome').notNull(),
  victimGroup: victimGroup('victim_group').notNull(),
  count: integer('count').notNull(),
  sourceId: text('source_id').notNull().references(() => sources.id, { onDelete: 'restrict' })
}, (t) => [
  primaryKey({ columns: [t.incidentId, t.outcome, t.victimGroup, t.sourceId] }),
  check('casualty_breakdowns_count_non_negative', sql`${t.count} >= 0`)
])

/** What an actor said, reported by one or more sources. */
export const statements = pgTable('statements', {
  id: text('id').primaryKey(),
  speakerId: text('speaker_id').notNull().references(() => actors.id, { onDelete: 'restrict' }),
  onBehalfOfId: text('on_behalf_of_id').references(() => actors.id, { onDelete: 'restrict' }),
  saidOn: date('said_on', { mode: 'string' }).notNull(),
  datePrecision: datePrecision('date_precision').notNull(),
  kind: statementKind('kind').notNull(),
  text: text('text').notNull(),
  textKind: statementTextKind('text_kind').notNull(),
  notes: text('notes'),
  ...timestamps
}, (t) => [
  index('statements_said_on_idx').on(t.saidOn, t.id),
  index('statements_speaker_idx').on(t.speakerId),
  index('statements_on_behalf_of_idx').on(t.onBehalfOfId),
  check('statements_text_not_blank', sql`length(trim(${t.text})) > 0`)
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
  notes: text('notes'),
  ...timestamps
}, (t) => [
  unique('responsibilities_incident_actor_kind_source_unique').on(t.incidentId, t.actorId, t.kind, t.sourceId),
  index('responsibilities_actor_kind_idx').on(t.actorId, t.kind, t.incidentId),
  index('responsibilities_incident_idx').on(t.incidentId)
])
