/** The documented error responses of the key routes; 401 and 403 come from the auth plugin, for every scoped route. */
import { Problem, ref, type ProblemBody } from '../../schemas/common.ts'
import { exampleKeyId } from '../../schemas/keys.ts'

type Example = Record<string, { summary: string, value: ProblemBody }>

const problem = (description: string, examples: Example) => ({
  description,
  content: { 'application/problem+json': { schema: ref(Problem), examples } }
})

const invalid = (instance: string, where: 'query' | 'body', name: string, message: string) => ({
  type: '/problems/invalid_parameter',
  title: 'Invalid request parameters',
  status: 400,
  detail: `${name} ${message}`,
  instance,
  code: 'invalid_parameter',
  errors: [{ in: where, name, message }]
})

const serverError = (instance: string) => problem('Unexpected server error. Details are logged, never returned.', {
  internal_error: {
    summary: 'Any unexpected failure (masked: no stack trace, no SQL)',
    value: {
      type: '/problems/internal_error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server could not complete the request. It has been logged; please try again later.',
      instance,
      code: 'internal_error'
    }
  }
})

export const keyErrors = {
  list: {
    400: problem('An unknown query parameter (this operation takes none).', {
      unknown_parameter: { summary: 'An unknown query parameter', value: invalid('/v1/keys?limit=10', 'query', 'limit', 'is not a known parameter') }
    }),
    500: serverError('/v1/keys')
  },
  create: {
    400: problem('An invalid body: a missing, empty or too long `name`, no scopes or an unknown scope, an unknown property, or JSON that does not parse.', {
      unknown_scope: { summary: 'An unknown scope', value: invalid('/v1/keys', 'body', 'scopes', 'must be one of: write, admin') },
      missing_name: { summary: 'No name', value: invalid('/v1/keys', 'body', 'name', 'is required') }
    }),
    // The error handler's codes for Fastify's own body errors (FST_ERR_CTP_*), as it sends them today.
    413: problem('The body is over 1 MiB.', {
      ctp_body_too_large: {
        summary: 'A body over 1 MiB',
        value: { type: '/problems/ctp_body_too_large', title: 'Payload Too Large', status: 413, detail: 'Request body is too large', instance: '/v1/keys', code: 'ctp_body_too_large' }
      }
    }),
    415: problem('A body in a media type the server does not read (XML, a form), or without a Content-Type: send `application/json`.', {
      ctp_invalid_media_type: {
        summary: 'A body that is not JSON',
        value: { type: '/problems/ctp_invalid_media_type', title: 'Unsupported Media Type', status: 415, detail: 'Unsupported Media Type', instance: '/v1/keys', code: 'ctp_invalid_media_type' }
      }
    }),
    500: serverError('/v1/keys')
  },
  item: {
    400: problem('An unknown query parameter, or an id with control characters or over 200 characters.', {
      unknown_parameter: { summary: 'An unknown query parameter', value: invalid(`/v1/keys/${exampleKeyId}?force=true`, 'query', 'force', 'is not a known parameter') }
    }),
    404: problem('No API key with that id.', {
      not_found: {
        summary: 'An id that names no key',
        value: {
          type: '/problems/not_found',
          title: 'Resource not found',
          status: 404,
          detail: 'No API key with id "0000000000000000"',
          instance: '/v1/keys/0000000000000000',
          code: 'not_found'
        }
      }
    }),
    500: serverError(`/v1/keys/${exampleKeyId}`)
  }
}
