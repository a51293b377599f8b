/**
 * Rows back into the record format: the canonical record, every field explicit (null when unknown), actors by slug.
 * The inverse of src/seed/to-rows.ts: recordsToDataset(toRecord(rows)) gives the same rows again. Revisions, merge
 * patches and change detection all compare canonical records.
 */
import type { ActorRecord } from '../../schemas/input/actor.ts'
import type { IncidentRecord } from '../../schemas/input/incident.ts'
import type { SourceRecord } from '../../schemas/input/source.ts'
import type { StatementRecord } from '../../schemas/input/statement.ts'
import type { TallyRecord } from '../../schemas/input/tally.ts'
import type { Dataset } from '../../seed/types.ts'

/** Kinds of record, in the order their own rows are written (each refers only to kinds before it, or to parts). */
export const writableKinds = ['sources', 'actors', 'statements', 'incidents', 'tallies'] as const
export type WritableKind = (typeof writableKinds)[number]
export type AnyRecord = SourceRecord | ActorRecord | IncidentRecord | StatementRecord | TallyRecord

type Figure = number | null
const figures = <P extends string>(row: Partial<Record<`${P}Best` | `${P}Low` | `${P}High`, Figure>>, prefix: P) =>
  ({ best: row[`${prefix}Best`] ?? null, low: row[`${prefix}Low`] ?? null, high: row[`${prefix}High`] ?? null })

/** Actor id -> slug, for writing references the way curators write them. */
export type SlugOf = (id: string) => string

const byPosition = <T extends { position: number }>(rows: T[]) => [...rows].sort((a, b) => a.position - b.position)
const sortBy = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))

/** The canonical record with this id from rows of `dataset` (which may hold other records too); undefined when absent. */
export function toRecord (kind: WritableKind, dataset: Dataset, id: string, slugOf: SlugOf): AnyRecord | undefined {
  switch (kind) {
    case 'sources': return sourceRecord(dataset, id)
    case 'actors': return actorRecord(dataset, id, slugOf)
    case 'incidents': return incidentRecord(dataset, id, slugOf)
    case 'statements': return statementRecord(dataset, id, slugOf)
    case 'tallies': return tallyRecord(dataset, id, slugOf)
  }
}

function tallyRecord (d: Dataset, id: string, slugOf: SlugOf): TallyRecord | undefined {
  const t = d.tallies.find((r) => r.id === id)
  if (!t) return undefined
  return {
    id: t.id,
    title: t.title,
    source: t.sourceId,
    period_start: t.periodStart,
    period_end: t.periodEnd,
    period_precision: t.periodPrecision,
    perpetrator: t.perpetratorId ? slugOf(t.perpetratorId) : null,
    killed: figures(t, 'killed'),
    wounded: figures(t, 'wounded'),
    breakdown: sortBy(d.tallyBreakdowns.filter((b) => b.tallyId === id), (b) => `${b.outcome}/${b.victimGroup}`)
      .map((b) => ({ outcome: b.outcome, group: b.victimGroup, best: b.best ?? null, low: b.low ?? null, high: b.high ?? null })),
    incident_ids: d.tallyIncidents.filter((l) => l.tallyId === id).map((l) => l.incidentId).sort(),
    excerpt: t.excerpt ?? null,
    notes: t.notes ?? null
  }
}

function sourceRecord (d: Dataset, id: string): SourceRecord | undefined {
  const s = d.sources.find((r) => r.id === id)
  if (!s) return undefined
  return {
    id: s.id,
    title: s.title ?? null,
    publisher: s.publisher ?? null,
    author: s.author ?? null,
    published_on: s.publishedOn ?? null,
    date_precision: s.publishedOnPrecision ?? null,
    url: s.url ?? null,
    language: s.language ?? null,
    kind: s.kind,
    notes: s.notes ?? null,
    cites: sortBy(d.sourceCitations.filter((c) => c.sourceId === id), (c) => c.citedSourceId)
      .map((c) => ({ source: c.citedSourceId, context: c.context ?? null }))
  }
}

function actorRecord (d: Dataset, id: string, slugOf: SlugOf): ActorRecord | undefined {
  const a = d.actors.find((r) => r.id === id)
  if (!a) return undefined
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    aliases: a.aliases ?? [],
    kind: a.kind,
    parent: a.parentId ? slugOf(a.parentId) : null,
    description: a.description ?? null,
    estimates: sortBy(d.actorEstimates.filter((e) => e.actorId === id), (e) => e.id.padStart(240, ' ')).map((e) => ({
      measure: e.measure,
      best: e.best ?? null,
      low: e.low ?? null,
      high: e.high ?? null,
      as_of: e.asOf,
      date_precision: e.datePrecision,
      source: e.sourceId,
      statement: e.statementId ?? null,
      excerpt: e.excerpt ?? null,
      notes: e.notes ?? null
    }))
  }
}

function incidentRecord (d: Dataset, id: string, slugOf: SlugOf): IncidentRecord | undefined {
  const i = d.incidents.find((r) => r.id === id)
  if (!i) return undefined
  const actor = (actorId: string | null | undefined) => (actorId ? slugOf(actorId) : null)
  return {
    id: i.id,
    title: i.title,
    occurred_on: i.occurredOn,
    date_precision: i.datePrecision,
    date_start: i.dateStart,
    date_end: i.dateEnd,
    province: i.provinceCode ?? null,
    district: i.district ?? null,
    place: i.place ?? null,
    latitude: i.latitude ?? null,
    longitude: i.longitude ?? null,
    location_precision: i.locationPrecision ?? null,
    type: i.type,
    targets: i.targets ?? [],
    summary: i.summary ?? null,
    killed: figures(i, 'killed'),
    wounded: figures(i, 'wounded'),
    perpetrators_killed: figures(i, 'perpetratorsKilled'),
    perpetrators_wounded: figures(i, 'perpetratorsWounded'),
    reports: sortBy(d.incidentReports.filter((r) => r.incidentId === id), (r) => r.sourceId).map((r) => ({
      source: r.sourceId,
      occurred_on: r.occurredOn ?? null,
      date_precision: r.datePrecision ?? null,
      date_start: r.dateStart ?? null,
      date_end: r.dateEnd ?? null,
      killed: figures(r, 'killed'),
      wounded: figures(r, 'wounded'),
      perpetrators_killed: figures(r, 'perpetratorsKilled'),
      perpetrators_wounded: figures(r, 'perpetratorsWounded'),
      breakdown: sortBy(d.casualtyBreakdowns.filter((b) => b.incidentId === id && b.sourceId === r.sourceId), (b) => `${b.outcome}/${b.victimGroup}`)
        .map((b) => ({ outcome: b.outcome, group: b.victimGroup, best: b.best ?? null, low: b.low ?? null, high: b.high ?? null })),
      excerpt: r.excerpt ?? null,
      notes: r.notes ?? null
    })),
    responsibility: sortBy(d.responsibilities.filter((r) => r.incidentId === id), (r) => `${slugOf(r.actorId)}/${r.kind}/${r.sourceId}`).map((r) => ({
      kind: r.kind,
      actor: slugOf(r.actorId),
      source: r.sourceId,
      statement: r.statementId ?? null,
      asserted_by: actor(r.assertedById),
      voice: r.voice ?? 'source',
      wording: r.wording ?? null,
      excerpt: r.excerpt ?? null,
      challenge: r.challengeKind && r.challengedById && r.challengeSourceId
        ? { kind: r.challengeKind, by: slugOf(r.challengedById), source: r.challengeSourceId, statement: r.challengeStatementId ?? null, excerpt: r.challengeExcerpt ?? null }
        : null,
      notes: r.notes ?? null
    })),
    no_claim: sortBy(d.noClaimReports.filter((n) => n.incidentId === id), (n) => n.sourceId)
      .map((n) => ({ source: n.sourceId, as_of: n.asOf, excerpt: n.excerpt ?? null, notes: n.notes ?? null })),
    participants: byPosition(d.incidentParticipants.filter((p) => p.incidentId === id)).map((p) => ({
      role: p.role,
      actor: actor(p.actorId),
      description: p.description ?? null,
      count: p.count ?? null,
      outcome: p.outcome ?? null,
      source: p.sourceId,
      excerpt: p.excerpt ?? null,
      notes: p.notes ?? null
    })),
    follow_ups: byPosition(d.incidentFollowUps.filter((f) => f.incidentId === id)).map((f) => ({
      kind: f.kind,
      actor: actor(f.actorId),
      description: f.description,
      count: f.count ?? null,
      source: f.sourceId,
      statement: f.statementId ?? null,
      excerpt: f.excerpt ?? null
    })),
    related: sortBy(d.incidentRelations.filter((r) => r.incidentId === id), (r) => `${r.relatedIncidentId}/${r.kind}`)
      .map((r) => ({ incident: r.relatedIncidentId, kind: r.kind, source: r.sourceId ?? null, notes: r.notes ?? null }))
  }
}

function statementRecord (d: Dataset, id: string, slugOf: SlugOf): StatementRecord | undefined {
  const s = d.statements.find((r) => r.id === id)
  if (!s) return undefined
  return {
    id: s.id,
    speaker: slugOf(s.speakerId),
    on_behalf_of: s.onBehalfOfId ? slugOf(s.onBehalfOfId) : null,
    said_on: s.saidOn,
    date_precision: s.datePrecision,
    date_start: s.dateStart,
    date_end: s.dateEnd,
    kind: s.kind,
    text: s.text,
    text_kind: s.textKind,
    notes: s.notes ?? null,
    incident_ids: d.statementIncidents.filter((l) => l.statementId === id).map((l) => l.incidentId).sort(),
    source_ids: d.statementSources.filter((l) => l.statementId === id).map((l) => l.sourceId).sort()
  }
}
