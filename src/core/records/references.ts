/** Checks that every reference in records being written names something that exists (in the database or the same batch). */
import { inArray } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { incidents, sources, statements } from '../../db/schema.ts'
import type { ActorIndex } from '../../domain/actor-index.ts'
import { provinces } from '../../domain/provinces.ts'
import type { ActorRecord } from '../../schemas/input/actor.ts'
import type { IncidentRecord } from '../../schemas/input/incident.ts'
import type { SourceRecord } from '../../schemas/input/source.ts'
import type { StatementRecord } from '../../schemas/input/statement.ts'
import type { TallyRecord } from '../../schemas/input/tally.ts'
import type { RecordIssue } from './errors.ts'
import type { AnyRecord, WritableKind } from './to-record.ts'

type Target = 'sources' | 'incidents' | 'statements' | 'actors'
interface Reference { path: string, target: Target, key: string }

function referencesOf (kind: WritableKind, record: AnyRecord): Reference[] {
  const refs: Reference[] = []
  const add = (path: string, target: Target, key: string | null | undefined) => { if (key != null) refs.push({ path, target, key }) }
  if (kind === 'sources') {
    const s = record as SourceRecord
    ;(s.cites ?? []).forEach((c, i) => add(`/cites/${i}/source`, 'sources', c.source))
  } else if (kind === 'actors') {
    const a = record as ActorRecord
    add('/parent', 'actors', a.parent)
    ;(a.estimates ?? []).forEach((e, i) => {
      add(`/estimates/${i}/source`, 'sources', e.source)
      add(`/estimates/${i}/statement`, 'statements', e.statement)
    })
  } else if (kind === 'tallies') {
    const t = record as TallyRecord
    add('/source', 'sources', t.source)
    add('/perpetrator', 'actors', t.perpetrator)
    ;(t.incident_ids ?? []).forEach((id, i) => add(`/incident_ids/${i}`, 'incidents', id))
  } else if (kind === 'statements') {
    const s = record as StatementRecord
    add('/speaker', 'actors', s.speaker)
    add('/on_behalf_of', 'actors', s.on_behalf_of)
    ;(s.incident_ids ?? []).forEach((id, i) => add(`/incident_ids/${i}`, 'incidents', id))
    s.source_ids.forEach((id, i) => add(`/source_ids/${i}`, 'sources', id))
  } else {
    const inc = record as IncidentRecord
    inc.reports.forEach((r, i) => add(`/reports/${i}/source`, 'sources', r.source))
    ;(inc.responsibility ?? []).forEach((r, i) => {
      add(`/responsibility/${i}/actor`, 'actors', r.actor)
      add(`/responsibility/${i}/asserted_by`, 'actors', r.asserted_by)
      add(`/responsibility/${i}/source`, 'sources', r.source)
      add(`/responsibility/${i}/statement`, 'statements', r.statement)
      if (r.challenge) {
        add(`/responsibility/${i}/challenge/by`, 'actors', r.challenge.by)
        add(`/responsibility/${i}/challenge/source`, 'sources', r.challenge.source)
        add(`/responsibility/${i}/challenge/statement`, 'statements', r.challenge.statement)
      }
    })
    ;(inc.no_claim ?? []).forEach((n, i) => add(`/no_claim/${i}/source`, 'sources', n.source))
    ;(inc.participants ?? []).forEach((p, i) => {
      add(`/participants/${i}/actor`, 'actors', p.actor)
      add(`/participants/${i}/source`, 'sources', p.source)
    })
    ;(inc.follow_ups ?? []).forEach((f, i) => {
      add(`/follow_ups/${i}/actor`, 'actors', f.actor)
      add(`/follow_ups/${i}/source`, 'sources', f.source)
      add(`/follow_ups/${i}/statement`, 'statements', f.statement)
    })
    ;(inc.related ?? []).forEach((r, i) => {
      add(`/related/${i}/incident`, 'incidents', r.incident)
      add(`/related/${i}/source`, 'sources', r.source)
    })
  }
  return refs
}

const tables = { sources, incidents, statements } as const

/** A date outside its own window, named by its field (the database would refuse it too, naming only its rule). */
function windowIssues (at: string, date: string | null | undefined, start: string | null | undefined, end: string | null | undefined, name: string): RecordIssue[] {
  const issues: RecordIssue[] = []
  if (start && end && start > end) issues.push({ path: `${at}/date_start`, message: `(${start}) is after date_end (${end})` })
  if (date && start && date < start) issues.push({ path: `${at}/${name}`, message: `(${date}) is before date_start (${start})` })
  if (date && end && date > end) issues.push({ path: `${at}/${name}`, message: `(${date}) is after date_end (${end})` })
  return issues
}

/**
 * The problems of each record (by position in `records`): references to nothing, ambiguous actor aliases, unknown
 * provinces, a record related to itself. `batchIds` are ids written in the same batch, which count as existing.
 */
export async function checkReferences (
  db: Database, kind: WritableKind, records: AnyRecord[], index: ActorIndex, batchIds: Partial<Record<Target, Set<string>>> = {}
): Promise<RecordIssue[][]> {
  const all = records.map((r) => referencesOf(kind, r))
  const wanted: Record<'sources' | 'incidents' | 'statements', Set<string>> = { sources: new Set(), incidents: new Set(), statements: new Set() }
  for (const refs of all) for (const ref of refs) if (ref.target !== 'actors') wanted[ref.target].add(ref.key)
  const found: Record<string, Set<string>> = {}
  for (const target of ['sources', 'incidents', 'statements'] as const) {
    const ids = [...wanted[target]].filter((id) => !batchIds[target]?.has(id))
    const table = tables[target]
    const rows = ids.length === 0 ? [] : await db.select({ id: table.id }).from(table).where(inArray(table.id, ids))
    found[target] = new Set([...rows.map((r) => r.id), ...(batchIds[target] ?? [])])
  }
  const codes = new Set(provinces.map((p) => p.code))
  return records.map((record, n) => {
    const issues: RecordIssue[] = []
    for (const ref of all[n]!) {
      if (ref.target === 'actors') {
        if (index.resolve(ref.key) !== undefined) continue
        const owners = index.ambiguous.get(ref.key.trim().toLowerCase())
        issues.push({ path: ref.path, message: owners ? `"${ref.key}" is an alias of several actors (${owners.join(', ')}); use an id or slug` : `names no actor ("${ref.key}")` })
      } else if (!found[ref.target]!.has(ref.key)) {
        issues.push({ path: ref.path, message: `names no ${ref.target.replace(/s$/, '')} ("${ref.key}")` })
      }
    }
    if (kind === 'incidents') {
      const inc = record as IncidentRecord
      issues.push(...windowIssues('', inc.occurred_on, inc.date_start, inc.date_end, 'occurred_on'))
      inc.reports.forEach((r, i) => issues.push(...windowIssues(`/reports/${i}`, r.occurred_on, r.date_start, r.date_end, 'occurred_on')))
      if (inc.province != null && !codes.has(inc.province)) issues.push({ path: '/province', message: `"${inc.province}" is not an ISO 3166-2:AF province code` })
      ;(inc.related ?? []).forEach((r, i) => { if (r.incident === inc.id) issues.push({ path: `/related/${i}/incident`, message: 'an incident cannot be related to itself' }) })
    }
    if (kind === 'statements') {
      const st = record as StatementRecord
      issues.push(...windowIssues('', st.said_on, st.date_start, st.date_end, 'said_on'))
    }
    if (kind === 'actors') {
      const a = record as ActorRecord
      if (a.parent != null && index.resolve(a.parent) === a.id) issues.push({ path: '/parent', message: 'an actor cannot be its own parent' })
    }
    if (kind === 'sources') {
      const s = record as SourceRecord
      ;(s.cites ?? []).forEach((c, i) => { if (c.source === s.id) issues.push({ path: `/cites/${i}/source`, message: 'a source cannot cite itself' }) })
    }
    return issues
  })
}
