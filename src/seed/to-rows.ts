/** Turns checked records (the data-file format) into table rows: references resolved, windows and derived ids filled in. */
import { ActorIndex } from '../domain/actor-index.ts'
import { defaultWindow } from '../domain/date-window.ts'
import type { DatePrecision } from '../domain/vocabulary.ts'
import type { Static } from '@sinclair/typebox'
import type { FiguresInput } from '../schemas/input/common.ts'
import type { Records } from './records.ts'
import type { Dataset } from './types.ts'

type Figures = Static<typeof FiguresInput> | undefined

const figures = (prefix: string, f: Figures) => ({
  [`${prefix}Best`]: f?.best ?? null,
  [`${prefix}Low`]: f?.low ?? null,
  [`${prefix}High`]: f?.high ?? null
})

const casualties = (r: { killed?: Figures, wounded?: Figures }) =>
  ({ ...figures('killed', r.killed), ...figures('wounded', r.wounded) }) as {
    killedBest: number | null, killedLow: number | null, killedHigh: number | null,
    woundedBest: number | null, woundedLow: number | null, woundedHigh: number | null
  }

const perpetrators = (r: { perpetrators_killed?: Figures, perpetrators_wounded?: Figures }) =>
  ({ ...figures('perpetratorsKilled', r.perpetrators_killed), ...figures('perpetratorsWounded', r.perpetrators_wounded) }) as {
    perpetratorsKilledBest: number | null, perpetratorsKilledLow: number | null, perpetratorsKilledHigh: number | null,
    perpetratorsWoundedBest: number | null, perpetratorsWoundedLow: number | null, perpetratorsWoundedHigh: number | null
  }

function window (date: string, precision: DatePrecision, start?: string | null, end?: string | null) {
  const fallback = defaultWindow(date, precision)
  return { dateStart: start ?? fallback.start, dateEnd: end ?? fallback.end }
}

/** An empty dataset: no rows in any table. */
export function emptyDataset (): Dataset {
  return {
    sources: [],
    sourceCitations: [],
    actors: [],
    actorEstimates: [],
    incidents: [],
    incidentReports: [],
    casualtyBreakdowns: [],
    noClaimReports: [],
    incidentParticipants: [],
    incidentFollowUps: [],
    incidentRelations: [],
    statements: [],
    statementIncidents: [],
    statementSources: [],
    responsibilities: [],
    tallies: [],
    tallyBreakdowns: [],
    tallyIncidents: []
  }
}

/**
 * Rows for every table; throws on a reference that does not resolve (data:check reports those first). Actor keys
 * resolve against `index`, by default the actors among the records themselves.
 */
export function recordsToDataset (records: Records, index = new ActorIndex(records.actors.map((a) => ({ id: a.id, slug: a.slug, aliases: a.aliases })))): Dataset {
  const actor = (key: string): string => {
    const id = index.resolve(key)
    if (id === undefined) throw new Error(`no actor "${key}"`)
    return id
  }
  const optionalActor = (key: string | null | undefined) => (key == null ? null : actor(key))
  const dataset = emptyDataset()

  for (const s of records.sources) {
    dataset.sources.push({
      id: s.id,
      title: s.title ?? null,
      publisher: s.publisher ?? null,
      author: s.author ?? null,
      publishedOn: s.published_on ?? null,
      publishedOnPrecision: s.published_on ? (s.date_precision ?? 'day') : null,
      url: s.url ?? null,
      language: s.language ?? null,
      kind: s.kind,
      notes: s.notes ?? null
    })
    for (const c of s.cites ?? []) dataset.sourceCitations.push({ sourceId: s.id, citedSourceId: c.source, context: c.context ?? null })
  }

  for (const a of records.actors) {
    dataset.actors.push({
      id: a.id,
      slug: a.slug,
      name: a.name,
      aliases: a.aliases ?? [],
      kind: a.kind,
      parentId: optionalActor(a.parent),
      description: a.description ?? null
    })
    ;(a.estimates ?? []).forEach((e, i) => dataset.actorEstimates.push({
      id: `${a.id}__estimate_${i + 1}`,
      actorId: a.id,
      measure: e.measure,
      best: e.best ?? null,
      low: e.low ?? null,
      high: e.high ?? null,
      asOf: e.as_of,
      datePrecision: e.date_precision,
      sourceId: e.source,
      statementId: e.statement ?? null,
      excerpt: e.excerpt ?? null,
      notes: e.notes ?? null
    }))
  }

  for (const i of records.incidents) {
    dataset.incidents.push({
      id: i.id,
      title: i.title,
      occurredOn: i.occurred_on,
      datePrecision: i.date_precision,
      ...window(i.occurred_on, i.date_precision, i.date_start, i.date_end),
      provinceCode: i.province ?? null,
      district: i.district ?? null,
      place: i.place ?? null,
      latitude: i.latitude ?? null,
      longitude: i.longitude ?? null,
      locationPrecision: i.location_precision ?? null,
      type: i.type,
      targets: i.targets ?? [],
      summary: i.summary ?? null,
      ...casualties(i),
      ...perpetrators(i)
    })
    for (const r of i.reports) {
      const dated = r.occurred_on != null
      dataset.incidentReports.push({
        id: `${i.id}__${r.source}`,
        incidentId: i.id,
        sourceId: r.source,
        occurredOn: r.occurred_on ?? null,
        datePrecision: dated ? (r.date_precision ?? 'day') : null,
        ...(dated
          ? window(r.occurred_on!, r.date_precision ?? 'day', r.date_start, r.date_end)
          : { dateStart: null, dateEnd: null }),
        ...casualties(r),
        ...perpetrators(r),
        excerpt: r.excerpt ?? null,
        notes: r.notes ?? null
      })
      for (const b of r.breakdown ?? []) {
        dataset.casualtyBreakdowns.push({
          incidentId: i.id, outcome: b.outcome, victimGroup: b.group, best: b.best ?? null, low: b.low ?? null, high: b.high ?? null, sourceId: r.source
        })
      }
    }
    for (const r of i.responsibility ?? []) {
      const actorId = actor(r.actor)
      const voice = r.voice ?? (r.asserted_by ? 'actor' : (r.kind === 'claimed' || r.kind === 'denied' ? 'actor' : 'source'))
      const assertedById = voice === 'actor' ? (r.asserted_by ? actor(r.asserted_by) : actorId) : null
      dataset.responsibilities.push({
        id: `${i.id}__${actorId}__${r.kind}__${r.source}`,
        incidentId: i.id,
        actorId,
        kind: r.kind,
        statementId: r.statement ?? null,
        sourceId: r.source,
        voice,
        assertedById,
        wording: r.wording ?? null,
        excerpt: r.excerpt ?? null,
        challengeKind: r.challenge?.kind ?? null,
        challengedById: r.challenge ? actor(r.challenge.by) : null,
        challengeSourceId: r.challenge?.source ?? null,
        challengeStatementId: r.challenge?.statement ?? null,
        challengeExcerpt: r.challenge?.excerpt ?? null,
        notes: r.notes ?? null
      })
    }
    for (const n of i.no_claim ?? []) {
      dataset.noClaimReports.push({ incidentId: i.id, sourceId: n.source, asOf: n.as_of, excerpt: n.excerpt ?? null, notes: n.notes ?? null })
    }
    ;(i.participants ?? []).forEach((p, position) => dataset.incidentParticipants.push({
      id: `${i.id}__participant_${position + 1}`,
      incidentId: i.id,
      position,
      role: p.role,
      actorId: optionalActor(p.actor),
      description: p.description ?? null,
      count: p.count ?? null,
      outcome: p.outcome ?? null,
      sourceId: p.source,
      excerpt: p.excerpt ?? null,
      notes: p.notes ?? null
    }))
    ;(i.follow_ups ?? []).forEach((f, position) => dataset.incidentFollowUps.push({
      id: `${i.id}__follow_up_${position + 1}`,
      incidentId: i.id,
      position,
      kind: f.kind,
      actorId: optionalActor(f.actor),
      description: f.description,
      count: f.count ?? null,
      sourceId: f.source,
      statementId: f.statement ?? null,
      excerpt: f.excerpt ?? null
    }))
    for (const rel of i.related ?? []) {
      dataset.incidentRelations.push({
        incidentId: i.id, relatedIncidentId: rel.incident, kind: rel.kind, sourceId: rel.source ?? null, notes: rel.notes ?? null
      })
    }
  }

  for (const s of records.statements) {
    dataset.statements.push({
      id: s.id,
      speakerId: actor(s.speaker),
      onBehalfOfId: optionalActor(s.on_behalf_of),
      saidOn: s.said_on,
      datePrecision: s.date_precision,
      ...window(s.said_on, s.date_precision, s.date_start, s.date_end),
      kind: s.kind,
      text: s.text,
      textKind: s.text_kind,
      notes: s.notes ?? null
    })
    for (const incidentId of s.incident_ids ?? []) dataset.statementIncidents.push({ statementId: s.id, incidentId })
    for (const sourceId of s.source_ids) dataset.statementSources.push({ statementId: s.id, sourceId })
  }

  for (const t of records.tallies) {
    dataset.tallies.push({
      id: t.id,
      title: t.title,
      sourceId: t.source,
      periodStart: t.period_start,
      periodEnd: t.period_end,
      periodPrecision: t.period_precision,
      perpetratorId: optionalActor(t.perpetrator),
      ...casualties(t),
      excerpt: t.excerpt ?? null,
      notes: t.notes ?? null
    })
    for (const b of t.breakdown ?? []) {
      dataset.tallyBreakdowns.push({ tallyId: t.id, outcome: b.outcome, victimGroup: b.group, best: b.best ?? null, low: b.low ?? null, high: b.high ?? null })
    }
    for (const incidentId of t.incident_ids ?? []) dataset.tallyIncidents.push({ tallyId: t.id, incidentId })
  }
  return dataset
}
