/** Response descriptors shared by every route: JSON bodies with their headers, 304, and problem+json errors. */
import { Type, type TObject, type TSchema } from '@sinclair/typebox'
import { Problem, ref } from '../schemas/common.ts'

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

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref(Problem) } }
})

export const notModified = { type: 'null', description: 'Not Modified: the representation still matches the ETag sent in `If-None-Match`. No body.' }
const badListRequest = problem('Invalid parameters: malformed values, a start date after the end date, unknown parameters, an unknown province or actor, or a bad cursor.')
const badItemRequest = problem('Invalid request: a malformed id or an unknown query parameter.')
const notFound = problem('No resource with that id.')
const serverError = problem('Unexpected server error. Details are logged, never returned.')

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
