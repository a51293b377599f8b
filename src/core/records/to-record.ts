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

/** Which column of each table names the record a row belongs to (its own id for a record's main row). */
const ownerOf: { [K in keyof Dataset]: keyof Dataset[K][number] } = {
  sources: 'id',
  sourceCitations: 'sourceId',
  actors: 'id',
  actorEstimates: 'actorId',
  incidents: 'id',
  incidentReports: 'incidentId',
  casualtyBreakdowns: 'incidentId',
  noClaimReports: 'incidentId',
  incidentParticipants: 'incidentId',
  incidentFollowUps: 'incidentId',
  incidentRelations: 'incidentId',
  statements: 'id',
  statementIncidents: 'statementId',
  statementSources: 'statementId',
  responsibilities: 'incidentId',
  tallies: 'id',
  tallyBreakdowns: 'tallyId',
  tallyIncidents: 'tallyId'
}

/**
 * The rows of a dataset grouped by the record they belong to, each table grouped once, when first asked. Reading
 * many records from one dataset through it costs a pass over each table, not one per record.
 */
export class RowIndex {
  private readonly groups = new Map<keyof Dataset, Map<string, object[]>>()

  constructor (readonly dataset: Dataset) {}

  /** The rows of `key` that belong to record `id`, in dataset order. */
  of<K extends keyof Dataset> (key: K, id: string): Dataset[K] {
    let group = this.groups.get(key)
    if (!group) {
      group = new Map()
      const owner = ownerOf[key] as string
      for (const row of this.dataset[key] as Array<Record<string, unknown>>) {
        const list = group.get(row[owner] as string)
        if (list) list.push(row)
        else group.set(row[owner] as string, [row])
      }
      this.groups.set(key, group)
    }
    return (group.get(id) ?? []) as Dataset[K]
  }

  /** The first main row of `key` with this id. */
  one<K extends 'sources' | 'actors' | 'incidents' | 'statements' | 'tallies'> (key: K, id: string): Dataset[K][number] | undefined {
    return this.of(key, id)[0]
  }
}

/**
 * The canonical record with this id from rows of `dataset` (which may hold other records too); undefined when
 * absent. Pass a RowIndex when reading many records from the same rows.
 */
export function toRecord (kind: WritableKind, rows: Dataset | RowIndex, id: string, slugOf: SlugOf): AnyRecord | undefined {
  const dataset = rows instanceof RowIndex ? rows : new RowIndex(rows)
  switch (kind) {
    case 'sources': return sourceRecord(dataset, id)
    case 'actors': return actorRecord(dataset, id, slugOf)
    case 'incidents': return incidentRecord(dataset, id, slugOf)
    case 'statements': return statementRecord(dataset, id, slugOf)
    case 'tallies': return tallyRecord(dataset, id, slugOf)
  }
}

function tallyRecord (d: RowIndex, id: string, slugOf: SlugOf): TallyRecord | undefined {
  const t = d.one('tallies', id)
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
    breakdown: sortBy(d.of('tallyBreakdowns', id), (b) => `${b.outcome}/${b.victimGroup}`)
      .map((b) => ({ outcome: b.outcome, group: b.victimGroup, best: b.best ?? null, low: b.low ?? null, high: b.high ?? null })),
    incident_ids: d.of('tallyIncidents', id).map((l) => l.incidentId).sort(),
    excerpt: t.excerpt ?? null,
    notes: t.notes ?? null
  }
}

function sourceRecord (d: RowIndex, id: string): SourceRecord | undefined {
  const s = d.one('sources', id)
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
    cites: sortBy(d.of('sourceCitations', id), (c) => c.citedSourceId)
      .map((c) => ({ source: c.citedSourceId, context: c.context ?? null }))
  }
}

function actorRecord (d: RowIndex, id: string, slugOf: SlugOf): ActorRecord | undefined {
  const a = d.one('actors', id)
  if (!a) return undefined
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    aliases: a.aliases ?? [],
    kind: a.kind,
    parent: a.parentId ? slugOf(a.parentId) : null,
    description: a.description ?? null,
    estimates: sortBy(d.of('actorEstimates', id), (e) => e.id.padStart(240, ' ')).map((e) => ({
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

function incidentRecord (d: RowIndex, id: string, slugOf: SlugOf): IncidentRecord | undefined {
  const i = d.one('incidents', id)
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
    reports: sortBy(d.of('incidentReports', id), (r) => r.sourceId).map((r) => ({
      source: r.sourceId,
      occurred_on: r.occurredOn ?? null,
      date_precision: r.datePrecision ?? null,
      date_start: r.dateStart ?? null,
      date_end: r.dateEnd ?? null,
      killed: figures(r, 'killed'),
      wounded: figures(r, 'wounded'),
      perpetrators_killed: figures(r, 'perpetratorsKilled'),
      perpetrators_wounded: figures(r, 'perpetratorsWounded'),
      breakdown: sortBy(d.of('casualtyBreakdowns', id).filter((b) => b.sourceId === r.sourceId), (b) => `${b.outcome}/${b.victimGroup}`)
        .map((b) => ({ outcome: b.outcome, group: b.victimGroup, best: b.best ?? null, low: b.low ?? null, high: b.high ?? null })),
      excerpt: r.excerpt ?? null,
      notes: r.notes ?? null
    })),
    responsibility: sortBy(d.of('responsibilities', id), (r) => `${slugOf(r.actorId)}/${r.kind}/${r.sourceId}`).map((r) => ({
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
    no_claim: sortBy(d.of('noClaimReports', id), (n) => n.sourceId)
      .map((n) => ({ source: n.sourceId, as_of: n.asOf, excerpt: n.excerpt ?? null, notes: n.notes ?? null })),
    participants: byPosition(d.of('incidentParticipants', id)).map((p) => ({
      role: p.role,
      actor: actor(p.actorId),
      description: p.description ?? null,
      count: p.count ?? null,
      outcome: p.outcome ?? null,
      source: p.sourceId,
      excerpt: p.excerpt ?? null,
      notes: p.notes ?? null
    })),
    follow_ups: byPosition(d.of('incidentFollowUps', id)).map((f) => ({
      kind: f.kind,
      actor: actor(f.actorId),
      description: f.description,
      count: f.count ?? null,
      source: f.sourceId,
      statement: f.statementId ?? null,
      excerpt: f.excerpt ?? null
    })),
    related: sortBy(d.of('incidentRelations', id), (r) => `${r.relatedIncidentId}/${r.kind}`)
      .map((r) => ({ incident: r.relatedIncidentId, kind: r.kind, source: r.sourceId ?? null, notes: r.notes ?? null }))
  }
}

function statementRecord (d: RowIndex, id: string, slugOf: SlugOf): StatementRecord | undefined {
  const s = d.one('statements', id)
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
    incident_ids: d.of('statementIncidents', id).map((l) => l.incidentId).sort(),
    source_ids: d.of('statementSources', id).map((l) => l.sourceId).sort()
  }
}
