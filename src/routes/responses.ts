/** Response descriptors shared by every route: JSON bodies with their headers, 304, and problem+json errors. */
import { Type, type TObject, type TSchema } from '@sinclair/typebox'
import { Problem, ref, type ProblemBody } from '../schemas/common.ts'

const header = (description: string, example: string) => ({ description, type: 'string', examples: [example] })

const cachingHeaders = {
  ETag: header('Entity tag of this representation; send it back in `If-None-Match` to revalidate.', '"2f-1a2b3c"'),
  'Cache-Control': header('How long the response may be reused.', 'public, max-age=60, must-revalidate')
}

/** A 200 JSON body. */
export function json<T extends TSchema> (schema: T, description: string) {
  return { description, headers: cachingHeaders, content: { 'application/json': { schema } } }
}

/** A 200 page of a list, with the Link header to the next page; `path` and the query's cursor make its example. */
export function page<T extends TSchema> (schema: T, description: string, path: string, query: TObject) {
  const cursor = String((query.properties.cursor as TSchema | undefined)?.examples?.[0] ?? '')
  return {
    description,
    headers: {
      ...cachingHeaders,
      Link: header('`<url>; rel="next"` when there is a next page.', `<http://localhost:3000${path}?limit=50&cursor=${cursor}>; rel="next"`)
    },
    content: { 'application/json': { schema } }
  }
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
