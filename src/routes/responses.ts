/** Response descriptors shared by every route: JSON bodies with their headers, 304, and problem+json errors. */
import { Type, type TObject, type TSchema } from '@sinclair/typebox'
import type { RouteOptions } from 'fastify'
import { isExempt } from '../plugins/rate-limit.ts'
import type { ExportResource } from '../export/columns.ts'
import { mediaTypes } from '../export/formats.ts'
import { exportDataset } from '../export/tables.ts'
import { Problem, ref, type ProblemBody } from '../schemas/common.ts'
import { exportContent, exportFormatsOf } from '../schemas/exports.ts'

const header = (description: string, example: string) => ({ description, type: 'string', examples: [example] })

const cachingHeaders = {
  ETag: header('Entity tag of this representation; send it back in `If-None-Match` to revalidate.', '"2f-1a2b3c"'),
  'Cache-Control': header('How long the response may be reused.', 'public, max-age=60, must-revalidate')
}

/** A 200 JSON body. */
export function json<T extends TSchema> (schema: T, description: string) {
  return { description, headers: cachingHeaders, content: { 'application/json': { schema } } }
}

const exportHeaders = (resource: ExportResource) => ({
  'Content-Disposition': header('Exports only: `attachment`, with a file name that carries the resource and the dataset release.', `attachment; filename="${resource}-${exportDataset.version}.csv"`),
  'Dataset-Citation': header('Exports only: how to cite the dataset release the export comes from.', exportDataset.citation),
  Vary: header('`Accept`: the format follows it when `format` is not given (other fields may follow).', 'Accept, Accept-Encoding')
})

/**
 * A 200 page of a list, with the Link header to the next page; `path` and the query's cursor make its example. With
 * `exported`, the list also answers with the whole result as a file (see `exporting`).
 */
export function page<T extends TSchema> (schema: T, description: string, path: string, query: TObject, exported?: ExportResource) {
  const cursor = String((query.properties.cursor as TSchema | undefined)?.examples?.[0] ?? '')
  const response = {
    description,
    headers: {
      ...cachingHeaders,
      Link: header('`<url>; rel="next"` when there is a next page.', `<http://localhost:3000${path}?limit=50&cursor=${cursor}>; rel="next"`)
    },
    content: { 'application/json': { schema } }
  }
  return exported ? exporting(response, exported) : response
}

/**
 * A list's 200 that also answers with the whole result as a file (CSV, NDJSON, and GeoJSON for incidents), chosen by
 * `format` or Accept: each media type with its schema and an example, and the headers of an export.
 */
export function exporting<R extends { description: string, headers?: Record<string, unknown>, content: Record<string, unknown> }> (response: R, exported: ExportResource) {
  const formats = exportFormatsOf(exported).map((f) => `\`${mediaTypes[f]}\``).join(', ')
  return {
    ...response,
    description: `${response.description} With \`format\` or Accept, the whole result instead, streamed as a file (${formats}): every matching record in the list's order, no pages, no \`Link\` and no \`ETag\`.`,
    headers: { ...response.headers, ...exportHeaders(exported) },
    content: { ...response.content, ...exportContent(exported) }
  }
}

/** A list that exports: no media type it answers in is acceptable to the client (its Accept, without `format`). */
export function notAcceptable (exported: ExportResource, instance: string) {
  const offered = ['application/json', ...exportFormatsOf(exported).map((f) => mediaTypes[f])].join(', ')
  return problemResponse(406, 'not_acceptable', 'Not Acceptable', 'Accept allows none of the media types the list answers in (and `format` is not given).',
    `Accept allows none of the media types this list answers in: ${offered}. Send one of them in Accept, or use the format parameter.`, instance)
}

/** A named example of a problem body, shown for one error response (the Problem component's own examples are a 400). */
interface ProblemExample { summary: string, value: ProblemBody }

const problem = (description: string, examples: Record<string, ProblemExample>) => ({
  description,
  content: { 'application/problem+json': { schema: ref(Problem), examples } }
})

export const notModified = { type: 'null', description: 'Not Modified: the representation still matches the ETag sent in `If-None-Match`. No body.' }

const badListRequest = problem('Invalid parameters: malformed values, a start date after the end date, unknown parameters, an unknown province or actor, or a bad cursor.', {
  malformed_date: {
    summary: 'A malformed date',
    value: {
      type: '/problems/invalid_parameter',
      title: 'Invalid request parameters',
      status: 400,
      detail: 'start_date must be a valid date (YYYY-MM-DD)',
      instance: '/v1/incidents?start_date=2021-13-01',
      code: 'invalid_parameter',
      errors: [{ in: 'query', name: 'start_date', message: 'must be a valid date (YYYY-MM-DD)' }]
    }
  },
  date_range: {
    summary: 'A start date after the end date',
    value: {
      type: '/problems/invalid_parameter',
      title: 'Invalid request parameters',
      status: 400,
      detail: 'start_date (2022-01-01) must not be after end_date (2021-01-01)',
      instance: '/v1/incidents?start_date=2022-01-01&end_date=2021-01-01',
      code: 'invalid_parameter',
      errors: [{ in: 'query', name: 'start_date', message: '(2022-01-01) must not be after end_date (2021-01-01)' }]
    }
  }
})

const badItemRequest = problem('Invalid request: a malformed id or an unknown query parameter.', {
  unknown_parameter: {
    summary: 'An unknown query parameter',
    value: {
      type: '/problems/invalid_parameter',
      title: 'Invalid request parameters',
      status: 400,
      detail: 'expand is not a known parameter',
      instance: '/v1/incidents/inc_2021_09_jalalabad_blasts?expand=sources',
      code: 'invalid_parameter',
      errors: [{ in: 'query', name: 'expand', message: 'is not a known parameter' }]
    }
  }
})

const notFound = problem('No resource with that id.', {
  not_found: {
    summary: 'An id that names no record',
    value: {
      type: '/problems/not_found',
      title: 'Resource not found',
      status: 404,
      detail: 'No incident with id "inc_2099_01_01_unknown"',
      instance: '/v1/incidents/inc_2099_01_01_unknown',
      code: 'not_found'
    }
  }
})

const serverError = problem('Unexpected server error. Details are logged, never returned.', {
  internal_error: {
    summary: 'Any unexpected failure (masked: no stack trace, no SQL)',
    value: {
      type: '/problems/internal_error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server could not complete the request. It has been logged; please try again later.',
      instance: '/v1/incidents',
      code: 'internal_error'
    }
  }
})

export const listErrors = { 304: notModified, 400: badListRequest, 500: serverError }
export const itemErrors = { 304: notModified, 400: badItemRequest, 404: notFound, 500: serverError }
/** A list under an item (`/v1/actors/{id}/statements`): the list's errors, and 404 for an unknown item. */
export const nestedListErrors = { 304: notModified, 400: badListRequest, 404: notFound, 500: serverError }

/** Request headers every GET accepts (documented so generated clients can send them). */
export const conditionalHeaders = Type.Object({
  'if-none-match': Type.Optional(Type.String({
    maxLength: 1024,
    description: 'An ETag from an earlier response: the server answers 304 Not Modified if it still matches.',
    examples: ['"2f-1a2b3c"']
  }))
})

/** An error response with one example of its own: the status, code and title the error handler really sends. */
export function problemResponse (status: number, code: string, title: string, description: string, detail: string, instance: string, extra: Partial<ProblemBody> = {}) {
  return problem(description, {
    [code]: { summary: description, value: { type: `/problems/${code}`, title, status, detail, instance, code, ...extra } }
  })
}

/** Item errors of a record that can be deleted: 410 with a pointer to its last revision. */
export const recordItemErrors = {
  ...itemErrors,
  410: problemResponse(410, 'gone', 'Gone', 'The record was deleted; `last_revision` points to its last version, still readable.',
    'The incident "inc_2022_01_kabul_probe" was deleted (version 3)', '/v1/incidents/inc_2022_01_kabul_probe',
    { last_revision: '/v1/incidents/inc_2022_01_kabul_probe/revisions/3' })
}

// ----------------------------------------------------------------------------------------------------------------
// 429 and 503, which any operation can answer: added to every documented route by one onRoute hook.

const integerHeader = (description: string, example: number) => ({ description, type: 'integer', examples: [example] })
const exampleRequestId = '6f1c2a9e-4b7d-4c3e-9a51-2d8e0b7f3c14'

/** The 429 and 503 of one operation, with examples of its own path. */
export function serviceErrors (instance: string) {
  const example = (status: number, code: string, title: string, detail: string) =>
    ({ type: `/problems/${code}`, title, status, detail, instance, code, request_id: exampleRequestId })
  return {
    429: {
      description: 'Too many requests from this client (its address) in the current window. Every response carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` while rate limiting is on; wait `Retry-After` seconds.',
      headers: {
        'Retry-After': integerHeader('Seconds until the window resets and requests are accepted again.', 42),
        'RateLimit-Limit': integerHeader('Requests allowed per window.', 600),
        'RateLimit-Remaining': integerHeader('Requests left in the current window.', 0),
        'RateLimit-Reset': integerHeader('Seconds until the current window resets.', 42)
      },
      content: {
        'application/problem+json': {
          schema: ref(Problem),
          examples: {
            rate_limited: { summary: 'Too many requests', value: example(429, 'rate_limited', 'Too Many Requests', 'Too many requests from this client: at most 600 per 60 s. Retry in 42 seconds.') }
          }
        }
      }
    },
    503: {
      description: 'The service cannot answer right now: the database is unreachable, too slow or out of free connections, the request ran past its deadline, or this instance is shutting down. Retry after `Retry-After` seconds.',
      headers: { 'Retry-After': integerHeader('Seconds to wait before retrying.', 5) },
      content: {
        'application/problem+json': {
          schema: ref(Problem),
          examples: {
            database_unavailable: { summary: 'The database cannot be reached', value: example(503, 'database_unavailable', 'Service Unavailable', 'The database cannot be reached right now. Retry in 5 s.') },
            database_timeout: { summary: 'A query ran past its time limit', value: example(503, 'database_timeout', 'Service Unavailable', 'The database did not answer in time. Retry in 1 s.') },
            database_busy: { summary: 'No database connection became free in time', value: example(503, 'database_busy', 'Service Unavailable', 'The database is too busy to take the request right now. Retry in 1 s.') },
            request_timeout: { summary: 'The request ran past its deadline', value: example(503, 'request_timeout', 'Service Unavailable', 'The request was not answered within 15000 ms. Retry later, or narrow the request.') },
            shutting_down: { summary: 'This instance is shutting down', value: example(503, 'shutting_down', 'Service Unavailable', 'This instance is shutting down. Retry on another instance, or after Retry-After seconds.') }
          }
        }
      }
    }
  }
}

/** A route path (`/v1/incidents/:id`) as a request path for examples, each parameter by its documented example. */
function examplePath (url: string, params: { properties?: Record<string, { examples?: unknown[] }> } | undefined): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const example = params?.properties?.[name]?.examples?.[0]
    return example === undefined ? `{${name}}` : encodeURIComponent(String(example))
  })
}

/**
 * onRoute hook: documents 429 and 503 on every documented operation (a route's own 429 or 503 stays). Not on health
 * and metrics: never rate limited, and they answer for the database (or draining) themselves.
 */
export function documentServiceErrors (route: RouteOptions): void {
  const schema = route.schema as (Record<string, any> & { response?: Record<string, unknown> }) | undefined
  if (!schema?.response || schema.hide === true || isExempt(route.url)) return
  route.schema = { ...schema, response: { ...serviceErrors(examplePath(route.url, schema.params)), ...schema.response } }
}
