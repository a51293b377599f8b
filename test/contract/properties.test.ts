/** Property-based contract tests (fast-check): arbitrary parameter values never break the contract, and every documented filter really filters. */
import fc from 'fast-check'
import t, { type Test } from 'tap'
import { buildTestApp } from '../helper.ts'
import { authorize, contractKeys } from './auth.ts'
import {
  buildUrl, discoverPathValues, enumValues, inject, isListOperation, namesParameter, operation, operations,
  parameterAccepts, pathFor, schemaTypes, sent, spec, validateResponse, type Operation, type Parameter, type RequestSpec
} from './spec.ts'

const { app, database } = await buildTestApp(t)
// Lists behind a key (API keys) are read with a key of the scope they document.
const keys = await contractKeys(database.handle.db, operations)
const pathValues = await discoverPathValues(app, (op) => authorize(op, keys))

const listOps = operations.filter((op) => op.method === 'GET' && isListOperation(op))
const queryParam = (op: Operation, name: string) => op.parameters.find((p) => p.in === 'query' && p.name === name)

/** One checked GET: the response must conform to the document, else the property fails with the reason. */
async function get (op: Operation, query: Array<[string, string]>, path = pathFor(op, pathValues)) {
  const request: RequestSpec = { path, query }
  const url = buildUrl(op, request)
  const response = await inject(app, url, authorize(op, keys))
  const verdict = validateResponse(op, response)
  if (!verdict.ok) throw new Error(`CONTRACT VIOLATION GET ${url.slice(0, 300)} -> ${response.statusCode}: ${verdict.errors.join('; ')}; body ${response.body.slice(0, 300)}`)
  return { url, status: response.statusCode, body: verdict.body }
}

/** Runs a property and records one assertion whose message carries fast-check's counterexample report. */
async function holds (t: Test, name: string, property: fc.IAsyncPropertyWithHooks<any> | fc.IAsyncProperty<any>, numRuns: number, examples: any[][] = []) {
  const before = sent.requests
  const details = await fc.check(property, { numRuns, examples })
  const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? '')
  t.ok(!details.failed, details.failed
    ? `PROPERTY FAILED ${name}: ${reason} -- counterexample ${JSON.stringify(details.counterexample)} (seed ${details.seed}, path "${details.counterexamplePath}")`
    : `${name} (${details.numRuns} runs, ${sent.requests - before} requests)`)
}

/** A filter property, plus proof it was not vacuous: some runs returned items, some across several pages. */
async function holdsOnData (t: Test, name: string, property: fc.IAsyncProperty<any>, numRuns: number, unfiltered: Record<string, unknown>) {
  const before = { ...walked }
  // One run without filters at limit 1 always walks several pages of real items.
  await holds(t, name, property, numRuns, [[{ dates: [undefined, undefined], ...unfiltered, limit: 1 }]])
  const runs = walked.runs - before.runs
  const nonEmpty = walked.nonEmpty - before.nonEmpty
  const paged = walked.paged - before.paged
  t.ok(nonEmpty >= Math.max(2, runs / 20) && paged > 0, `${name}: ${nonEmpty} of ${runs} filtered lists had items, ${paged} spanned several pages`)
}

const expectBadParameter = (res: { url: string, status: number, body: any }, ...names: string[]) => {
  if (res.status !== 400 || !names.some((n) => namesParameter(res.body, n, 'query'))) {
    throw new Error(`GET ${res.url.slice(0, 300)}: expected a 400 invalid_parameter naming ${names.join(' or ')}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
  }
}

const expectOk = (res: { url: string, status: number, body: any }) => {
  if (res.status !== 200) throw new Error(`GET ${res.url.slice(0, 300)}: expected 200, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c))
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const injection = fc.constantFrom("' OR 1=1 --", "%' ; drop table incidents; --", '<script>alert(1)</script>', '../../etc/passwd',
  '${jndi:ldap://x}', '\\', '%', '_', ',', 'ننګرهار', 'e\u0301', '\u202E', '{"$ne":null}')

/** Any text: printable ASCII, any code point, graphemes, control characters, lengths around the 200 limit, injection-looking strings. */
const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 15 }),
  fc.string({ unit: fc.oneof(controlChar, loneSurrogate, fc.constantFrom('a', ' ', '%', '_', "'", ',', '\u0000')), maxLength: 12 }),
  fc.string({ minLength: 195, maxLength: 205 }),
  injection
)

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** Strings shaped like dates: valid and impossible calendar dates over years 0000-9999, plus malformed spellings. */
const dateish = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    y: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 1900, 2000, 2020, 2021, 2022, 2024, 9999)),
    m: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 })
  }).map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`) },
  { weight: 1, arbitrary: fc.constantFrom('2021-1-1', '2021/01/01', '20210101', '2021-01-01T00:00:00Z', ' 2021-01-01', '2021-01-01 ',
    '21-01-01', '+2021-01-01', '2021-W01-1', '2021-001', 'yesterday', '') }
)

/** How many walks ran, returned items, and spanned several pages: a filter property that only ever sees empty lists proves nothing. */
const walked = { runs: 0, nonEmpty: 0, paged: 0 }

/** Every item of a list, following next_cursor, each page checked against the document. */
async function walk (op: Operation, query: Array<[string, string]>, path: Record<string, string>): Promise<any[]> {
  const items: any[] = []
  let cursor: string | null = null
  for (let pages = 1; pages <= 200; pages++) {
    const res = await get(op, cursor === null ? query : [...query, ['cursor', cursor]], path)
    expectOk(res)
    items.push(...res.body.data)
    cursor = res.body.next_cursor
    if (cursor === null) {
      walked.runs++
      if (items.length > 0) walked.nonEmpty++
      if (pages > 1) walked.paged++
      return items
    }
  }
  throw new Error(`${op.operationId}: pagination does not end`)
}

// The whole dataset, read through the API once: the oracle for the filter properties.
const everything = async (opId: string) => walk(operation(opId), queryParam(operation(opId), 'limit') ? [['limit', '500']] : [], {})
const incidents = await everything('listIncidents')
const statements = await everything('listStatements')
const sources = await everything('listSources')
const actors = await everything('listActors')
const provinces = await everything('listProvinces')
const details = new Map<string, any>()
for (const incident of incidents) details.set(incident.id, (await get(operation('getIncident'), [], { id: incident.id })).body)

// ---------------------------------------------------------------------------------------------------------------
// Arbitrary values never break the contract

t.test('arbitrary text in any string query parameter: a documented status, a valid body, and a 400 naming it when the document rejects it', async (t) => {
  for (const op of listOps) {
    const params = op.parameters.filter((p) => p.in === 'query' && schemaTypes(p.schema).has('string'))
    if (params.length === 0) continue
    await holds(t, `${op.operationId}: ${params.map((p) => p.name).join(', ')}`, fc.asyncProperty(fc.constantFrom(...params.map((p) => p.name)), anyText, async (name: string, value: string) => {
      const param = params.find((p) => p.name === name) as Parameter
      const res = await get(op, [[param.name, value]])
      const accepts = parameterAccepts(param, value)
      if (accepts === false) expectBadParameter(res, param.name)
      else if (res.status === 400) expectBadParameter(res, param.name)
      else expectOk(res)
    }), 60)
  }
})

t.test('limit: 200 exactly when 1 <= limit <= 500, else a 400 naming limit', async (t) => {
  const ops = listOps.filter((op) => queryParam(op, 'limit'))
  const limit = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.integer(),
    fc.constantFrom(0, 1, 500, 501, -1),
    fc.bigInt({ min: 10n ** 15n, max: 10n ** 30n })
  )
  await holds(t, 'limit over every list operation', fc.asyncProperty(fc.constantFrom(...ops.map((o) => o.operationId)), limit, async (opId: string, n: number | bigint) => {
    const op = operation(opId)
    const res = await get(op, [['limit', String(n)]])
    if (n >= 1 && n <= 500) {
      expectOk(res)
      if (res.body.data.length > Number(n)) throw new Error(`GET ${res.url}: ${res.body.data.length} items for limit ${n}`)
    } else {
      expectBadParameter(res, 'limit')
    }
  }), 100)
})

t.test('limit spelled as any number (fractions, NaN, Infinity, exponents): never a 5xx; a 400 naming limit or a page no longer than asked', async (t) => {
  const ops = listOps.filter((op) => queryParam(op, 'limit'))
  const spelling = fc.oneof(
    fc.double().map(String),
    fc.constantFrom('1e309', '-1e309', 'Infinity', '-Infinity', 'NaN', '1e2', '5.0', '0x10', '0b11', ' 7', '+7', '1_0', '٣')
  )
  await holds(t, 'numeric spellings of limit over every list operation', fc.asyncProperty(fc.constantFrom(...ops.map((o) => o.operationId)), spelling, async (opId: string, text: string) => {
    const res = await get(operation(opId), [['limit', text]])
    if (res.status === 400) return expectBadParameter(res, 'limit')
    expectOk(res)
    const n = Number(text)
    if (!(Number.isInteger(n) && n >= 1 && n <= 500)) throw new Error(`GET ${res.url}: limit ${JSON.stringify(text)} is not an integer from 1 to 500, yet the page was served`)
    if (res.body.data.length > n) throw new Error(`GET ${res.url}: ${res.body.data.length} items for limit ${text}`)
  }), 60)
})

t.test('start_date/end_date: a 400 exactly when the document rejects a date (not a calendar date) or start is after end', async (t) => {
  const ops = listOps.filter((op) => queryParam(op, 'start_date') && queryParam(op, 'end_date'))
  await holds(t, 'dates over every list operation with a date range', fc.asyncProperty(
    fc.constantFrom(...ops.map((o) => o.operationId)), fc.option(dateish, { nil: undefined }), fc.option(dateish, { nil: undefined }),
    async (opId: string, start?: string, end?: string) => {
      const op = operation(opId)
      const query: Array<[string, string]> = []
      if (start !== undefined) query.push(['start_date', start])
      if (end !== undefined) query.push(['end_date', end])
      const res = await get(op, query)
      // The document decides which dates are valid (its `date` format and any pattern); the server must agree.
      const invalid = (['start_date', 'end_date'] as const).filter((n) => {
        const value = n === 'start_date' ? start : end
        return value !== undefined && parameterAccepts(queryParam(op, n)!, value) === false
      })
      if (invalid.length > 0) expectBadParameter(res, ...invalid)
      else if (start !== undefined && end !== undefined && start > end) expectBadParameter(res, 'start_date', 'end_date')
      else expectOk(res)
    }), 100)
})

const base64url = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''))

t.test('cursor: arbitrary base64url is a 400 invalid_parameter naming cursor', async (t) => {
  const ops = listOps.filter((op) => queryParam(op, 'cursor'))
  await holds(t, 'random cursors over every list operation', fc.asyncProperty(
    fc.constantFrom(...ops.map((o) => o.operationId)), fc.string({ unit: base64url, minLength: 1, maxLength: 512 }),
    async (opId: string, cursor: string) => expectBadParameter(await get(operation(opId), [['cursor', cursor]]), 'cursor')), 100)
})

t.test('cursor: a real cursor with its keys replaced is answered with 200 or a 400 naming cursor, never a 5xx', async (t) => {
  const ops = listOps.filter((op) => queryParam(op, 'cursor'))
  const real = new Map<string, unknown[]>()
  for (const op of ops) {
    const res = await get(op, [['limit', '1']])
    const cursor = res.body?.next_cursor
    if (typeof cursor !== 'string') continue
    try {
      const keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
      if (Array.isArray(keys)) real.set(op.operationId, keys)
    } catch {
      t.comment(`${op.operationId}: next_cursor is not base64url JSON; not forged`)
    }
  }
  if (real.size === 0) return t.comment('no list operation issues a base64url JSON cursor: nothing to forge')
  const key = fc.oneof({ weight: 4, arbitrary: dateish }, { weight: 2, arbitrary: anyText }, { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant([])) })
  await holds(t, `forged cursors over ${[...real.keys()].join(', ')}`, fc.asyncProperty(
    fc.constantFrom(...real.keys()), fc.array(key, { minLength: 2, maxLength: 2 }), fc.boolean(),
    async (opId: string, replacements: unknown[], keepLast: boolean) => {
      // Replace the first sort key (and the others unless keepLast), keeping the tag: how a tampered cursor looks.
      const original = real.get(opId)!
      const keys = original.map((v, i) => (i === 0 || (keepLast && i === original.length - 1 && i > 1) ? v : replacements[(i - 1) % 2]))
      const op = operation(opId)
      const res = await get(op, [['cursor', Buffer.from(JSON.stringify(keys)).toString('base64url')]])
      if (res.status !== 200) expectBadParameter(res, 'cursor')
    }), 80)
})

// ---------------------------------------------------------------------------------------------------------------
// Every documented filter filters: walk every page of a filtered list and compare with the filter applied by hand

const actorById = new Map<string, any>(actors.map((a: any) => [a.id, a]))
/** An actor as a filter value: its id, its slug or one of its own aliases (an alias no other actor has), in any case for the slug or alias. */
const actorValue = (ids: string[]) => fc.tuple(fc.constantFrom(...ids), fc.constantFrom('id', 'slug', 'alias'), fc.boolean(), fc.nat()).map(([id, by, upper, n]) => {
  const actor = actorById.get(id)
  const aliases: string[] = (actor?.aliases ?? []).filter((a: string) => actors.filter((o: any) => o.aliases.some((b: string) => b.toLowerCase() === a.toLowerCase())).length === 1)
  const value: string = by === 'slug' && actor ? actor.slug : by === 'alias' && aliases.length > 0 ? aliases[n % aliases.length]! : id
  return { id, value: upper && value !== id ? value.toUpperCase() : value }
})
/** The actor and every actor below it in the parent tree. */
const withBranches = (id: string): string[] => {
  const ids = [id]
  for (let i = 0; i < ids.length; i++) for (const a of actors) if (a.parent?.id === ids[i] && !ids.includes(a.id)) ids.push(a.id)
  return ids
}
/** Is the record's window [start, end] matched by the range: overlapping it, or (within) wholly inside it. */
const windowMatches = (start: string, end: string, range: [string | undefined, string | undefined], within: boolean) =>
  within
    ? (range[0] === undefined || start >= range[0]) && (range[1] === undefined || end <= range[1])
    : (range[0] === undefined || end >= range[0]) && (range[1] === undefined || start <= range[1])
const randomCase = (text: string) => fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length })
  .map((flags) => [...text].map((c, i) => (flags[i] ? c.toUpperCase() : c.toLowerCase())).join(''))
const wordsOf = (texts: Array<string | null | undefined>) => [...new Set(texts.flatMap((x) => (x ?? '').split(/[^A-Za-z]+/)).filter((w) => w.length >= 4))]
const textFilter = (texts: Array<string | null | undefined>) => fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...wordsOf(texts)).chain(randomCase) },
  { weight: 1, arbitrary: fc.constantFrom('zzqx', '%', '_', "'") }
)
/** Small pages most of the time, so that filtered lists span several pages. */
const pageSize = fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.integer({ min: 2, max: 4 }) }, { weight: 1, arbitrary: fc.constant(500) })
/** Absent two times in three: filters combine, and too many at once leave nothing to check. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary })
const dateRange = (dates: string[]) => fc.tuple(sometimes(fc.constantFrom(...dates)), sometimes(fc.constantFrom(...dates)))
  .map(([a, b]) => (a !== undefined && b !== undefined && a > b ? [b, a] : [a, b]) as [string | undefined, string | undefined])
const contains = (texts: Array<string | null | undefined>, q: string) => texts.some((x) => (x ?? '').toLowerCase().includes(q.toLowerCase()))
const byDateThenIdDesc = (date: (x: any) => string) => (a: any, b: any) =>
  date(a) === date(b) ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : (date(a) < date(b) ? 1 : -1)

/** Compares a walked list with the expected items, naming each returned item that breaks a filter. */
function compare (label: string, got: any[], expected: any[], violations: (item: any) => string[]) {
  const wrong = got.map((item) => [item.id ?? item.code, violations(item)] as const).filter(([, v]) => v.length > 0)
  if (wrong.length > 0) throw new Error(`${label}: returned items break the filters: ${wrong.map(([id, v]) => `${id} (${v.join(', ')})`).join('; ')}`)
  const ids = (items: any[]) => items.map((i) => i.id).join(',')
  if (new Set(got.map((i) => i.id)).size !== got.length) throw new Error(`${label}: an item appears twice across pages: ${ids(got)}`)
  if (ids(got) !== ids(expected)) throw new Error(`${label}: expected [${ids(expected)}] in this order, got [${ids(got)}]`)
}

const incidentTypes = (spec.components.schemas.IncidentType.enum as string[])
const statementKinds = (enumValues(queryParam(operation('listStatements'), 'kind')!.schema) ?? []).map(String)
const sourceKinds = (enumValues(queryParam(operation('listSources'), 'kind')!.schema) ?? []).map(String)
const actorKinds = (enumValues(queryParam(operation('listActors'), 'kind')!.schema) ?? []).map(String)
const responsibleActors = [...new Set(incidents.flatMap((i: any) => i.responsibility.map((r: any) => r.actor.id as string)))]
const speakers = [...new Set(statements.flatMap((s: any) => [s.speaker.id, s.on_behalf_of?.id].filter(Boolean) as string[]))]
const participantActors = [...new Set(incidents.flatMap((i: any) => i.participants.filter((p: any) => p.actor !== null).map((p: any) => p.actor.id as string)))]

t.test('incident filters filter: every returned incident satisfies them, and none that does is missing', async (t) => {
  const provinceSpelling = fc.constantFrom(...provinces).chain((p: any) => fc.constantFrom(p.code, p.name, ...p.aliases).chain(randomCase).map((value) => ({ code: p.code as string, value })))
  const usedProvinces = provinces.filter((p: any) => incidents.some((i: any) => i.province?.code === p.code))
  const likelyProvince = fc.constantFrom(...usedProvinces).map((p: any) => ({ code: p.code as string, value: p.name as string }))
  const filters = fc.record({
    provinces: sometimes(fc.uniqueArray(fc.oneof(likelyProvince, provinceSpelling), { minLength: 1, maxLength: 3, selector: (p) => p.code })),
    dates: dateRange([...incidents.flatMap((i: any) => [i.occurred_on, i.date_start, i.date_end] as string[]), '2021-08-15', '2021-10-15', '2030-01-01']),
    within: fc.boolean(),
    claimedBy: sometimes(actorValue(responsibleActors)),
    attributedTo: sometimes(actorValue(responsibleActors)),
    actor: sometimes(actorValue([...responsibleActors, ...speakers, ...participantActors])),
    branches: fc.boolean(),
    types: sometimes(fc.uniqueArray(fc.constantFrom(...incidentTypes), { minLength: 1, maxLength: 3 })),
    q: sometimes(textFilter(incidents.flatMap((i: any) => [i.title, i.place, i.district]))),
    limit: pageSize,
    scope: fc.constantFrom('listIncidents', 'listIncidents', 'listActorIncidents', 'listSourceIncidents'),
    scopeActor: actorValue(responsibleActors),
    scopeSource: fc.constantFrom(...sources.map((s: any) => s.id as string))
  })

  const actorInvolved = (incident: any, ids: string[]) => incident.responsibility.some((r: any) => ids.includes(r.actor.id)) ||
    incident.participants.some((p: any) => p.actor !== null && ids.includes(p.actor.id)) ||
    details.get(incident.id)?.statements.some((s: any) => ids.includes(s.speaker.id) || (s.on_behalf_of !== null && ids.includes(s.on_behalf_of.id)))

  await holdsOnData(t, 'incident filters on listIncidents, listActorIncidents and listSourceIncidents', fc.asyncProperty(filters, async (f) => {
    const op = operation(f.scope)
    const query: Array<[string, string]> = [['limit', String(f.limit)]]
    if (f.provinces) query.push(['province', f.provinces.map((p) => p.value).join(',')])
    if (f.dates[0]) query.push(['start_date', f.dates[0]])
    if (f.dates[1]) query.push(['end_date', f.dates[1]])
    if (f.within && (f.dates[0] || f.dates[1])) query.push(['date_match', 'within'])
    if (f.claimedBy) query.push(['claimed_by', f.claimedBy.value])
    if (f.attributedTo) query.push(['attributed_to', f.attributedTo.value])
    if (f.actor && queryParam(op, 'actor')) query.push(['actor', f.actor.value])
    if (f.branches) query.push(['include_branches', 'true'])
    if (f.types) query.push(['type', f.types.join(',')])
    if (f.q) query.push(['q', f.q])
    const path: Record<string, string> = f.scope === 'listActorIncidents' ? { id: f.scopeActor.value } : f.scope === 'listSourceIncidents' ? { id: f.scopeSource } : {}
    const violations = (i: any) => {
      const broken: string[] = []
      if (f.provinces && !f.provinces.some((p) => p.code === i.province?.code)) broken.push(`province ${i.province?.code ?? null} not in ${f.provinces.map((p) => p.code)}`)
      if (!windowMatches(i.date_start, i.date_end, f.dates, f.within)) broken.push(`window ${i.date_start}..${i.date_end} does not match ${f.dates} (${f.within ? 'within' : 'overlaps'})`)
      const scoped = (id: string) => (f.branches ? withBranches(id) : [id])
      if (f.claimedBy && !i.responsibility.some((r: any) => r.kind === 'claimed' && scoped(f.claimedBy!.id).includes(r.actor.id))) broken.push(`no claimed entry by ${f.claimedBy.id}`)
      if (f.attributedTo && !i.responsibility.some((r: any) => ['claimed', 'attributed'].includes(r.kind) && scoped(f.attributedTo!.id).includes(r.actor.id))) broken.push(`no claimed/attributed entry for ${f.attributedTo.id}`)
      if (f.actor && queryParam(op, 'actor') && !actorInvolved(i, scoped(f.actor.id))) broken.push(`actor ${f.actor.id} not involved`)
      if (f.types && !f.types.includes(i.type)) broken.push(`type ${i.type} is not one of ${f.types}`)
      if (f.q && !contains([i.title, i.summary, i.district, i.place], f.q)) broken.push(`no "${f.q}" in title, summary, district or place`)
      if (f.scope === 'listActorIncidents' && !actorInvolved(i, scoped(f.scopeActor.id))) broken.push(`actor ${f.scopeActor.id} (path) not involved`)
      if (f.scope === 'listSourceIncidents' && !details.get(i.id)?.reports.some((r: any) => r.source.id === f.scopeSource)) broken.push(`source ${f.scopeSource} (path) does not report it`)
      return broken
    }
    const got = await walk(op, query, path)
    const expected = incidents.filter((i: any) => violations(i).length === 0).sort(byDateThenIdDesc((i) => i.occurred_on))
    compare(buildUrl(op, { path, query }), got, expected, violations)
  }), 60, { scope: 'listIncidents', scopeActor: { id: responsibleActors[0], value: responsibleActors[0] }, scopeSource: sources[0].id })
})

t.test('statement filters filter', async (t) => {
  const filters = fc.record({
    speaker: sometimes(actorValue([...new Set(statements.map((s: any) => s.speaker.id as string))])),
    actor: sometimes(actorValue(speakers)),
    incident: sometimes(fc.constantFrom(...incidents.map((i: any) => i.id as string))),
    kind: sometimes(fc.constantFrom(...statementKinds)),
    dates: dateRange([...statements.flatMap((s: any) => [s.said_on, s.date_start, s.date_end] as string[]), '2021-08-15']),
    within: fc.boolean(),
    q: sometimes(textFilter(statements.map((s: any) => s.text))),
    limit: pageSize,
    scope: fc.constantFrom('listStatements', 'listActorStatements', 'listIncidentStatements'),
    scopeActor: actorValue(speakers),
    scopeIncident: fc.constantFrom(...incidents.map((i: any) => i.id as string))
  })

  await holdsOnData(t, 'statement filters on listStatements, listActorStatements and listIncidentStatements', fc.asyncProperty(filters, async (f) => {
    const op = operation(f.scope)
    const query: Array<[string, string]> = [['limit', String(f.limit)]]
    if (f.speaker && queryParam(op, 'speaker')) query.push(['speaker', f.speaker.value])
    if (f.actor && queryParam(op, 'actor')) query.push(['actor', f.actor.value])
    if (f.incident && queryParam(op, 'incident')) query.push(['incident', f.incident])
    if (f.kind) query.push(['kind', f.kind])
    if (f.dates[0]) query.push(['start_date', f.dates[0]])
    if (f.dates[1]) query.push(['end_date', f.dates[1]])
    if (f.within && (f.dates[0] || f.dates[1])) query.push(['date_match', 'within'])
    if (f.q) query.push(['q', f.q])
    const path: Record<string, string> = f.scope === 'listActorStatements' ? { id: f.scopeActor.value } : f.scope === 'listIncidentStatements' ? { id: f.scopeIncident } : {}
    const given = new Set(query.map(([k]) => k))
    const speaksFor = (s: any, id: string) => s.speaker.id === id || s.on_behalf_of?.id === id
    const violations = (s: any) => {
      const broken: string[] = []
      if (given.has('speaker') && s.speaker.id !== f.speaker!.id) broken.push(`speaker ${s.speaker.id} is not ${f.speaker!.id}`)
      if (given.has('actor') && !speaksFor(s, f.actor!.id)) broken.push(`neither speaker nor on_behalf_of is ${f.actor!.id}`)
      if (given.has('incident') && !s.incident_ids.includes(f.incident)) broken.push(`not about ${f.incident}`)
      if (f.kind && s.kind !== f.kind) broken.push(`kind ${s.kind} is not ${f.kind}`)
      if (!windowMatches(s.date_start, s.date_end, f.dates, f.within)) broken.push(`window ${s.date_start}..${s.date_end} does not match ${f.dates} (${f.within ? 'within' : 'overlaps'})`)
      if (f.q && !contains([s.text], f.q)) broken.push(`no "${f.q}" in text`)
      if (f.scope === 'listActorStatements' && !speaksFor(s, f.scopeActor.id)) broken.push(`actor ${f.scopeActor.id} (path) neither speaker nor on_behalf_of`)
      if (f.scope === 'listIncidentStatements' && !s.incident_ids.includes(f.scopeIncident)) broken.push(`not about ${f.scopeIncident} (path)`)
      return broken
    }
    const got = await walk(op, query, path)
    const expected = statements.filter((s: any) => violations(s).length === 0).sort(byDateThenIdDesc((s) => s.said_on))
    compare(buildUrl(op, { path, query }), got, expected, violations)
  }), 50, { scope: 'listStatements', scopeActor: { id: speakers[0], value: speakers[0] }, scopeIncident: incidents[0].id })
})

t.test('source filters filter', async (t) => {
  const publishers = [...new Set(sources.map((s: any) => s.publisher).filter(Boolean) as string[])]
  const op = operation('listSources')
  const filters = fc.record({
    publishers: sometimes(fc.uniqueArray(fc.constantFrom(...publishers, 'Nobody Press').chain(randomCase), { minLength: 1, maxLength: 3, selector: (p) => p.toLowerCase() })),
    kind: sometimes(fc.constantFrom(...sourceKinds)),
    dates: dateRange([...sources.map((s: any) => s.published_on).filter(Boolean) as string[], '2021-08-15']),
    q: sometimes(textFilter(sources.flatMap((s: any) => [s.title, s.publisher, s.author]))),
    limit: pageSize
  })
  await holdsOnData(t, 'listSources filters', fc.asyncProperty(filters, async (f) => {
    const query: Array<[string, string]> = [['limit', String(f.limit)]]
    if (f.publishers) query.push(['publisher', f.publishers.join(',')])
    if (f.kind) query.push(['kind', f.kind])
    if (f.dates[0]) query.push(['start_date', f.dates[0]])
    if (f.dates[1]) query.push(['end_date', f.dates[1]])
    if (f.q) query.push(['q', f.q])
    const violations = (s: any) => {
      const broken: string[] = []
      if (f.publishers && !f.publishers.some((p) => p.toLowerCase() === (s.publisher ?? '').toLowerCase())) broken.push(`publisher ${s.publisher} not in ${f.publishers}`)
      if (f.kind && s.kind !== f.kind) broken.push(`kind ${s.kind} is not ${f.kind}`)
      if (f.dates[0] && (s.published_on === null || s.published_on < f.dates[0])) broken.push(`published_on ${s.published_on} before start_date`)
      if (f.dates[1] && (s.published_on === null || s.published_on > f.dates[1])) broken.push(`published_on ${s.published_on} after end_date`)
      if (f.q && !contains([s.title, s.publisher, s.author], f.q)) broken.push(`no "${f.q}" in title, publisher or author`)
      return broken
    }
    const got = await walk(op, query, {})
    const expected = sources.filter((s: any) => violations(s).length === 0).sort(byDateThenIdDesc((s) => s.published_on ?? '0001-01-01'))
    compare(buildUrl(op, { query }), got, expected, violations)
  }), 40, {})
})

t.test('actor filters filter', async (t) => {
  const op = operation('listActors')
  const filters = fc.record({
    q: sometimes(textFilter(actors.flatMap((a: any) => [a.name, a.slug, ...a.aliases]))),
    kind: sometimes(fc.constantFrom(...actorKinds)),
    limit: pageSize
  })
  await holdsOnData(t, 'listActors filters', fc.asyncProperty(filters, async (f) => {
    const query: Array<[string, string]> = [['limit', String(f.limit)]]
    if (f.q) query.push(['q', f.q])
    if (f.kind) query.push(['kind', f.kind])
    const violations = (a: any) => {
      const broken: string[] = []
      if (f.q && !contains([a.name, a.slug, ...a.aliases], f.q)) broken.push(`no "${f.q}" in name, slug or aliases`)
      if (f.kind && a.kind !== f.kind) broken.push(`kind ${a.kind} is not ${f.kind}`)
      return broken
    }
    const got = await walk(op, query, {})
    const expected = actors.filter((a: any) => violations(a).length === 0).sort((a: any, b: any) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    compare(buildUrl(op, { query }), got, expected, violations)
  }), 40, {})
})

t.test('requests sent', async (t) => {
  t.comment(`properties.test.ts sent ${sent.requests} requests`)
  t.pass(`${sent.requests} requests`)
})
