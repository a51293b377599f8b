/** Example client: the API from TypeScript with openapi-fetch and the types openapi-typescript generates from openapi/openapi.json. */
// Run it against a server (generate the types first, see README.md):
//   node --import tsx openapi/clients/example.ts http://localhost:3000
// With API_KEY set to a key with the write scope it also creates, edits and deletes a record.
import { pathToFileURL } from 'node:url'
import createClient from 'openapi-fetch'
import type { components, paths } from './generated/openapi-typescript/schema.d.ts'

type Incident = components['schemas']['Incident']
type IncidentReport = components['schemas']['IncidentReport']
type Figures = components['schemas']['Figures']
type Problem = components['schemas']['Problem']
type Statement = components['schemas']['Statement']

/** What the example found, so a test (or you) can check it. */
export interface Summary {
  baseUrl: string
  /** Incidents in Nangarhar claimed by or attributed to ISKP in 2021. */
  filtered: { query: FilteredQuery, incidents: Incident[] }
  /** Every incident, one page of `limit` at a time. */
  walk: { limit: number, pages: number, count: number, ids: string[] }
  /** One incident and each source's own account of it. */
  incident: { id: string, title: string, reports: ReportSummary[] }
  /** What the actor said, or what was said on its behalf. */
  statements: { actor: string, statements: Statement[] }
  /** The problem details the API answers to an invalid request. */
  invalidRequest: { status: number, problem: Problem }
  /** With an API key: a copy of the incident created, edited with If-Match, and deleted. */
  writes?: WriteSummary
}

export interface WriteSummary {
  id: string
  created: { status: number, etag: string, location: string, version: number }
  edited: { status: number, etag: string, title: string, version: number }
  stale: { status: number, code: string }
  deleted: { status: number }
  afterDelete: { status: number, code: string, lastRevision: string | undefined }
}

export interface FilteredQuery {
  province: string
  attributed_to: string
  start_date: string
  end_date: string
}

export interface ReportSummary {
  source_id: string
  publisher: string | null
  published_on: string | null
  occurred_on: string | null
  killed: Figures
  wounded: Figures
}

/** A request the API refused: carries its RFC 9457 problem details. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem

  constructor (what: string, status: number, problem: Problem) {
    super(`${what}: ${formatProblem(status, problem)}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
}

/** The two outcomes openapi-fetch returns: `data` on success, `error` (here always a Problem) otherwise. */
type Result<T> =
  | { data: T, error?: never, response: Response }
  | { data?: never, error: Problem, response: Response }

interface Page<T> { data: T[], next_cursor: string | null }

/** Returns the body of a successful response, or throws an ApiError with the problem details. */
function unwrap<T> (what: string, result: Result<T>): T {
  if (result.error !== undefined) throw new ApiError(what, result.response.status, result.error)
  return result.data
}

/** Follows `next_cursor` from the first page to the last; the API's stable ordering means each item comes once. */
async function walkPages<T> (what: string, fetchPage: (cursor: string | undefined) => Promise<Result<Page<T>>>): Promise<{ items: T[], pages: number }> {
  const items: T[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const page = unwrap(what, await fetchPage(cursor))
    items.push(...page.data)
    pages++
    cursor = page.next_cursor ?? undefined
  } while (cursor !== undefined)
  return { items, pages }
}

/** fetch rejects with "fetch failed" and puts the reason (ECONNREFUSED...) in `cause`. */
function describeFailure (error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message
}

export function formatProblem (status: number, problem: Problem | string): string {
  // A proxy in front of the API may answer with something that is not problem+json.
  if (typeof problem !== 'object' || problem === null) return `HTTP ${status} ${String(problem).slice(0, 200)}`
  const issues = (problem.errors ?? []).map(issue => `\n    - ${issue.in} ${issue.name}: ${issue.message}`).join('')
  return `HTTP ${problem.status} ${problem.code}: ${problem.detail}${issues}`
}

function formatFigures (figures: Figures): string {
  const show = (n: number | null): string => n === null ? '?' : String(n)
  if (figures.best === null && figures.low === null && figures.high === null) return 'unknown'
  return `${show(figures.best)} (low ${show(figures.low)}, high ${show(figures.high)})`
}

function summarizeReport (report: IncidentReport): ReportSummary {
  return {
    source_id: report.source.id,
    publisher: report.source.publisher,
    published_on: report.source.published_on,
    occurred_on: report.occurred_on,
    killed: report.killed,
    wounded: report.wounded
  }
}

/** The media types this client reads: JSON pages and items, and problems (lists also answer CSV, NDJSON and GeoJSON exports). */
type JsonMedia = 'application/json' | 'application/problem+json'

/** Runs every step against the API at baseUrl and returns what it found; `log` receives the readable output. With an API key (write scope), it also creates, edits and deletes a record. */
export async function runExample (baseUrl: string, log: (line: string) => void = console.log, apiKey?: string): Promise<Summary> {
  const api = createClient<paths, JsonMedia>({ baseUrl: baseUrl.replace(/\/+$/, '') })

  // 1. Filters combine with AND: a province (code or name), a claimant (actor slug or id) and a date range.
  const query: FilteredQuery = { province: 'Nangarhar', attributed_to: 'iskp', start_date: '2021-01-01', end_date: '2021-12-31' }
  const filtered = await walkPages('GET /v1/incidents (filtered)', cursor =>
    api.GET('/v1/incidents', { params: { query: { ...query, cursor } } }))
  log(`Incidents in ${query.province} claimed by or attributed to ${query.attributed_to}, ${query.start_date} to ${query.end_date}: ${filtered.items.length}`)
  for (const incident of filtered.items) {
    log(`  ${incident.occurred_on}  ${incident.title}  [${incident.id}]`)
    log(`    killed ${formatFigures(incident.killed)}, wounded ${formatFigures(incident.wounded)}`)
  }

  // 2. Walk every page of the collection, 5 at a time, following next_cursor until it is null.
  const limit = 5
  const all = await walkPages('GET /v1/incidents', cursor =>
    api.GET('/v1/incidents', { params: { query: { limit, cursor } } }))
  log(`\nAll incidents, ${limit} per page: ${all.items.length} in ${all.pages} pages`)

  // 3. One incident with each source's own date and figures: conflicting accounts stay visible.
  const first = filtered.items[0] ?? all.items[0]
  if (first === undefined) throw new Error('the API returned no incidents')
  const detail = unwrap(`GET /v1/incidents/${first.id}`, await api.GET('/v1/incidents/{id}', { params: { path: { id: first.id } } }))
  log(`\n${detail.title} (${detail.occurred_on}, ${detail.province?.name ?? 'province unknown'})`)
  log(`  reconciled: killed ${formatFigures(detail.killed)}, wounded ${formatFigures(detail.wounded)}`)
  for (const report of detail.reports) {
    const { source } = report
    log(`  ${source.publisher ?? 'unknown publisher'}, ${source.published_on ?? 'undated'}: "${source.title ?? source.id}"`)
    log(`    says ${report.occurred_on ?? 'no date'}; killed ${formatFigures(report.killed)}, wounded ${formatFigures(report.wounded)}  [${source.id}]`)
  }

  // 4. An actor's statements, by slug: what the actor said or what was said on its behalf.
  const actor = 'zabihullah-mujahid'
  const statements = await walkPages(`GET /v1/actors/${actor}/statements`, cursor =>
    api.GET('/v1/actors/{id}/statements', { params: { path: { id: actor }, query: { cursor } } }))
  log(`\nStatements by or for ${actor}: ${statements.items.length}`)
  for (const statement of statements.items) {
    const behalf = statement.on_behalf_of === null ? '' : ` for ${statement.on_behalf_of.name}`
    log(`  ${statement.said_on}  ${statement.kind}  ${statement.speaker.name}${behalf}: "${statement.text}"`)
  }

  // 5. Errors are RFC 9457 problem details: a start date after the end date is a 400, not an empty list.
  const invalid = await api.GET('/v1/incidents', { params: { query: { start_date: '2022-01-01', end_date: '2021-01-01' } } })
  if (invalid.error === undefined) throw new Error('expected a 400 for start_date after end_date')
  log(`\nAn invalid request is answered with problem details:\n  ${formatProblem(invalid.response.status, invalid.error)}`)

  const writes = apiKey === undefined ? undefined : await runWrites(baseUrl, apiKey, detail.id, log)

  return {
    baseUrl,
    writes,
    filtered: { query, incidents: filtered.items },
    walk: { limit, pages: all.pages, count: all.items.length, ids: all.items.map(incident => incident.id) },
    incident: { id: detail.id, title: detail.title, reports: detail.reports.map(summarizeReport) },
    statements: { actor, statements: statements.items },
    invalidRequest: { status: invalid.response.status, problem: invalid.error }
  }
}

/**
 * Writes: copy an incident's record (GET .../record, the format POST takes), create the copy (Idempotency-Key makes
 * a retry safe), edit it with a merge patch and If-Match, see a stale If-Match refused, delete it, and see it gone.
 */
async function runWrites (baseUrl: string, apiKey: string, sourceId: string, log: (line: string) => void): Promise<WriteSummary> {
  const api = createClient<paths, JsonMedia>({ baseUrl: baseUrl.replace(/\/+$/, ''), headers: { authorization: `Bearer ${apiKey}` } })
  const record = unwrap('GET record', await api.GET('/v1/incidents/{id}/record', { params: { path: { id: sourceId } } }))
  const id = `${sourceId}_example_copy`

  const created = await api.POST('/v1/incidents', {
    params: { header: { 'idempotency-key': `example-${id}` } },
    body: { ...record, id, title: `${record.title} (example copy)`, related: [] }
  })
  const copy = unwrap('POST /v1/incidents', created)
  const createdTag = created.response.headers.get('etag') ?? ''
  log(`\nCreated ${copy.id} (version ${copy.version}), ETag ${createdTag}`)

  const edited = await api.PATCH('/v1/incidents/{id}', {
    params: { path: { id }, header: { 'if-match': createdTag } },
    body: { title: 'Example copy, corrected' },
    headers: { 'content-type': 'application/merge-patch+json' }
  })
  const after = unwrap('PATCH /v1/incidents/{id}', edited)
  const editedTag = edited.response.headers.get('etag') ?? ''
  log(`Edited it with If-Match ${createdTag}: "${after.title}" (version ${after.version})`)

  // The first ETag is stale now: the API refuses to overwrite an edit the client has not seen.
  const stale = await api.PATCH('/v1/incidents/{id}', {
    params: { path: { id }, header: { 'if-match': createdTag } },
    body: { title: 'A lost update' },
    headers: { 'content-type': 'application/merge-patch+json' }
  })
  if (stale.error === undefined) throw new Error('expected a 412 for a stale If-Match')
  log(`A second edit with the old ETag is refused: ${formatProblem(stale.response.status, stale.error)}`)

  const deleted = await api.DELETE('/v1/incidents/{id}', { params: { path: { id }, header: { 'if-match': editedTag } } })
  if (deleted.error !== undefined) throw new ApiError('DELETE /v1/incidents/{id}', deleted.response.status, deleted.error)
  const gone = await api.GET('/v1/incidents/{id}', { params: { path: { id } } })
  if (gone.error === undefined) throw new Error('expected a 410 after the delete')
  log(`Deleted it; it now answers ${formatProblem(gone.response.status, gone.error)} (last revision: ${gone.error.last_revision})`)

  return {
    id,
    created: { status: created.response.status, etag: createdTag, location: created.response.headers.get('location') ?? '', version: copy.version },
    edited: { status: edited.response.status, etag: editedTag, title: after.title, version: after.version },
    stale: { status: stale.response.status, code: stale.error.code },
    deleted: { status: deleted.response.status },
    afterDelete: { status: gone.response.status, code: gone.error.code, lastRevision: gone.error.last_revision }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const baseUrl = process.argv[2] ?? process.env.API_URL ?? 'http://localhost:3000'
  try {
    await runExample(baseUrl, console.log, process.env.API_KEY)
  } catch (error) {
    if (error instanceof ApiError) console.error(`The API refused a request. ${error.message}`)
    else console.error(`Could not run the example against ${baseUrl}: ${describeFailure(error)}`)
    process.exitCode = 1
  }
}
