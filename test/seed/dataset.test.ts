/**
 * In-memory checks of the curated record files (src/seed/data/<resource>/<id>.yaml, no database): schema, ids,
 * references, verbatim excerpts and quotes against the five seed articles (src/seed/articles, mapped to their source
 * records by src/seed/articles/index.yaml), honest date windows, figure bounds, the name rule, claims and their voices,
 * the Hasht-e Subh tally against the incidents it sums, and a deliberate sample of facts. The rules are in
 * src/seed/CURATION.md.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import t from 'tap'
import { parse } from 'yaml'
import { provinces } from '../../src/domain/provinces.ts'
import type { DatePrecision } from '../../src/domain/vocabulary.ts'
import { recordSchemas, type RecordKind } from '../../src/schemas/input/index.ts'
import type { IncidentRecord } from '../../src/schemas/input/incident.ts'
import type { StatementRecord } from '../../src/schemas/input/statement.ts'
import { groupRecords, readRecordFiles } from '../../src/seed/records.ts'

// ---------------------------------------------------------------------------------------------------------------
// Loading

const files = readRecordFiles()
const records = groupRecords(files)
const { sources, actors, incidents, statements, tallies } = records

const articlesDir = new URL('../../src/seed/articles/', import.meta.url)
const articleIndex = parse(readFileSync(new URL('index.yaml', articlesDir), 'utf8')) as Record<string, string>
/** Seed article text by source id. */
const articles = new Map(Object.entries(articleIndex).map(([file, sourceId]) => [sourceId, readFileSync(new URL(file, articlesDir), 'utf8')]))
const allArticles = [...articles.values()]
const article = (sourceId: string): string => {
  const text = articles.get(sourceId)
  if (text === undefined) throw new Error(`no seed article for ${sourceId}`)
  return text
}
const idOfFile = (file: string): string => {
  const id = Object.entries(articleIndex).find(([name]) => name.startsWith(file))?.[1]
  if (id === undefined) throw new Error(`no article ${file}`)
  return id
}
const S000 = idOfFile('000_')
const S001 = idOfFile('001_')
const S002 = idOfFile('002_')
const S003 = idOfFile('003_')
const S004 = idOfFile('004_')

const sourceById = new Map(sources.map((s) => [s.id, s]))
const incidentById = new Map(incidents.map((i) => [i.id, i]))
const statementById = new Map(statements.map((s) => [s.id, s]))

/** Actor key (id, slug or alias, case-insensitive for aliases) -> actor id. */
const actorKeys = new Map<string, string>()
for (const a of actors) for (const alias of a.aliases ?? []) actorKeys.set(alias.trim().toLowerCase(), a.id)
for (const a of actors) { actorKeys.set(a.slug, a.id); actorKeys.set(a.id, a.id) }
const actorId = (key: string | null | undefined): string | undefined =>
  key == null ? undefined : actorKeys.get(key) ?? actorKeys.get(key.trim().toLowerCase())
const slugOf = (key: string | null | undefined): string | undefined => actors.find((a) => a.id === actorId(key))?.slug

/** Article text(s) for a source: its own, or the article(s) citing it when it is known only through a citation. */
function textsFor (sourceId: string): string[] {
  const own = articles.get(sourceId)
  if (own !== undefined) return [own]
  return sources.filter((s) => (s.cites ?? []).some((c) => c.source === sourceId)).flatMap((s) => textsFor(s.id))
}
const verbatim = (sourceId: string, text: string) => textsFor(sourceId).some((a) => a.includes(text))

function incident (predicate: (i: IncidentRecord) => boolean): IncidentRecord {
  const found = incidents.filter(predicate)
  if (found.length !== 1) throw new Error(`expected exactly one matching incident, found ${found.length}`)
  return found[0]!
}
const reportOf = (i: IncidentRecord, sourceId: string) => i.reports.find((r) => r.source === sourceId)
const statementsOf = (i: IncidentRecord): StatementRecord[] => statements.filter((s) => (s.incident_ids ?? []).includes(i.id))

// Dates
const day = 86_400_000
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`)
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const addDays = (d: string, n: number) => iso(toTime(d) + n * day)
const span = (start: string, end: string) => (toTime(end) - toTime(start)) / day + 1
const weekday = (d: string) => new Date(toTime(d)).getUTCDay()
/** The last date before `d` that falls on `dow` (0 = Sunday): "on Friday" in a report of date `d`. */
const lastWeekday = (d: string, dow: number) => { let x = addDays(d, -1); while (weekday(x) !== dow) x = addDays(x, -1); return x }
/** Longest window each precision may stand for (days). */
const maxSpan: Record<DatePrecision, number> = { day: 1, week: 14, month: 92, year: 366 }
/** How long after its date a source may have been written, by precision. */
const publicationSlack: Record<DatePrecision, number> = { day: 0, week: 6, month: 30, year: 365 }
const latestPublication = (sourceId: string): string | null => {
  const s = sourceById.get(sourceId)
  if (s?.published_on == null) return null
  return addDays(s.published_on, publicationSlack[s.date_precision ?? 'day'])
}

type Fig = { best?: number | null, low?: number | null, high?: number | null } | null | undefined
const val = (v: number | null | undefined): number | null => v ?? null

/** Every string field of a record with its path, for text-wide checks. */
function strings (v: unknown, path = ''): Array<[string, string]> {
  if (typeof v === 'string') return [[path, v]]
  if (Array.isArray(v)) return v.flatMap((x, n) => strings(x, `${path}/${n}`))
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, `${path}/${k}`))
  return []
}
const proseFields = new Set(['summary', 'notes', 'description'])
const prose = (v: unknown) => strings(v).filter(([path]) => proseFields.has(path.split('/').pop()!))

// ---------------------------------------------------------------------------------------------------------------

t.test('the articles index maps every seed article to a source record', async (t) => {
  const txt = readdirSync(articlesDir).filter((f) => f.endsWith('.txt')).sort()
  t.same(Object.keys(articleIndex).sort(), txt, 'every .txt is listed, and nothing else')
  for (const [file, id] of Object.entries(articleIndex)) {
    t.ok(sourceById.has(id), `${file} -> ${id} exists`)
    t.ok(article(id).length > 1000, `${file} read`)
  }
  t.equal(new Set(Object.values(articleIndex)).size, txt.length, 'one source per article')
})

t.test('every file is valid against its schema and named after its id', async (t) => {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats.default(ajv)
  const validators = new Map(Object.entries(recordSchemas).map(([k, s]) => [k as RecordKind, ajv.compile(s)]))
  t.ok(files.length > 150, `${files.length} record files`)
  for (const file of files) {
    t.same(file.document.errors, [], `${file.path}: YAML parses`)
    const validate = validators.get(file.kind)!
    t.ok(validate(file.value), `${file.path}: valid ${file.kind} record ${JSON.stringify(validate.errors ?? [])}`)
    const id = (file.value as { id: string }).id
    t.ok(file.path.endsWith(`data/${file.kind}/${id}.yaml`), `${file.path}: named after its id`)
  }
})

t.test('ids and keys are unique', async (t) => {
  for (const [kind, rows] of Object.entries(records)) {
    const ids = (rows as Array<{ id: string }>).map((r) => r.id)
    t.equal(new Set(ids).size, ids.length, `${kind}: ids unique`)
  }
  const slugs = actors.map((a) => a.slug)
  t.equal(new Set(slugs).size, slugs.length, 'actor slugs unique')
  // An alias names one actor only, and never another actor's slug or id.
  const owners = new Map<string, Set<string>>()
  for (const a of actors) {
    for (const key of [a.slug, ...(a.aliases ?? [])].map((x) => x.trim().toLowerCase())) {
      if (!owners.has(key)) owners.set(key, new Set())
      owners.get(key)!.add(a.id)
    }
  }
  for (const [key, ids] of owners) t.equal(ids.size, 1, `"${key}" names one actor (${[...ids].join(', ')})`)

  const uniq = (label: string, keys: string[]) => t.equal(new Set(keys).size, keys.length, label)
  for (const i of incidents) {
    uniq(`${i.id}: one report per source`, i.reports.map((r) => r.source))
    uniq(`${i.id}: responsibility (actor, kind, source) unique`,
      (i.responsibility ?? []).map((r) => [actorId(r.actor), r.kind, r.source].join('|')))
    uniq(`${i.id}: one no_claim per source`, (i.no_claim ?? []).map((n) => n.source))
    uniq(`${i.id}: related (incident, kind) unique`, (i.related ?? []).map((r) => `${r.incident}|${r.kind}`))
    for (const r of i.reports) uniq(`${i.id} ${r.source}: breakdown groups unique`, (r.breakdown ?? []).map((b) => `${b.outcome}|${b.group}`))
  }
  for (const s of sources) uniq(`${s.id}: cites each source once`, (s.cites ?? []).map((c) => c.source))
})

t.test('ids follow the conventions', async (t) => {
  for (const a of actors) t.equal(a.id, `act_${a.slug.replaceAll('-', '_')}`, `${a.id} matches its slug`)
  // Incident ids carry the part of the date their window fixes: the day, the month, the year, or nothing.
  for (const i of incidents) {
    const s = i.date_start!
    const e = i.date_end!
    const part = s === e ? s.replaceAll('-', '_') : s.slice(0, 7) === e.slice(0, 7) ? s.slice(0, 7).replace('-', '_') : s.slice(0, 4) === e.slice(0, 4) ? s.slice(0, 4) : ''
    const m = /^inc_((?:\d{4})(?:_\d{2}){0,2})?_?[a-z]/.exec(i.id)
    t.equal(m?.[1] ?? '', part, `${i.id}: date part matches the window ${s}..${e}`)
  }
  // Statement ids may carry a date part no more precise than the window.
  for (const s of statements) {
    const m = /^stm_(\d{4})(?:_(\d{2}))?(?:_(\d{2}))?_/.exec(s.id)
    if (m === null) continue
    const [, y, mo, d] = m
    const lo = `${y}-${mo ?? '01'}-${d ?? '01'}`
    const hi = d ? lo : mo ? iso(Date.UTC(Number(y), Number(mo), 0)) : `${y}-12-31`
    t.ok(s.date_start! <= hi && s.date_end! >= lo, `${s.id}: id date overlaps the window ${s.date_start}..${s.date_end}`)
    if (d) t.equal(s.date_precision, 'day', `${s.id}: a day in the id only for a day-precise statement`)
  }
})

t.test('every reference resolves', async (t) => {
  const isSource = (id: string | null | undefined, label: string) => t.ok(id != null && sourceById.has(id), `${label}: source ${id}`)
  const isActor = (key: string | null | undefined, label: string) => t.ok(actorId(key) !== undefined, `${label}: actor ${key}`)
  const isStatement = (id: string | null | undefined, label: string) => { if (id != null) t.ok(statementById.has(id), `${label}: statement ${id}`) }
  const provinceCodes = new Set(provinces.map((p) => p.code))

  for (const s of sources) for (const c of s.cites ?? []) { isSource(c.source, `${s.id} cites`); t.not(c.source, s.id, `${s.id} does not cite itself`) }
  const parentOf = new Map(actors.map((a) => [a.id, actorId(a.parent)]))
  for (const a of actors) {
    if (a.parent != null) isActor(a.parent, `${a.id} parent`)
    const seen = new Set<string>()
    let cur: string | undefined = a.id
    while (cur !== undefined && !seen.has(cur)) { seen.add(cur); cur = parentOf.get(cur) }
    t.equal(cur, undefined, `${a.id}: parent chain ends`)
    for (const e of a.estimates ?? []) {
      isSource(e.source, `${a.id} estimate`)
      isStatement(e.statement, `${a.id} estimate`)
      if (e.statement != null) t.ok(statementById.get(e.statement)?.source_ids.includes(e.source), `${a.id} estimate: its statement is carried by its source`)
    }
  }
  for (const i of incidents) {
    if (i.province != null) t.ok(provinceCodes.has(i.province), `${i.id} province ${i.province}`)
    for (const r of i.reports) isSource(r.source, `${i.id} report`)
    for (const r of i.responsibility ?? []) {
      isActor(r.actor, `${i.id} responsibility`)
      isSource(r.source, `${i.id} responsibility`)
      if (r.asserted_by != null) isActor(r.asserted_by, `${i.id} asserted_by`)
      isStatement(r.statement, `${i.id} responsibility`)
      if (r.statement != null) {
        const s = statementById.get(r.statement)
        t.ok(s?.incident_ids?.includes(i.id), `${i.id}: statement ${r.statement} lists the incident`)
        t.ok(s?.source_ids.includes(r.source), `${i.id}: statement ${r.statement} is carried by ${r.source}`)
      }
      if (r.challenge != null) {
        isActor(r.challenge.by, `${i.id} challenge`)
        isSource(r.challenge.source, `${i.id} challenge`)
        isStatement(r.challenge.statement, `${i.id} challenge`)
      }
    }
    for (const n of i.no_claim ?? []) isSource(n.source, `${i.id} no_claim`)
    for (const p of i.participants ?? []) {
      if (p.actor != null) isActor(p.actor, `${i.id} participant`)
      t.ok(p.actor != null || p.description != null, `${i.id} participant identified`)
      isSource(p.source, `${i.id} participant`)
    }
    for (const f of i.follow_ups ?? []) {
      if (f.actor != null) isActor(f.actor, `${i.id} follow-up`)
      isSource(f.source, `${i.id} follow-up`)
      isStatement(f.statement, `${i.id} follow-up`)
      if (f.statement != null) t.ok(statementById.get(f.statement)?.incident_ids?.includes(i.id), `${i.id}: follow-up statement lists the incident`)
    }
    for (const r of i.related ?? []) {
      t.ok(incidentById.has(r.incident), `${i.id} related ${r.incident}`)
      t.not(r.incident, i.id, `${i.id} is not related to itself`)
      if (r.source != null) isSource(r.source, `${i.id} related`)
    }
  }
  for (const s of statements) {
    isActor(s.speaker, `${s.id} speaker`)
    if (s.on_behalf_of != null) isActor(s.on_behalf_of, `${s.id} on behalf of`)
    for (const id of s.incident_ids ?? []) t.ok(incidentById.has(id), `${s.id} incident ${id}`)
    for (const id of s.source_ids) isSource(id, `${s.id}`)
  }
  for (const y of tallies) {
    isSource(y.source, `${y.id}`)
    if (y.perpetrator != null) isActor(y.perpetrator, `${y.id} perpetrator`)
    for (const id of y.incident_ids ?? []) t.ok(incidentById.has(id), `${y.id} incident ${id}`)
  }
  // Ids named in prose exist.
  const known = new Set<string>([...sources, ...incidents, ...statements, ...tallies, ...actors].map((r) => r.id))
  for (const r of [...sources, ...actors, ...incidents, ...statements, ...tallies]) {
    for (const [path, text] of prose(r)) {
      for (const id of text.match(/\b(?:src|inc|stm|tly|act)_[a-z0-9_]*[a-z0-9]/g) ?? []) t.ok(known.has(id), `${r.id}${path}: names ${id}, which exists`)
    }
  }
})

t.test('excerpts, quotes, wordings and citations appear verbatim in their articles', async (t) => {
  const check = (sourceId: string, text: string | null | undefined, label: string) => {
    if (text == null) return
    t.ok(textsFor(sourceId).length > 0, `${label}: ${sourceId} is a seed article or cited by one`)
    t.ok(verbatim(sourceId, text), `${label}: verbatim in the article of ${sourceId}`)
  }
  for (const i of incidents) {
    for (const r of i.reports) check(r.source, r.excerpt, `${i.id} report ${r.source}`)
    for (const r of i.responsibility ?? []) {
      check(r.source, r.excerpt, `${i.id} ${r.kind} ${r.actor}`)
      if (r.challenge != null) check(r.challenge.source, r.challenge.excerpt, `${i.id} challenge`)
      if (r.wording != null) {
        // A wording is the source's phrase, possibly with elided parts ("are of the belief that ... were carried out by").
        const within = r.excerpt ?? textsFor(r.source).join('\n')
        let at = 0
        for (const part of r.wording.split(/\s*(?:\.\.\.|…)\s*/)) {
          const found = within.indexOf(part, at)
          t.ok(found >= 0, `${i.id} ${r.kind} ${r.actor}: wording part "${part}" is in the excerpt, in order`)
          at = found + part.length
        }
      }
    }
    for (const n of i.no_claim ?? []) check(n.source, n.excerpt, `${i.id} no_claim ${n.source}`)
    for (const p of i.participants ?? []) check(p.source, p.excerpt, `${i.id} participant ${p.role}`)
    for (const f of i.follow_ups ?? []) check(f.source, f.excerpt, `${i.id} follow-up ${f.kind}`)
  }
  for (const a of actors) for (const e of a.estimates ?? []) check(e.source, e.excerpt, `${a.id} estimate`)
  for (const y of tallies) check(y.source, y.excerpt, y.id)
  for (const s of sources) {
    for (const c of s.cites ?? []) {
      if (c.context != null) t.ok(textsFor(s.id).some((a) => a.includes(c.context!)), `${s.id} -> ${c.source}: context verbatim in the citing article`)
    }
    if (articles.has(s.id) && s.title != null) t.ok(article(s.id).includes(s.title), `${s.id}: title as printed`)
  }
  for (const s of statements) {
    const texts = s.source_ids.flatMap(textsFor)
    t.ok(texts.length > 0, `${s.id}: a seed article reports it`)
    if (s.text_kind === 'quote') {
      t.ok(texts.some((a) => a.includes(s.text)), `${s.id}: quote is verbatim`)
      t.ok(texts.some((a) => a.includes(`“${s.text}`)), `${s.id}: quote starts at a quotation mark`)
    } else {
      // A paraphrase may embed the speaker's words; those must be verbatim too.
      for (const [, fragment] of s.text.matchAll(/“([^”]+)”/g)) t.ok(texts.some((a) => a.includes(fragment!)), `${s.id}: embedded “${fragment}” is verbatim`)
    }
  }
  // Every actor is named in an article (by name or alias), or implied by an official's title.
  const impliedBy: Record<string, string> = {
    'us-department-of-state': 'US Secretary of State Antony Blinken',
    'tajikistan-ministry-of-foreign-affairs': 'Deputy Minister of Foreign Affairs of Tajikistan'
  }
  for (const a of actors) {
    const implied = impliedBy[a.slug]
    const names = implied !== undefined ? [implied] : [a.name, ...(a.aliases ?? [])]
    t.ok(names.some((n) => allArticles.some((text) => text.includes(n))), `${a.slug} is named in the articles`)
  }
})

t.test('summaries, notes and descriptions name sources by id or title, never "article NNN"', async (t) => {
  for (const r of [...sources, ...actors, ...incidents, ...statements, ...tallies]) {
    for (const [path, text] of prose(r)) t.notMatch(text, /article \d{3}/i, `${r.id}${path}`)
  }
})

t.test('dates: every incident and statement has an honest window', async (t) => {
  const windowed = (label: string, on: string, precision: DatePrecision, start: string | null | undefined, end: string | null | undefined) => {
    t.ok(start != null && end != null, `${label}: explicit window`)
    if (start == null || end == null) return
    t.ok(start <= on && on <= end, `${label}: ${on} within ${start}..${end}`)
    const days = span(start, end)
    if (precision === 'day') t.equal(days, 1, `${label}: day precision is a one-day window`)
    else t.ok(days >= 2, `${label}: ${precision} precision is wider than a day (${days} days)`)
    t.ok(days <= maxSpan[precision], `${label}: ${days} days fit ${precision} precision`)
  }
  for (const i of incidents) {
    windowed(i.id, i.occurred_on, i.date_precision, i.date_start, i.date_end)
    t.ok(i.date_end! >= '2021-08-15', `${i.id} can fall after the Taliban takeover`)
    const coords = [i.latitude, i.longitude, i.location_precision].map((v) => v == null)
    t.ok(coords.every((v) => v) || coords.every((v) => !v), `${i.id}: coordinates all set or all null`)
    if (i.latitude != null) t.equal(i.location_precision, 'city', `${i.id}: only city centres`)
    for (const r of i.reports) {
      t.equal(r.occurred_on == null, r.date_precision == null, `${i.id} ${r.source}: date and precision together`)
      if (r.occurred_on != null) {
        windowed(`${i.id} ${r.source}`, r.occurred_on, r.date_precision!, r.date_start, r.date_end)
        t.ok(r.date_start! >= i.date_start! && r.date_end! <= i.date_end!, `${i.id} ${r.source}: report window inside the incident's`)
      }
      const published = latestPublication(r.source)
      if (published !== null) t.ok(i.date_start! <= published, `${i.id}: can have happened before ${r.source} reported it`)
    }
    for (const n of i.no_claim ?? []) {
      t.ok(n.as_of >= i.date_start!, `${i.id} no_claim ${n.source}: as of a date after the incident could start`)
      const published = latestPublication(n.source)
      if (published !== null) t.ok(n.as_of <= published, `${i.id} no_claim ${n.source}: as of the report's date at the latest`)
    }
  }
  for (const s of statements) {
    windowed(s.id, s.said_on, s.date_precision, s.date_start, s.date_end)
    for (const id of s.source_ids) {
      const published = latestPublication(id)
      if (published !== null) t.ok(s.date_start! <= published, `${s.id}: said before ${id} reported it`)
    }
    for (const id of s.incident_ids ?? []) {
      const i = incidentById.get(id)
      if (i !== undefined && s.kind !== 'assessment') t.ok(s.date_end! >= i.date_start!, `${s.id}: not over before ${id} could start`)
    }
  }
  for (const s of sources) {
    t.equal(s.published_on == null, s.date_precision == null, `${s.id}: date and precision together`)
    t.equal(s.url ?? null, null, `${s.id}: no URL (none of the articles gives one; never invented)`)
  }
  for (const y of tallies) t.ok(y.period_start <= y.period_end, `${y.id}: period ordered`)
})

t.test('dates: relative expressions resolve against the report date', async (t) => {
  const d004 = sourceById.get(S004)!.published_on!
  t.ok(article(S004).includes('three days ago (Friday, December 2nd)'))
  t.equal(weekday(addDays(d004, -3)), 5, 'the report date makes "three days ago" a Friday')
  t.equal(addDays(d004, -3).slice(5), '12-02', '... and December 2nd')
  const friday = lastWeekday(d004, 5)
  const saturday = lastWeekday(d004, 6)
  const wednesday = lastWeekday(d004, 3)
  const twoMonthsSevenDays = (() => { const x = new Date(toTime(d004)); x.setUTCMonth(x.getUTCMonth() - 2); return addDays(iso(x.getTime()), -7) })()
  const dayOf = (p: (i: IncidentRecord) => boolean) => { const i = incident(p); t.equal(i.date_precision, 'day', `${i.id}: day precision`); return i.occurred_on }
  t.equal(dayOf((i) => i.targets?.includes('diplomatic_mission') === true), friday, 'embassy: Friday')
  t.equal(dayOf((i) => i.targets?.includes('political_party') === true), friday, 'Hizb-e-Islami office: "on Friday"')
  t.equal(dayOf((i) => i.province === 'AF-NAN' && i.occurred_on.startsWith('2022')), saturday, 'Jalalabad: "on Saturday"')
  t.equal(dayOf((i) => i.province === 'AF-SAM'), wednesday, 'Aybak: "on Wednesday"')
  t.equal(dayOf((i) => i.title.includes('Kaj')), twoMonthsSevenDays, 'Kaj: "two months and seven days ago"')
  t.equal(twoMonthsSevenDays, '2022-09-28')
  const muttaqi = statements.find((s) => slugOf(s.speaker) === 'amir-khan-muttaqi')!
  t.equal(muttaqi.said_on, addDays(friday, 1), 'Muttaqi visited "one day after this attack"')
  const blinken = statements.find((s) => slugOf(s.speaker) === 'antony-blinken')!
  t.equal(blinken.said_on, addDays(sourceById.get(S002)!.published_on!, -1), 'Blinken spoke "yesterday"')
  t.equal(blinken.date_precision, 'day')
})

t.test('dates: windows are not narrower than the text allows (sample)', async (t) => {
  // Herat: "in the last two months" before the report, no month preferred.
  const d004 = sourceById.get(S004)!.published_on!
  const twoMonthsBefore = (() => { const x = new Date(toTime(d004)); x.setUTCMonth(x.getUTCMonth() - 2); return iso(x.getTime()) })()
  const herat = incidents.filter((i) => i.province === 'AF-HER')
  t.equal(herat.length, 3, 'three Herat attacks')
  for (const i of herat) {
    t.not(i.date_precision, 'day', `${i.id}: not a day`)
    t.ok(i.date_start! <= twoMonthsBefore, `${i.id}: window opens by ${twoMonthsBefore} (${i.date_start})`)
    t.ok(i.date_end! >= d004, `${i.id}: window runs to the report date (${i.date_end})`)
    t.notOk(i.reports.some((r) => r.occurred_on != null), `${i.id}: the report gives no date, none is recorded for it`)
  }
  // Jalalabad, September 2021: "over the weekend" before Tuesday 21 September is Saturday 18 and Sunday 19.
  const d001 = sourceById.get(S001)!.published_on!
  const [sat, sun] = [lastWeekday(d001, 6), lastWeekday(d001, 0)]
  t.same([sat, sun], ['2021-09-18', '2021-09-19'])
  const weekend = incident((i) => i.province === 'AF-NAN' && i.occurred_on.startsWith('2021-09'))
  t.ok(weekend.date_start! <= sat && weekend.date_end! >= sun, `${weekend.id}: window covers the weekend`)
  t.not(weekend.date_precision, 'day')
  const r001 = reportOf(weekend, S001)!
  t.ok(r001.date_start! <= sat && r001.date_end! >= sun, 'the weekend report covers both days')
  t.match(reportOf(weekend, S000), { occurred_on: sat, date_precision: 'day' }, '"On 18 September" is a day')
  // Wazir Akbar Khan mosque: "recent explosions", known only from a statement made between the Kaj attack and the report.
  const wak = incident((i) => i.place?.includes('Wazir Muhammad Akbar Khan') === true)
  const quote = statementsOf(wak)
  t.equal(quote.length, 1, 'known from one statement')
  t.not(wak.date_precision, 'day')
  t.equal(wak.date_end, quote[0]!.date_end, 'cannot be later than the statement')
  t.ok(wak.date_start! < quote[0]!.date_start!, 'opens before the statement could have been made ("recent")')
  t.same([wak.killed, wak.wounded], [undefined, undefined], 'no figures')
  // October 2021 operations and bombings: the month, no invented day.
  for (const i of incidents.filter((i) => i.date_start === '2021-10-01')) t.not(i.date_precision, 'day', `${i.id}: no invented day`)
  const idgah = incident((i) => i.id.includes('eid_gah'))
  t.ok(idgah.date_start! <= '2021-10-01' && idgah.date_end! >= '2021-10-10', '"early October" is at least its first ten days')
})

t.test('figures: bounds hold and reconcile', async (t) => {
  const bounds = (label: string, f: Fig) => {
    if (f == null) return
    const [low, best, high] = [val(f.low), val(f.best), val(f.high)]
    if (low !== null && best !== null) t.ok(low <= best, `${label}: low <= best`)
    if (best !== null && high !== null) t.ok(best <= high, `${label}: best <= high`)
    if (low !== null && high !== null) t.ok(low <= high, `${label}: low <= high`)
  }
  const breakdownSums = (label: string, total: { killed?: Fig, wounded?: Fig }, items: Array<{ outcome: 'killed' | 'wounded', best?: number | null, low?: number | null, high?: number | null }>) => {
    for (const b of items) t.ok(b.best != null || b.low != null, `${label}: breakdown ${b.outcome} has a figure`)
    for (const outcome of ['killed', 'wounded'] as const) {
      const high = val(total[outcome]?.high)
      const parts = items.filter((b) => b.outcome === outcome).map((b) => val(b.best) ?? val(b.low) ?? 0)
      if (high !== null && parts.length > 0) t.ok(parts.reduce((a, b) => a + b, 0) <= high, `${label}: ${outcome} breakdown sums to at most ${high}`)
    }
  }
  for (const i of incidents) {
    for (const k of ['killed', 'wounded', 'perpetrators_killed', 'perpetrators_wounded'] as const) {
      bounds(`${i.id} ${k}`, i[k])
      for (const r of i.reports) bounds(`${i.id} ${r.source} ${k}`, r[k])
    }
    for (const r of i.reports) {
      for (const b of r.breakdown ?? []) bounds(`${i.id} ${r.source} ${b.outcome} ${b.group}`, b)
      breakdownSums(`${i.id} ${r.source}`, r, r.breakdown ?? [])
    }
    // The incident's figures reconcile the reports: low is the lowest reported low; a high, when given, is the highest
    // reported high and no report is open-ended; best lies in between; no report figure, no incident figure.
    for (const k of ['killed', 'wounded', 'perpetrators_killed'] as const) {
      const figured = i.reports.map((r) => r[k]).filter((f): f is NonNullable<Fig> => f != null && (f.low != null || f.best != null))
      const inc = i[k]
      if (figured.length === 0) { t.equal(inc, undefined, `${i.id} ${k}: no report figure, no incident figure`); continue }
      t.equal(val(inc?.low), Math.min(...figured.map((f) => val(f.low) ?? val(f.best)!)), `${i.id} ${k}: low = lowest report figure`)
      if (val(inc?.high) !== null) {
        t.ok(figured.every((f) => val(f.high) !== null), `${i.id} ${k}: a closed high only when every report is closed`)
        t.equal(val(inc?.high), Math.max(...figured.map((f) => val(f.high)!)), `${i.id} ${k}: high = highest report high`)
      }
      t.ok(val(inc?.best) !== null, `${i.id} ${k}: a best figure`)
    }
  }
  for (const a of actors) {
    for (const e of a.estimates ?? []) {
      bounds(`${a.id} estimate`, e)
      t.ok(e.best != null || e.low != null || e.high != null, `${a.id} estimate has a figure`)
    }
  }
  for (const y of tallies) {
    bounds(`${y.id} killed`, y.killed)
    bounds(`${y.id} wounded`, y.wounded)
    for (const b of y.breakdown ?? []) bounds(`${y.id} ${b.outcome} ${b.group}`, b)
    breakdownSums(y.id, y, y.breakdown ?? [])
  }
})

t.test('figures: open-ended and unknown figures are honest (sample)', async (t) => {
  const nov = incident((i) => i.occurred_on === '2021-11-07')
  t.same(reportOf(nov, S000)?.killed, { best: 3, low: 3, high: null }, '"at least three people were killed"')
  t.equal(reportOf(nov, S000)?.wounded, undefined, '"several were wounded": no number')
  const kunduz = incident((i) => i.province === 'AF-KDZ')
  const anadolu = kunduz.reports.find((r) => sourceById.get(r.source)?.publisher === 'Anadolu Agency')
  t.same(anadolu?.killed, { best: 101, low: 101, high: null }, '"more than 100": open-ended')
  t.equal(kunduz.killed?.high, null, 'an open-ended report leaves the incident high open')
  const kaj = incident((i) => i.title.includes('Kaj'))
  t.same(reportOf(kaj, S004)?.killed, { best: 53, low: 53, high: null }, '"at least 53"')
  t.equal(reportOf(kaj, S004)?.breakdown, undefined, '"most of the victims ... were female students": no number, no breakdown')
  t.match(reportOf(kaj, S004)?.notes, /female students/, 'and the notes say so')
  const embassy = incident((i) => i.targets?.includes('diplomatic_mission') === true)
  t.equal(embassy.killed, undefined, 'no death reported: unknown, not zero')
})

t.test('the name rule: the same literal name is the same actor in every source', async (t) => {
  // Names that say "Khorasan" or "branch" are ISKP; the bare names are the Islamic State, whatever the context.
  const iskpNames = ['Islamic State–Khorasan Province', 'Islamic State of Khorasan', 'Islamic State in Khurasan Province',
    'local branch of Daesh', 'Afghanistan’s Islamic State offshoot', 'ISIS-K', 'IS-K', 'ISKP']
  const isNames = ['Islamic State', 'ISIS', 'Daesh', 'IS']
  const expected = new Map<string, string>([...iskpNames.map((n) => [n, 'iskp'] as const), ...isNames.map((n) => [n, 'islamic-state'] as const)])
  const family = new Set(['iskp', 'islamic-state'])
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const literalNames = (text: string): string[] => {
    let rest = text
    const found: string[] = []
    for (const n of [...iskpNames, ...isNames]) {
      const re = new RegExp(`(?<![\\w-])${esc(n)}(?![\\w-])`, 'g')
      if (re.test(rest)) { found.push(n); rest = rest.replace(re, ' ') }
    }
    return found
  }
  t.same(literalNames('The Islamic State of Khorasan (ISIS-K) claimed'), ['Islamic State of Khorasan', 'ISIS-K'])
  t.same(literalNames('terrorist attacks organized by IS have'), ['IS'])
  t.same(literalNames('ISIS claimed responsibility'), ['ISIS'])
  for (const [name, slug] of expected) {
    const owner = actorId(name)
    if (owner !== undefined) t.equal(slugOf(name), slug, `alias "${name}" resolves to ${slug}`)
  }
  // Records that name an Islamic State actor and quote the source's words.
  const named: Array<{ label: string, actor: string, text: string }> = []
  for (const i of incidents) {
    for (const r of i.responsibility ?? []) if (r.excerpt != null) named.push({ label: `${i.id} ${r.kind} ${r.source}`, actor: slugOf(r.actor)!, text: r.excerpt })
    for (const p of i.participants ?? []) if (p.actor != null && p.excerpt != null) named.push({ label: `${i.id} ${p.role}`, actor: slugOf(p.actor)!, text: p.excerpt })
  }
  for (const s of statements) if (s.kind === 'claim_of_responsibility') named.push({ label: s.id, actor: slugOf(s.speaker)!, text: s.text })
  const seen = new Map<string, Set<string>>()
  let checked = 0
  for (const r of named.filter((r) => family.has(r.actor))) {
    const names = literalNames(r.text)
    const slugs = new Set(names.map((n) => expected.get(n)!))
    if (slugs.size === 0) continue
    checked++
    t.equal(slugs.size, 1, `${r.label}: names one actor (${names.join(', ')})`)
    t.equal(r.actor, [...slugs][0], `${r.label}: "${names.join('", "')}" is ${[...slugs][0]}`)
    for (const n of names) { if (!seen.has(n)) seen.set(n, new Set()); seen.get(n)!.add(r.actor) }
  }
  t.ok(checked >= 12, `${checked} records checked`)
  for (const [name, slugs] of seen) t.equal(slugs.size, 1, `"${name}" is always ${[...slugs].join(' / ')}`)
  // Records that keep a bare name as the Islamic State say so.
  for (const i of incidents) {
    for (const r of i.responsibility ?? []) {
      if (slugOf(r.actor) === 'islamic-state' && r.voice !== 'source') t.match(r.notes ?? '', /name rule/, `${i.id} ${r.source}: explains the name rule`)
    }
  }
})

t.test('claims and attributions say who makes them, in the source\'s words', async (t) => {
  for (const i of incidents) {
    for (const r of i.responsibility ?? []) {
      const label = `${i.id} ${r.kind} ${r.actor} (${r.source})`
      t.ok(r.voice != null, `${label}: voice explicit`)
      t.equal(r.voice === 'actor', r.asserted_by != null, `${label}: asserted_by exactly when a named actor voices it`)
      if (r.kind === 'claimed' || r.kind === 'denied') {
        t.equal(r.voice, 'actor', `${label}: a ${r.kind} row is voiced by the actor`)
        const claimant = actorId(r.asserted_by)
        const parent = actorId(actors.find((a) => a.id === claimant)?.parent)
        t.ok(claimant === actorId(r.actor) || parent === actorId(r.actor), `${label}: the claimant is the actor itself or speaks for it`)
      }
      t.ok(r.wording != null && r.excerpt != null, `${label}: wording and excerpt`)
      if (r.kind === 'claimed') t.match(r.wording ?? '', /claim|announced/, `${label}: the verb is a claim`)
      if (/orchestrat|believ|organized|attributed/.test(r.wording ?? '')) t.not(r.kind, 'claimed', `${label}: "${r.wording}" is not a claim`)
      if (r.voice === 'unnamed') t.equal(r.kind, 'suspected', `${label}: unnamed people suspect`)
    }
    for (const n of i.no_claim ?? []) {
      t.match(n.excerpt ?? '', /no (?:one|individual or group) has claimed|no immediate claim|not clear which group/, `${i.id} no_claim ${n.source}: says no claim is known`)
    }
  }
})

t.test('the Hasht-e Subh tally reconciles with the incidents it links', async (t) => {
  const tally = tallies.find((y) => y.source === S004)
  t.ok(tally, 'the report\'s own count is a tally record')
  if (tally === undefined) return
  t.ok(article(S004).includes('at least 96 people have been killed in ISKP attacks'))
  t.match(tally, { killed: { low: 96, best: 96, high: null }, perpetrator: 'iskp' })
  t.equal(slugOf(tally.perpetrator), 'iskp')
  const linked = (tally.incident_ids ?? []).map((id) => incidentById.get(id)!)
  // Linked incidents fall in the period, widened by its precision.
  const slack = publicationSlack[tally.period_precision] + 1
  const [from, to] = [addDays(tally.period_start, -slack), addDays(tally.period_end, slack)]
  for (const i of linked) t.ok(i.date_start! >= from && i.date_end! <= to, `${i.id} falls in ${from}..${to}`)
  // Every incident in the period that the record blames on ISKP is linked; linked incidents are attacks.
  for (const i of incidents) {
    const inPeriod = i.date_start! >= from && i.date_end! <= to
    const iskp = (i.responsibility ?? []).some((r) => slugOf(r.actor) === 'iskp')
    if (inPeriod && iskp) t.ok(tally.incident_ids?.includes(i.id), `${i.id}: an ISKP attack in the period is linked`)
  }
  for (const i of linked) t.not(i.type, 'security_operation', `${i.id} is an attack, not an operation`)
  t.match(tally.notes ?? '', /Kaj/, 'the notes say which incidents and why')

  const sum = (k: 'killed' | 'wounded', f: 'best' | 'low' | 'high') => {
    const values = linked.map((i) => val(i[k]?.[f]))
    const known = values.filter((v): v is number => v !== null).reduce((a, b) => a + b, 0)
    return { known, complete: values.every((v) => v !== null) }
  }
  // Killed: the linked incidents add up to the tally's 96 exactly (Kaj 53 + Aybak 19 + Hizb-e-Islami 1 + Herat 5 + 4 + 14).
  t.equal(sum('killed', 'best').known, tally.killed!.best, 'killed (best) agrees exactly with the tally')
  t.equal(sum('killed', 'low').known, tally.killed!.low, 'killed (low) agrees exactly')
  t.equal(sum('killed', 'high').complete, false, 'killed high stays open, like the tally')
  // Wounded: 163, one more than the tally's 141 + 21 = 162; the one is the embassy's guard, neither civilian nor Taliban.
  t.equal(tally.wounded?.best, 162)
  t.equal(sum('wounded', 'best').known, 163, 'wounded (best) of the linked incidents')
  t.equal(sum('wounded', 'best').known - tally.wounded!.best!, 1, 'one more than the tally: the embassy guard')
  const embassy = linked.find((i) => i.targets?.includes('diplomatic_mission'))!
  t.same(reportOf(embassy, S004)?.breakdown?.map((b) => b.group), ['security_personnel'], 'the embassy\'s one wounded is a guard')
  t.match(tally.notes ?? '', /163/, 'the difference is documented')
  // Taliban casualties match the tally's group figures exactly.
  const group = (outcome: 'killed' | 'wounded', g: string) => linked.flatMap((i) => i.reports.flatMap((r) => r.breakdown ?? []))
    .filter((b) => b.outcome === outcome && b.group === g).reduce((a, b) => a + (val(b.best) ?? 0), 0)
  const tallyGroup = (outcome: 'killed' | 'wounded', g: string) => tally.breakdown?.find((b) => b.outcome === outcome && b.group === g)?.best
  t.equal(group('killed', 'taliban_forces'), tallyGroup('killed', 'taliban_forces'), 'Taliban killed: 23')
  t.equal(group('wounded', 'taliban_forces'), tallyGroup('wounded', 'taliban_forces'), 'Taliban wounded: 21')
})

t.test('actor estimates are sourced', async (t) => {
  const iskp = actors.find((a) => a.slug === 'iskp')!
  const un = (iskp.estimates ?? []).find((e) => sourceById.get(e.source)?.publisher === 'United Nations')
  t.match(un, { measure: 'fighters', low: 2000, high: 3000, best: null }, 'ISKP: around 2,000 to 3,000 fighters per the UN')
  t.ok((iskp.estimates ?? []).some((e) => e.source === S002 && e.low === 2000 && e.high === 3000), 'and in the report\'s own lede')
  const taliban = actors.find((a) => a.slug === 'taliban')!
  t.ok((taliban.estimates ?? []).some((e) => sourceById.get(e.source)?.publisher === 'United Nations' && e.best === 100_000), 'Taliban: 100,000 per the UN')
  t.ok((taliban.estimates ?? []).some((e) => e.source === S002 && e.best === 100_000), 'and in the lede')
  for (const a of actors) {
    for (const e of a.estimates ?? []) {
      t.ok(textsFor(e.source).length > 0, `${a.id}: the estimate's source is a seed article or cited by one`)
      const published = latestPublication(e.source)
      if (published !== null) t.ok(e.as_of <= published, `${a.id}: estimate as of its source's date at the latest`)
    }
  }
})

t.test('coverage', async (t) => {
  t.ok(incidents.length >= 20, `${incidents.length} incidents`)
  t.ok(actors.length >= 60, `${actors.length} actors`)
  t.ok(statements.length >= 60, `${statements.length} statements`)
  t.ok(sources.length >= 17, `${sources.length} sources`)
  t.ok(tallies.length >= 1, `${tallies.length} tallies`)
  for (const i of incidents) t.ok(i.reports.some((r) => textsFor(r.source).length > 0), `${i.id}: reported by a seed article or a report one cites`)
  for (const id of articles.keys()) {
    t.ok(incidents.some((i) => i.reports.some((r) => r.source === id)), `${id}: reports at least one incident`)
    t.ok(statements.some((s) => s.source_ids.includes(id)), `${id}: carries at least one statement`)
  }
  const types = new Set(incidents.map((i) => i.type))
  for (const type of ['security_operation', 'explosion', 'targeted_killing', 'suicide_bombing', 'armed_assault']) t.ok(types.has(type as never), `an incident of type ${type}`)
})

t.test('sample of facts from the articles', async (t) => {
  // Jalalabad, September 2021: 3 killed / 18 wounded on the 18th (000); 8 killed over the weekend (001).
  const sept = incident((i) => i.province === 'AF-NAN' && i.occurred_on.startsWith('2021-09'))
  t.match(reportOf(sept, S000), { killed: { best: 3, low: 3, high: 3 }, wounded: { best: 18 } })
  t.match(reportOf(sept, S001), { killed: { best: 8 } })
  t.equal(reportOf(sept, S001)?.wounded, undefined, 'no wounded figure in the weekend report')
  t.match(sept.killed, { low: 3, best: 8, high: 8 })
  const septClaim = sept.responsibility?.find((r) => r.kind === 'claimed')
  t.match(septClaim, { source: S001, excerpt: 'ISIS claimed responsibility for the attacks.' })
  t.equal(slugOf(septClaim?.actor), 'islamic-state', '"ISIS claimed": the Islamic State, by the name rule')
  t.ok(sept.responsibility?.some((r) => r.kind === 'attributed' && slugOf(r.actor) === 'iskp' && r.source === S001), 'the headline\'s ISIS-K kept apart')
  t.ok(sept.no_claim?.some((n) => n.source === S000), '"no individual or group has claimed" (000) kept beside the claim')
  t.ok(sept.related?.some((r) => r.kind === 'same_perpetrators'), 'linked to the airport attack by 002')
  t.ok(incident((i) => i.occurred_on === '2021-11-07').related?.some((r) => r.incident === sept.id && r.kind === 'same_series'), 'Jalalabad series')

  // Kabul airport: 169 Afghans and 13 US service members.
  const airport = incident((i) => i.targets?.includes('airport') === true)
  t.match(airport, { occurred_on: '2021-08-26', date_precision: 'day', killed: { best: 182 } })
  t.same(reportOf(airport, S001)?.breakdown?.map((b) => [b.group, b.best]), [['afghan_nationals', 169], ['foreign_military', 13]])

  // Kabul military hospital: ISKP claim (000); "no immediate claim" (003) as of 2021-11-02.
  const hospital = incident((i) => i.targets?.includes('hospital') === true)
  t.ok(hospital.responsibility?.some((r) => r.kind === 'claimed' && slugOf(r.actor) === 'iskp' && r.source === S000))
  t.match(hospital.no_claim, [{ source: S003, as_of: '2021-11-02' }])

  // Kandahar and Kunduz: "no one has claimed" (003), then via Anadolu "claimed" (Kandahar) and "orchestrating" (Kunduz).
  const kandahar = incident((i) => i.province === 'AF-KAN')
  const kunduz = incident((i) => i.province === 'AF-KDZ')
  for (const i of [kandahar, kunduz]) {
    t.match(i, { date_start: '2021-10-01', date_end: '2021-10-31', date_precision: 'month' })
    t.ok(i.no_claim?.some((n) => n.source === S003), `${i.id}: no claim as of 003`)
  }
  t.ok(kandahar.responsibility?.some((r) => r.kind === 'claimed' && r.wording === 'claimed' && sourceById.get(r.source)?.publisher === 'Anadolu Agency'))
  t.notOk(kunduz.responsibility?.some((r) => r.kind === 'claimed'), 'Kunduz is "orchestrating", not claimed')
  t.ok(kunduz.responsibility?.some((r) => r.wording === 'orchestrating' && slugOf(r.asserted_by) === 'anadolu-agency'))
  t.ok(kandahar.related?.some((r) => r.incident === kunduz.id && r.kind === 'same_series'))

  // Targeted killings in Nangarhar and Parwan: one per province, figures unknown, "orchestrating".
  for (const code of ['AF-NAN', 'AF-PAR']) {
    const i = incident((i) => i.province === code && i.type === 'targeted_killing')
    t.same([i.killed, i.wounded], [undefined, undefined], `${i.id}: no figures`)
    t.match(i.responsibility, [{ kind: 'attributed', wording: 'orchestrating', voice: 'actor' }])
  }

  // The Taliban's October 2021 dismantling of "a Daesh hideout in the capital Kabul".
  const hideout = incident((i) => i.type === 'security_operation' && i.date_start === '2021-10-01')
  t.match(hideout, { province: 'AF-KAB', date_precision: 'month', date_end: '2021-10-31' })
  t.ok(hideout.responsibility?.some((r) => r.kind === 'claimed' && slugOf(r.actor) === 'taliban' && r.wording === 'claimed to have dismantled'))

  // Mujahid's operation in Kabul's 8th security district: a response to the Kaj attack, fighters killed without a number.
  const kaj = incident((i) => i.title.includes('Kaj'))
  const op = incident((i) => i.type === 'security_operation' && i.place?.includes('8th security district') === true)
  t.ok(op.related?.some((r) => r.incident === kaj.id && r.kind === 'response_to'), 'response_to the Kaj attack')
  t.equal(op.perpetrators_killed, undefined, '"a bunch of its fighters": no number')
  t.equal(op.killed, undefined)
  t.ok(op.participants?.some((p) => slugOf(p.actor) === 'iskp' && p.role === 'target' && p.outcome === 'killed'))
  t.match(op.summary, /bunch of its fighters/)
  t.ok(kaj.responsibility?.some((r) => r.kind === 'attributed' && slugOf(r.actor) === 'iskp' && slugOf(r.asserted_by) === 'taliban'))
  t.match(kaj, { occurred_on: '2022-09-28', killed: { low: 53, best: 53, high: null } })

  // Wazir Akbar Khan mosque: an explosion in Kabul known from Mujahid's quote, no figures.
  const wak = incident((i) => i.place?.includes('Wazir Muhammad Akbar Khan') === true)
  t.match(wak, { type: 'explosion', province: 'AF-KAB' })
  t.ok(op.related?.some((r) => r.incident === wak.id && r.kind === 'response_to'))

  // Pakistani embassy: ambassador unhurt, guard wounded, suspect arrested, ISKP claim to be verified by Pakistan.
  const embassy = incident((i) => i.targets?.includes('diplomatic_mission') === true)
  t.match(embassy, { occurred_on: '2022-12-02', wounded: { best: 1, low: 1, high: 1 } })
  t.ok(embassy.participants?.some((p) => slugOf(p.actor) === 'obaid-ul-rehman-nizamani' && p.role === 'target' && p.outcome === 'unhurt'))
  t.ok(embassy.participants?.some((p) => slugOf(p.actor) === 'israr-mohammad' && p.outcome === 'wounded'))
  t.ok(embassy.follow_ups?.some((f) => f.kind === 'arrest' && slugOf(f.actor) === 'taliban' && f.count === 1), 'a suspect with two guns arrested')
  t.ok(embassy.follow_ups?.some((f) => f.kind === 'investigation' && slugOf(f.actor) === 'pakistan-ministry-of-foreign-affairs'))
  const claim = embassy.responsibility?.find((r) => r.kind === 'claimed')
  t.equal(slugOf(claim?.actor), 'iskp')
  t.equal(claim?.challenge?.kind, 'to_be_verified')
  t.ok(['pakistan', 'pakistan-ministry-of-foreign-affairs'].includes(slugOf(claim?.challenge?.by) ?? ''), 'challenged by Pakistan')

  // Hizb-e-Islami office: Hekmatyar unhurt; the two attackers killed by his bodyguards are perpetrators, not victims.
  const hizb = incident((i) => i.targets?.includes('political_party') === true)
  t.match(hizb, { killed: { best: 1 }, wounded: { best: 2 }, perpetrators_killed: { best: 2, low: 2, high: 2 } })
  t.ok(hizb.participants?.some((p) => slugOf(p.actor) === 'gulbuddin-hekmatyar' && p.outcome === 'unhurt'))
  t.ok(hizb.participants?.some((p) => p.role === 'perpetrator' && p.count === 2 && p.outcome === 'killed'))
  t.equal(statementsOf(hizb).filter((s) => s.kind === 'condemnation').length, 3, 'Hekmatyar, Karzai, Abdullah condemn it')

  // Jalalabad, 3 December 2022: six civilians wounded, two more landmines neutralised, no claim, ISKP suspected.
  const charan = incident((i) => i.occurred_on === '2022-12-03')
  t.match(charan, { type: 'ied', wounded: { best: 6 } })
  t.ok(charan.follow_ups?.some((f) => f.kind === 'devices_defused' && f.count === 2))
  t.ok(charan.no_claim?.some((n) => n.source === S004 && n.as_of === '2022-12-05'))
  t.same(charan.responsibility?.map((r) => [r.kind, slugOf(r.actor), r.voice]), [['suspected', 'iskp', 'source']])

  // Aybak: UNAMA 19 killed / 23 injured, 20 children among the dead, no claim, UNAMA investigation.
  const aybak = incident((i) => i.province === 'AF-SAM')
  t.match(aybak, { killed: { best: 19, low: 19 }, wounded: { best: 23 } })
  t.ok(aybak.reports.some((r) => r.breakdown?.some((b) => b.group === 'children' && b.outcome === 'killed' && b.best === 20)))
  t.ok(aybak.reports.some((r) => sourceById.get(r.source)?.kind === 'un_report' && r.killed?.best === 19))
  t.ok(aybak.no_claim?.some((n) => n.source === S004))
  t.ok(aybak.follow_ups?.some((f) => f.kind === 'investigation' && slugOf(f.actor) === 'unama'))

  // Herat: minibus (ISKP claim), Injil (4 + 3), Fargh Shahr (14), Taliban breakdowns.
  const minibus = incident((i) => i.title.includes('minibus'))
  t.match(minibus, { killed: { best: 5 }, wounded: { best: 18 } })
  t.ok(reportOf(minibus, S004)?.breakdown?.some((b) => b.group === 'taliban_forces' && b.outcome === 'killed' && b.best === 5))
  t.ok(minibus.responsibility?.some((r) => r.kind === 'claimed' && slugOf(r.actor) === 'iskp'))
  t.match(incident((i) => i.district === 'Injil'), { killed: { best: 4 }, wounded: { best: 3 } })
  t.match(incident((i) => i.place === 'Fargh Shahr area'), { killed: { best: 14 } })

  // Mujahid's verbatim words; the source dates.
  const mujahid = statements.filter((s) => slugOf(s.speaker) === 'zabihullah-mujahid')
  t.match(mujahid.find((s) => s.text === 'We do not see anyone in Afghanistan who has anything to do with al Qaeda'),
    { kind: 'denial', text_kind: 'quote', said_on: '2021-09-21', date_precision: 'day' })
  t.match(sourceById.get(S004), { published_on: '2022-12-05', author: 'Fahim Amin', publisher: 'Hasht-e Subh' })
  t.match(sourceById.get(S003), { published_on: '2021-11-02', date_precision: 'week' })
  t.ok(sourceById.get(S001)?.cites?.some((c) => sourceById.get(c.source)?.publisher === 'SouthFront'), '001 is via Southfront')
})
