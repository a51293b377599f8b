/** Bearer API keys: routes name the scope they need in `config.scope`; reads stay public. Documents 401/403 once. */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import { allows, authenticate, type AuthenticatedKey, type KeyScope } from '../core/keys/index.ts'
import { ApiError } from '../http/problem.ts'
import { Problem, ref, type ProblemBody } from '../schemas/common.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The key that authenticated this request; null on routes without `config.scope` (they never look at keys). */
    apiKey: AuthenticatedKey | null
  }
  interface FastifyContextConfig {
    /** The scope a key needs for this route; without it the route is public and ignores `Authorization`. */
    scope?: KeyScope
  }
}

const realm = 'Bearer realm="v1"'

/** `Authorization: Bearer <token>` (scheme case-insensitive, RFC 9110), the token; null when absent or another scheme. */
function bearerToken (header: string | undefined): string | null {
  const match = /^Bearer +([^\s]+) *$/i.exec(header ?? '')
  return match ? match[1]! : null
}

function unauthorized (reply: FastifyReply, challenge: string, detail: string): ApiError {
  reply.header('www-authenticate', challenge)
  return new ApiError(401, 'unauthorized', 'Unauthorized', detail)
}

function forbidden (reply: FastifyReply, needed: KeyScope, key: AuthenticatedKey): ApiError {
  reply.header('www-authenticate', `${realm}, error="insufficient_scope", scope="${needed}"`)
  return new ApiError(403, 'forbidden', 'Forbidden',
    `This operation needs an API key with the \`${needed}\` scope; key ${key.id} has: ${key.scopes.join(', ')}.`)
}

async function requireScope (app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, needed: KeyScope) {
  // What a key may see is nobody else's to reuse: no shared or private cache keeps these responses.
  reply.header('cache-control', 'no-store')
  const header = request.headers.authorization
  if (header === undefined || header.trim() === '') {
    throw unauthorized(reply, realm, 'This operation needs an API key: send `Authorization: Bearer <key>`.')
  }
  const token = bearerToken(header)
  if (token === null) {
    throw unauthorized(reply, `${realm}, error="invalid_request"`, 'The Authorization header must be `Bearer <key>`.')
  }
  if (!app.hasDecorator('db')) throw new Error('the auth plugin needs the database plugin to check keys')
  const key = await authenticate(app.db, token)
  if (key === null) {
    throw unauthorized(reply, `${realm}, error="invalid_token"`, 'The API key is unknown, malformed or revoked.')
  }
  request.apiKey = key
  if (!allows(key.scopes, needed)) throw forbidden(reply, needed, key)
}

// ----------------------------------------------------------------------------------------------------------------
// The OpenAPI side: security and the 401/403 responses, added to every route that names a scope.

interface ProblemExample { summary: string, value: ProblemBody }

const challengeHeader = (example: string) => ({
  description: 'The authentication scheme to use (RFC 6750), with `error` when a key was sent but refused.',
  type: 'string',
  examples: [example]
})

const problemResponse = (description: string, header: string, examples: Record<string, ProblemExample>) => ({
  description,
  headers: { 'WWW-Authenticate': challengeHeader(header) },
  content: { 'application/problem+json': { schema: ref(Problem), examples } }
})

/** The 401 and 403 of a route that needs `scope`, with examples of its own path and scope. */
export function authResponses (scope: KeyScope, path: string) {
  return {
    401: problemResponse('No valid API key: the `Authorization` header is missing, not `Bearer <key>`, or names an unknown or revoked key.', realm, {
      missing_key: {
        summary: 'No Authorization header',
        value: {
          type: '/problems/unauthorized',
          title: 'Unauthorized',
          status: 401,
          detail: 'This operation needs an API key: send `Authorization: Bearer <key>`.',
          instance: path,
          code: 'unauthorized'
        }
      },
      invalid_key: {
        summary: 'An unknown, malformed or revoked key',
        value: {
          type: '/problems/unauthorized',
          title: 'Unauthorized',
          status: 401,
          detail: 'The API key is unknown, malformed or revoked.',
          instance: path,
          code: 'unauthorized'
        }
      }
    }),
    403: problemResponse(`The key is valid but lacks the \`${scope}\` scope this operation needs.`, `${realm}, error="insufficient_scope", scope="${scope}"`, {
      missing_scope: {
        summary: `A key without the ${scope} scope`,
        value: {
          type: '/problems/forbidden',
          title: 'Forbidden',
          status: 403,
          detail: `This operation needs an API key with the \`${scope}\` scope; key 3f9c2e17b4d8e06a has: ${scope === 'admin' ? 'write' : 'admin'}.`,
          instance: path,
          code: 'forbidden'
        }
      }
    })
  }
}

/** A route path (`/v1/keys/:id`) as a request path for examples, each parameter by its documented example. */
function examplePath (url: string, params: Record<string, any> | undefined): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const example = params?.properties?.[name]?.examples?.[0]
    return example === undefined ? `{${name}}` : encodeURIComponent(String(example))
  })
}

function documentScope (routeOptions: RouteOptions, scope: KeyScope) {
  const schema = (routeOptions.schema ?? {}) as Record<string, any>
  routeOptions.schema = {
    ...schema,
    security: [{ bearerAuth: [] }],
    response: { ...authResponses(scope, examplePath(routeOptions.url, schema.params)), ...schema.response }
  }
}

export default fp(async function auth (app: FastifyInstance) {
  app.decorateRequest('apiKey', null)

  app.addHook('onRoute', (routeOptions) => {
    const scope = routeOptions.config?.scope
    if (scope) documentScope(routeOptions, scope)
  })

  // onRequest: a request without the right key is refused before its body is read or validated.
  app.addHook('onRequest', async (request, reply) => {
    const needed = request.routeOptions.config?.scope
    if (needed) await requireScope(app, request, reply, needed)
  })
}, { name: 'auth', dependencies: ['problems'] })
