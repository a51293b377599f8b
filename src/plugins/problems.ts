/** The one error handler: every error leaves as RFC 9457 problem details; 5xx are logged and masked. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { IdempotencyKeyReused } from '../core/idempotency.ts'
import { InvalidRecord, RecordError, RecordExists, RecordGone, RecordInUse, RecordNotFound, VersionMismatch } from '../core/records/errors.ts'
import { ApiError, problemTypeBase, type ValidationIssue } from '../http/problem.ts'
import { patternMessages, type ProblemBody } from '../schemas/common.ts'

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
      issues.set(key, { in: where, name: name || '(root)', message })
    }
  }
  return [...issues.values()]
}

function send (request: FastifyRequest, reply: FastifyReply, body: ProblemBody) {
  return reply.code(body.status).type('application/problem+json').send(body)
}

function problem (request: FastifyRequest, status: number, code: string, title: string, detail: string, errors?: ValidationIssue[]): ProblemBody {
  return {
    type: problemTypeBase + code,
    title,
    status,
    detail,
    instance: request.url,
    code,
    ...(errors ? { errors } : {})
  }
}

/**
 * For errors Fastify raises before routing (the `frameworkErrors` option): a path with malformed
 * percent-encoding gets a 400 problem like any other bad input.
 */
export function frameworkErrors (error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const detail = error.code === 'FST_ERR_BAD_URL'
    ? 'The path is not a valid URL (malformed percent-encoding).'
    : error.message
  return send(request, reply, problem(request, 400, 'invalid_path', 'Invalid request path', detail))
}

export default fp(async function problems (app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | ApiError | RecordError, request, reply) => {
    if (error instanceof ApiError) {
      return send(request, reply, problem(request, error.statusCode, error.code, error.title, error.message, error.errors))
    }
    if (error instanceof RecordError) return send(request, reply, recordProblem(request, error))
    if (error instanceof IdempotencyKeyReused) {
      return send(request, reply, problem(request, 422, 'idempotency_key_reused', 'Unprocessable request', error.message,
        [{ in: 'header', name: 'idempotency-key', message: 'was already used with a different request' }]))
    }
    const constraint = constraintProblem(request, error)
    if (constraint) return send(request, reply, constraint)
    const fe = error as FastifyError
    if (fe.validation) {
      const issues = toIssues(fe.validation as AjvIssue[], fe.validationContext ?? 'querystring')
      const detail = issues.map((i) => `${i.name} ${i.message}`).join('; ')
      return send(request, reply, problem(request, 400, 'invalid_parameter', 'Invalid request parameters', detail, issues))
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
    return send(request, reply, problem(request, 404, 'not_found', 'Resource not found',
      `No route ${request.method} ${request.url.split('?')[0]}. See /docs for the API.`))
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
    const errors = error.issues.map((i) => ({ in: 'body' as const, name: i.path || '(root)', message: i.message }))
    return problem(request, 422, 'invalid_record', 'Unprocessable record', error.message, errors)
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
