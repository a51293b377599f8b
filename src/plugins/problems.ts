/** The one error handler: every error leaves as RFC 9457 problem details; 5xx are logged and masked. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
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
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      return send(request, reply, problem(request, error.statusCode, error.code, error.title, error.message, error.errors))
    }
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
