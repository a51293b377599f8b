/**
 * Checks record files: YAML syntax, the JSON Schema of each resource (generated from the TypeBox input schemas),
 * and what a schema cannot say: unique ids, file names, every reference, date windows and figure bounds.
 * Each problem names its file, the path inside the record, and the line.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { isNode, type Document, type LineCounter } from 'yaml'
import { ActorIndex, aliasKey } from '../domain/actor-index.ts'
import { provinces } from '../domain/provinces.ts'
import { recordSchemas, type RecordKind } from '../schemas/input/index.ts'
import type { ActorRecord } from '../schemas/input/actor.ts'
import type { IncidentRecord } from '../schemas/input/incident.ts'
import type { SourceRecord } from '../schemas/input/source.ts'
import type { StatementRecord } from '../schemas/input/statement.ts'
import type { TallyRecord } from '../schemas/input/tally.ts'
import type { RecordFile } from './records.ts'

export interface Problem {
  file: string
  /** JSON pointer inside the record (`/reports/0/source`); empty for the whole file. */
  path: string
  line: number | null
  message: string
}

export function formatProblem (p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''} ${p.path || '/'}: ${p.message}`
}

let validators: Map<RecordKind, ValidateFunction> | undefined

/** One Ajv validator per resource, compiled once. */
function validatorFor (kind: RecordKind): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false })
    addFormats.default(ajv)
    validators = new Map(Object.entries(recordSchemas).map(([k, schema]) => [k as RecordKind, ajv.compile(schema)]))
  }
  return validators.get(kind)!
}

function lineOf (document: Document, lineCounter: LineCounter, path: string): number | null {
  const keys = path.split('/').slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k.replaceAll('~1', '/').replaceAll('~0', '~')))
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? document.contents : document.getIn(keys.slice(0, n), true)
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line
  }
  return null
}

function schemaMessage (e: ErrorObject): { path: string, message: string } {
  if (e.keyword === 'additionalProperties') {
    return { path: `${e.instancePath}/${String(e.params.additionalProperty)}`, message: 'is not a field of this record' }
  }
  if (e.keyword === 'required') return { path: `${e.instancePath}/${String(e.params.missingProperty)}`, message: 'is required' }
  if (e.keyword === 'enum') return { path: e.instancePath, message: `must be one of: ${(e.params.allowedValues as string[]).join(', ')}` }
  return { path: e.instancePath, message: e.message ?? 'is invalid' }
}

/** Every problem in the files, in file order. An empty list means the dataset can be loaded. */
export function checkRecordFiles (files: RecordFile[]): Problem[] {
  const problems: Problem[] = []
  const report = (file: RecordFile, path: string, message: string) =>
    problems.push({ file: file.path, path, line: lineOf(file.document, file.lineCounter, path), message })

  const valid: RecordFile[] = []
  for (const file of files) {
    if (file.document.errors.length > 0) {
      for (const e of file.document.errors) {
        problems.push({ file: file.path, path: '', line: e.linePos?.[0]?.line ?? null, message: `YAML: ${e.message.split('\n')[0]}` })
      }
      continue
    }
    const validate = validatorFor(file.kind)
    if (!validate(file.value)) {
      const seen = new Set<string>()
      for (const e of validate.errors ?? []) {
        // anyOf branches of a nullable field repeat themselves; one message per path is enough.
        if (e.keyword === 'anyOf' || e.keyword === 'type' && seen.has(e.instancePath)) continue
        const { path, message } = schemaMessage(e)
        if (seen.has(`${path} ${message}`)) continue
        seen.add(`${path} ${message}`)
        seen.add(e.instancePath)
        report(file, path, message)
      }
      continue
    }
    valid.push(file)
  }

  // Ids: unique per resource, and the file is named after its record.
  const ids = new Map<RecordKind, Map<string, RecordFile>>()
  for (const file of valid) {
    const id = (file.value as { id: string }).id
    const name = file.path.split('/').pop()!.replace(/\.(ya?ml|json)$/, '')
    if (name !== id) report(file, '/id', `does not match the file name: name the file ${id}.yaml`)
    const seen = ids.get(file.kind) ?? new Map<string, RecordFile>()
    ids.set(file.kind, seen)
    const other = seen.get(id)
    if (other) report(file, '/id', `"${id}" is also the id of ${other.path}`)
    else seen.set(id, file)
  }
  const has = (kind: RecordKind, id: string | null | undefined) => id == null || (ids.get(kind)?.has(id) ?? false)
  const of = <T>(kind: RecordKind) => valid.filter((f) => f.kind === kind).map((f) => [f, f.value as T] as const)

  const actors = of<ActorRecord>('actors')
  const index = new ActorIndex(actors.map(([, a]) => ({ id: a.id, slug: a.slug, aliases: a.aliases })))
  const slugs = new Map<string, string>()
  for (const [file, a] of actors) {
    if (slugs.has(a.slug)) report(file, '/slug', `"${a.slug}" is also the slug of ${slugs.get(a.slug)}`)
    slugs.set(a.slug, file.path)
    ;(a.aliases ?? []).forEach((alias, i) => {
      const owners = index.ambiguous.get(aliasKey(alias))
      if (owners) report(file, `/aliases/${i}`, `"${alias}" is also an alias of ${owners.filter((o) => o !== a.id).join(', ')}: an alias must name one actor`)
    })
  }
  const checkActor = (file: RecordFile, path: string, key: string | null | undefined) => {
    if (key == null) return
    if (index.ambiguous.has(aliasKey(key)) && index.resolve(key) === undefined) {
      report(file, path, `"${key}" is ambiguous: it is an alias of ${index.ambiguous.get(aliasKey(key))!.join(', ')}; use an id or slug`)
    } else if (index.resolve(key) === undefined) {
      report(file, path, `names no actor ("${key}"); use an actor id, slug or alias from data/actors`)
    }
  }
  const checkRef = (file: RecordFile, path: string, kind: RecordKind, id: string | null | undefined) => {
    if (!has(kind, id)) report(file, path, `names no ${kind.replace(/ies$/, 'y').replace(/s$/, '')} ("${id}")`)
  }
  const checkWindow = (file: RecordFile, path: string, date: string | null | undefined, start: string | null | undefined, end: string | null | undefined, name = 'occurred_on') => {
    if (start && end && start > end) report(file, `${path}/date_start`, `(${start}) is after date_end (${end})`)
    if (date && start && date < start) report(file, `${path}/${name}`, `(${date}) is before date_start (${start})`)
    if (date && end && date > end) report(file, `${path}/${name}`, `(${date}) is after date_end (${end})`)
  }
  type Fig = { best?: number | null, low?: number | null, high?: number | null } | undefined
  const checkFigures = (file: RecordFile, path: string, f: Fig) => {
    if (!f) return
    const { best, low, high } = f
    if (low != null && best != null && low > best) report(file, path, `low (${low}) is above best (${best})`)
    if (best != null && high != null && best > high) report(file, path, `best (${best}) is above high (${high})`)
    if (low != null && high != null && low > high) report(file, path, `low (${low}) is above high (${high})`)
  }

  for (const [file, a] of actors) {
    checkActor(file, '/parent', a.parent)
    if (a.parent != null && index.resolve(a.parent) === a.id) report(file, '/parent', 'an actor cannot be its own parent')
    ;(a.estimates ?? []).forEach((e, i) => {
      checkRef(file, `/estimates/${i}/source`, 'sources', e.source)
      checkRef(file, `/estimates/${i}/statement`, 'statements', e.statement)
      checkFigures(file, `/estimates/${i}`, e)
      if (e.best == null && e.low == null && e.high == null) report(file, `/estimates/${i}`, 'gives no figure')
    })
  }
  // Parent chains must end.
  const parentOf = new Map(actors.map(([, a]) => [a.id, a.parent == null ? undefined : index.resolve(a.parent)]))
  for (const [file, a] of actors) {
    const seen = new Set<string>([a.id])
    let next = parentOf.get(a.id)
    while (next !== undefined) {
      if (seen.has(next)) { report(file, '/parent', `parent chain loops back to ${next}`); break }
      seen.add(next)
      next = parentOf.get(next)
    }
  }

  for (const [file, s] of of<SourceRecord>('sources')) {
    if (s.date_precision != null && s.published_on == null) report(file, '/date_precision', 'is given without published_on')
    ;(s.cites ?? []).forEach((c, i) => {
      checkRef(file, `/cites/${i}/source`, 'sources', c.source)
      if (c.source === s.id) report(file, `/cites/${i}/source`, 'a source cannot cite itself')
    })
  }

  const codes = new Set(provinces.map((p) => p.code))
  for (const [file, i] of of<IncidentRecord>('incidents')) {
    if (i.province != null && !codes.has(i.province)) report(file, '/province', `"${i.province}" is not an ISO 3166-2:AF province code`)
    checkWindow(file, '', i.occurred_on, i.date_start, i.date_end)
    if ((i.latitude == null) !== (i.longitude == null)) report(file, '/latitude', 'latitude and longitude go together')
    if ((i.latitude == null) !== (i.location_precision == null)) report(file, '/location_precision', 'is given with coordinates, and only then')
    for (const k of ['killed', 'wounded', 'perpetrators_killed', 'perpetrators_wounded'] as const) checkFigures(file, `/${k}`, i[k])
    const reportSources = new Set<string>()
    i.reports.forEach((r, n) => {
      const at = `/reports/${n}`
      checkRef(file, `${at}/source`, 'sources', r.source)
      if (reportSources.has(r.source)) report(file, `${at}/source`, `a second report from ${r.source}: one report per source`)
      reportSources.add(r.source)
      if (r.occurred_on == null && (r.date_precision != null || r.date_start != null || r.date_end != null)) {
        report(file, `${at}/occurred_on`, 'is required when the report gives a precision or window')
      }
      checkWindow(file, at, r.occurred_on, r.date_start, r.date_end)
      for (const k of ['killed', 'wounded', 'perpetrators_killed', 'perpetrators_wounded'] as const) checkFigures(file, `${at}/${k}`, r[k])
      const groups = new Set<string>()
      ;(r.breakdown ?? []).forEach((b, m) => {
        checkFigures(file, `${at}/breakdown/${m}`, b)
        if (b.best == null && b.low == null) report(file, `${at}/breakdown/${m}`, 'needs best or low')
        if (groups.has(`${b.outcome}/${b.group}`)) report(file, `${at}/breakdown/${m}`, `${b.outcome} ${b.group} is given twice`)
        groups.add(`${b.outcome}/${b.group}`)
        const total = r[b.outcome]?.high
        const part = b.low ?? b.best
        if (total != null && part != null && part > total) report(file, `${at}/breakdown/${m}`, `${b.group} (${part}) exceeds the report's ${b.outcome} high (${total})`)
      })
    })
    const rkeys = new Set<string>()
    ;(i.responsibility ?? []).forEach((r, n) => {
      const at = `/responsibility/${n}`
      checkActor(file, `${at}/actor`, r.actor)
      checkActor(file, `${at}/asserted_by`, r.asserted_by)
      checkRef(file, `${at}/source`, 'sources', r.source)
      checkRef(file, `${at}/statement`, 'statements', r.statement)
      if (r.voice != null && r.voice !== 'actor' && r.asserted_by != null) report(file, `${at}/asserted_by`, `is only given with voice "actor" (voice is "${r.voice}")`)
      if (r.challenge) {
        checkActor(file, `${at}/challenge/by`, r.challenge.by)
        checkRef(file, `${at}/challenge/source`, 'sources', r.challenge.source)
        checkRef(file, `${at}/challenge/statement`, 'statements', r.challenge.statement)
      }
      const key = `${index.resolve(r.actor)}|${r.kind}|${r.source}`
      if (rkeys.has(key)) report(file, at, `repeats ${r.kind} by ${r.actor} from ${r.source}`)
      rkeys.add(key)
    })
    const noClaimSources = new Set<string>()
    ;(i.no_claim ?? []).forEach((c, n) => {
      checkRef(file, `/no_claim/${n}/source`, 'sources', c.source)
      if (noClaimSources.has(c.source)) report(file, `/no_claim/${n}/source`, `a second no-claim entry from ${c.source}`)
      noClaimSources.add(c.source)
    })
    ;(i.participants ?? []).forEach((p, n) => {
      checkActor(file, `/participants/${n}/actor`, p.actor)
      checkRef(file, `/participants/${n}/source`, 'sources', p.source)
      if (p.actor == null && p.description == null) report(file, `/participants/${n}`, 'needs an actor or a description')
    })
    ;(i.follow_ups ?? []).forEach((f, n) => {
      checkActor(file, `/follow_ups/${n}/actor`, f.actor)
      checkRef(file, `/follow_ups/${n}/source`, 'sources', f.source)
      checkRef(file, `/follow_ups/${n}/statement`, 'statements', f.statement)
    })
    ;(i.related ?? []).forEach((rel, n) => {
      checkRef(file, `/related/${n}/incident`, 'incidents', rel.incident)
      checkRef(file, `/related/${n}/source`, 'sources', rel.source)
      if (rel.incident === i.id) report(file, `/related/${n}/incident`, 'an incident cannot be related to itself')
    })
  }

  for (const [file, s] of of<StatementRecord>('statements')) {
    checkActor(file, '/speaker', s.speaker)
    checkActor(file, '/on_behalf_of', s.on_behalf_of)
    checkWindow(file, '', s.said_on, s.date_start, s.date_end, 'said_on')
    ;(s.incident_ids ?? []).forEach((id, n) => checkRef(file, `/incident_ids/${n}`, 'incidents', id))
    s.source_ids.forEach((id, n) => checkRef(file, `/source_ids/${n}`, 'sources', id))
  }

  for (const [file, t] of of<TallyRecord>('tallies')) {
    checkRef(file, '/source', 'sources', t.source)
    checkActor(file, '/perpetrator', t.perpetrator)
    if (t.period_start > t.period_end) report(file, '/period_start', `(${t.period_start}) is after period_end (${t.period_end})`)
    checkFigures(file, '/killed', t.killed)
    checkFigures(file, '/wounded', t.wounded)
    ;(t.breakdown ?? []).forEach((b, n) => {
      checkFigures(file, `/breakdown/${n}`, b)
      if (b.best == null && b.low == null) report(file, `/breakdown/${n}`, 'needs best or low')
    })
    ;(t.incident_ids ?? []).forEach((id, n) => checkRef(file, `/incident_ids/${n}`, 'incidents', id))
  }

  return problems
}
