/**
 * The one error handler: every error leaves as small RFC 9457 problem details carrying the request id; 5xx are
 * logged and masked, a database that cannot serve is a 503. The framework's own refusals are problems too: 404 and
 * 405, 414, and what Node's HTTP parser rejects before Fastify has a request (400, 408, 414, 431, written raw).
 */
import { randomUUID } from 'node:crypto'
import { maxHeaderSize, STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import FindMyWay from 'find-my-way'
import { IdempotencyKeyReused } from '../core/idempotency.ts'
import { InvalidRecord, RecordError, RecordExists, RecordGone, RecordInUse, RecordNotFound, VersionMismatch } from '../core/records/errors.ts'
import { classifyDatabaseError, type DatabaseFailure, type DatabaseFailureKind } from '../db/failures.ts'
import { ApiError, problemTypeBase, type ValidationIssue } from '../http/problem.ts'
import { patternMessages, type ProblemBody } from '../schemas/common.ts'
import { datasetVersionHeaders } from './dataset-version.ts'
import { requestIdHeader } from './request-id.ts'
import { securityHeaders } from './security-headers.ts'

/**
 * The longest URL served (414 beyond): Node's own limit, 16 KiB of request line and headers. Over the network a
 * longer request line never reaches Fastify (clientErrors answers it, 414 as well); this check is for URLs that come
 * another way (inject, a raised --max-http-header-size). Not lower: the 10,000-character values the contract tests
 * send must reach validation and come back as a 400 naming the parameter.
 */
export const maxUrlLength = 16_384

// However large the bad request, its problem stays a few KB.
/** Validation issues listed in `errors`; `detail` counts the rest. */
const maxIssues = 20
/** A parameter or property name in `errors` (the client chose it: it may be any length). */
const maxName = 100
/** `detail`: it may quote the request (a media type, a path). */
const maxDetail = 1_000
/** `instance`: the URL when it is short, else its path, clipped. */
const maxInstance = 256

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)
const pathOf = (url: string) => url.split('?')[0] ?? url
const instanceOf = (url: string) => (url.length <= maxInstance ? url : clip(pathOf(url), maxInstance))

interface AjvIssue {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

const locations: Record<string, ValidationIssue['in']> = {
  querystring: 'query', params: 'path', headers: 'header', body: 'body'
}

/** Turns Ajv's findings into one `{ in, name, message }` per input, in words a client developer can act on. */
function toIssues (validation: AjvIssue[], context: string): ValidationIssue[] {
  const where = locations[context] ?? 'query'
  const issues = new Map<string, ValidationIssue>()
  for (const v of validation) {
    let name = v.instancePath.replace(/^\//, '').split('/')[0] ?? ''
    let message = v.message ?? 'is invalid'
    if (v.keyword === 'additionalProperties') {
      name = String(v.params.additionalProperty)
      message = where === 'query' ? 'is not a known parameter' : 'is not allowed'
    } else if (v.keyword === 'required') {
      name = String(v.params.missingProperty)
      message = 'is required'
    } else if (v.keyword === 'format' && v.params.format === 'date') {
      message = 'must be a valid date (YYYY-MM-DD)'
    } else if (v.keyword === 'pattern') {
      message = patternMessages[String(v.params.pattern)] ?? 'is not in the expected format'
    } else if (v.keyword === 'enum' && Array.isArray(v.params.allowedValues)) {
      message = `must be one of: ${v.params.allowedValues.join(', ')}`
    }
    const key = `${name}\u0000${message}`
    if (!issues.has(key)) {
      issues.set(key, { in: where, name: clip(name, maxName) || '(root)', message })
    }
  }
  return [...issues.values()]
}

/** `errors` cut to the first `maxIssues`, and a detail naming those and counting the rest (the count is never clipped). */
function listed (issues: ValidationIssue[], detail?: string): { detail: string, errors: ValidationIssue[] } {
  const errors = issues.slice(0, maxIssues)
  const more = issues.length - errors.length
  if (more === 0) return { detail: detail ?? errors.map((i) => `${i.name} ${i.message}`).join('; '), errors }
  const named = clip(errors.map((i) => `${i.name} ${i.message}`).join('; '), maxDetail - 60)
  return { detail: `${named}; and ${more} more invalid input${more === 1 ? '' : 's'} not listed`, errors }
}

function validationProblem (request: FastifyRequest, issues: ValidationIssue[]): ProblemBody {
  const { detail, errors } = listed(issues)
  return problem(request, 400, 'invalid_parameter', 'Invalid request parameters', detail, errors)
}

function send (request: FastifyRequest, reply: FastifyReply, body: ProblemBody) {
  // Set here as well as by their plugins' hooks: frameworkErrors replies skip every hook.
  return reply.code(body.status).headers({ ...securityHeaders, ...datasetVersionHeaders, [requestIdHeader]: request.id }).type('application/problem+json').send(body)
}

function problem (request: FastifyRequest, status: number, code: string, title: string, detail: string, errors?: ValidationIssue[]): ProblemBody {
  return {
    type: problemTypeBase + code,
    title,
    status,
    detail: clip(detail, maxDetail),
    instance: instanceOf(request.url),
    code,
    ...(errors ? { errors } : {}),
    request_id: request.id
  }
}

function uriTooLong (length: number): ApiError {
  return new ApiError(414, 'uri_too_long', 'URI Too Long', `The URL is ${length} characters long; the limit is ${maxUrlLength}. Send fewer or shorter parameters.`)
}

/**
 * For errors Fastify raises before routing (the `frameworkErrors` option): a path with malformed
 * percent-encoding gets a 400 problem like any other bad input.
 */
export function frameworkErrors (error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return send(request, reply, problem(request, 414, 'uri_too_long', 'URI Too Long', 'A path segment is too long.'))
  }
  const detail = error.code === 'FST_ERR_BAD_URL'
    ? 'The path is not a valid URL (malformed percent-encoding).'
    : error.message
  return send(request, reply, problem(request, 400, 'invalid_path', 'Invalid request path', detail))
}

/** Node's clientError: `rawPacket` is the bytes received so far (a Buffer at run time, whatever Fastify's types say). */
interface ClientError extends Error { code?: string, rawPacket?: unknown }

const rawOf = (error: ClientError): Buffer | undefined => (Buffer.isBuffer(error.rawPacket) ? error.rawPacket : undefined)

/** What a request Node's parser refused was: its status, code and words. */
function clientProblem (error: ClientError): [number, string, string] {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'client_timeout', 'The request was not received in time.']
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const raw = rawOf(error)
    const lineEnd = raw ? raw.indexOf('\r\n') : -1
    const lineLength = lineEnd === -1 ? raw?.length ?? 0 : lineEnd
    if (lineLength > maxUrlLength) {
      return [414, 'uri_too_long', `The request line is over ${maxUrlLength} characters. Send fewer or shorter parameters.`]
    }
    return [431, 'headers_too_large', `The request's header fields are too large: ${maxHeaderSize} bytes at most, with the request line.`]
  }
  return [400, 'bad_request', `The request is not valid HTTP/1.1 (${error.message.replace(/^Parse Error: /, '')}).`]
}

/**
 * For requests Node's HTTP parser rejects before Fastify sees them (the `clientErrorHandler` option): a problem
 * written on the socket as it is, which is then closed, as Node's own handler does. No request object exists; the
 * id is made here and logged with the refusal.
 */
export function clientErrors (this: FastifyInstance, error: ClientError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const [status, code, detail] = clientProblem(error)
  const id = randomUUID()
  const path = /^[A-Z]+ ([^ ?]+)/.exec(rawOf(error)?.subarray(0, maxInstance + 32).toString('latin1') ?? '')?.[1]
  const title = STATUS_CODES[status] ?? 'Bad Request'
  const body: ProblemBody = { type: problemTypeBase + code, title, status, detail, instance: clip(path ?? '/', maxInstance), code, request_id: id }
  const text = JSON.stringify(body)
  this.log.info({ request_id: id, err: { code: error.code, message: error.message }, status }, 'request refused by the HTTP parser')
  // A response already under way on this connection (the error came in the body of a request) is not interrupted.
  const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage
  if (socket.writable && !current?.headersSent) {
    socket.write([
      `HTTP/1.1 ${status} ${title}`,
      'Content-Type: application/problem+json',
      `Content-Length: ${Buffer.byteLength(text)}`,
      `X-Request-Id: ${id}`,
      ...Object.entries({ ...securityHeaders, ...datasetVersionHeaders }).map(([name, value]) => `${name}: ${value}`),
      'Cache-Control: no-store',
      'Connection: close',
      '',
      text
    ].join('\r\n'))
  }
  socket.destroy(error)
}

const databaseProblems: Record<DatabaseFailureKind, string> = {
  unavailable: 'The database cannot be reached right now.',
  timeout: 'The database did not answer in time.',
  busy: 'The database is too busy to take the request right now.'
}

/**
 * classifyDatabaseError on the error or on what it wraps: it follows causes for codes, but looks for a closed PGlite
 * ("PGlite is closed", no code) on the outer error only, which Drizzle wraps in a DrizzleQueryError.
 */
function databaseFailure (error: unknown): DatabaseFailure | undefined {
  let e: unknown = error
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const failure = classifyDatabaseError(e)
    if (failure) return failure
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

function databaseProblem (request: FastifyRequest, failure: DatabaseFailure): ProblemBody {
  return problem(request, 503, `database_${failure.kind}`, 'Service Unavailable',
    `${databaseProblems[failure.kind]} Retry in ${failure.retryAfter} s.`)
}

/** Every route's methods by path, to tell a path that does not exist (404) from a method it does not answer (405). */
function routeTable (app: FastifyInstance) {
  // Only "which methods match here": no parameter is ever too long to match.
  const router = FindMyWay({ maxParamLength: Number.MAX_SAFE_INTEGER })
  const methods = new Set<FindMyWay.HTTPMethod>()
  app.addHook('onRoute', (route) => {
    // @fastify/cors answers OPTIONS on every path ('*'): that makes no path exist.
    if (route.url === '*' || route.url === '/*') return
    for (const method of [route.method].flat().map((m) => m.toUpperCase() as FindMyWay.HTTPMethod)) {
      methods.add(method)
      if (!router.hasRoute(method, route.url)) router.on(method, route.url, () => {})
    }
  })
  return (url: string): string[] => [...methods].filter((method) => {
    try {
      return router.find(method, pathOf(url)) !== null
    } catch {
      return false
    }
  }).sort()
}

export default fp(async function problems (app: FastifyInstance) {
  const allowedMethods = routeTable(app)

  // Among the first onRequest hooks (only the request id's comes before): an over-long URL goes no further.
  app.addHook('onRequest', async (request) => {
    const length = request.raw.url?.length ?? 0
    if (length > maxUrlLength) throw uriTooLong(length)
  })

  app.setErrorHandler((error: FastifyError | ApiError | RecordError, request, reply) => {
    if (error instanceof ApiError) {
      return send(request, reply, problem(request, error.statusCode, error.code, error.title, error.message, error.errors))
    }
    if (error instanceof RecordError) return send(request, reply, recordProblem(request, error))
    if (error instanceof IdempotencyKeyReused) {
      return send(request, reply, problem(request, 422, 'idempotency_key_reused', 'Unprocessable request', error.message,
        [{ in: 'header', name: 'idempotency-key', message: 'was already used with a different request' }]))
    }
    const failure = databaseFailure(error)
    if (failure) {
      // Not a bug to page anyone about per request: the outage itself is what monitoring alerts on.
      request.log.warn({ err: error, failure: failure.kind }, 'database cannot serve the request')
      reply.header('retry-after', String(failure.retryAfter))
      return send(request, reply, databaseProblem(request, failure))
    }
    const constraint = constraintProblem(request, error)
    if (constraint) return send(request, reply, constraint)
    const fe = error as FastifyError
    if (fe.validation) {
      return send(request, reply, validationProblem(request, toIssues(fe.validation as AjvIssue[], fe.validationContext ?? 'querystring')))
    }
    const status = fe.statusCode ?? 500
    if (status >= 400 && status < 500) {
      const code = (fe.code ?? 'bad_request').toLowerCase().replace(/^fst_err_/, '')
      return send(request, reply, problem(request, status, code, httpTitle(status), fe.message))
    }
    request.log.error({ err: error }, 'request failed')
    return send(request, reply, problem(request, status >= 500 ? status : 500, 'internal_error', 'Internal Server Error',
      'The server could not complete the request. It has been logged; please try again later.'))
  })

  app.setNotFoundHandler((request, reply) => {
    const path = clip(pathOf(request.url), maxInstance)
    const allowed = allowedMethods(request.url)
    // A route of this very method that found nothing to serve (a missing static file) is a 404, not a 405.
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header('allow', allowed.join(', '))
      return send(request, reply, problem(request, 405, 'method_not_allowed', 'Method Not Allowed',
        `${request.method} is not allowed on ${path}; it answers ${allowed.join(', ')}.`))
    }
    return send(request, reply, problem(request, 404, 'not_found', 'Resource not found',
      `No route ${request.method} ${path}. See /docs for the API.`))
  })
}, { name: 'problems' })

function httpTitle (status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
    413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 429: 'Too Many Requests'
  }
  return titles[status] ?? 'Bad Request'
}

/** The write path's domain errors as problems. */
function recordProblem (request: FastifyRequest, error: RecordError): ProblemBody {
  if (error instanceof RecordNotFound) return problem(request, 404, 'not_found', 'Resource not found', error.message)
  if (error instanceof RecordGone) {
    return { ...problem(request, 410, 'gone', 'Gone', error.message), last_revision: `/v1/${error.kind}/${error.id}/revisions/${error.lastVersion}` }
  }
  if (error instanceof RecordExists) return problem(request, 409, 'already_exists', 'Conflict', error.message)
  if (error instanceof RecordInUse) return problem(request, 409, 'in_use', 'Conflict', error.message)
  if (error instanceof VersionMismatch) {
    return { ...problem(request, 412, 'stale_version', 'Precondition Failed', error.message), current_version: error.current }
  }
  if (error instanceof InvalidRecord) {
    const { detail, errors } = listed(error.issues.map((i) => ({ in: 'body' as const, name: clip(i.path, maxName) || '(root)', message: i.message })), error.message)
    return problem(request, 422, 'invalid_record', 'Unprocessable record', detail, errors)
  }
  return problem(request, 400, 'bad_request', 'Bad Request', error.message)
}

/**
 * A rule the database enforces and no earlier check caught (a window that does not hold its date, figures out of
 * order, a duplicate slug): a 409 or 422 naming the rule, never a 500.
 */
function constraintProblem (request: FastifyRequest, error: unknown): ProblemBody | undefined {
  const e = error as { code?: string, constraint_name?: string, constraint?: string, cause?: { code?: string, constraint_name?: string, constraint?: string } }
  const code = e.cause?.code ?? e.code
  const constraint = e.cause?.constraint_name ?? e.cause?.constraint ?? e.constraint_name ?? e.constraint
  if (!code || !constraint || !/^[a-z0-9_]+$/.test(constraint)) return undefined
  if (code === '23505') {
    return problem(request, 409, 'conflict', 'Conflict', `A record with the same value already exists (rule ${constraint}).`,
      [{ in: 'body', name: constraint, message: 'must be unique' }])
  }
  if (code === '23514' || code === '23503' || code === '23502' || code === '23001') {
    return problem(request, 422, 'invalid_record', 'Unprocessable record', `The record breaks the rule ${constraint}.`,
      [{ in: 'body', name: constraint, message: code === '23503' ? 'refers to a record that does not exist' : 'is violated' }])
  }
  return undefined
}
