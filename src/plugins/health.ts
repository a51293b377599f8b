/**
 * Liveness and readiness for load balancers and orchestrators, and the draining state of a graceful shutdown:
 * once draining, readiness is 503 and every other request gets a 503 with Retry-After and Connection: close.
 */
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import type { DatabaseHandle } from '../db/client.ts'
import { ApiError } from '../http/problem.ts'
import { problemResponse } from '../routes/responses.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Starts a graceful shutdown: readiness turns 503 and new requests are turned away. */
    startDraining: () => void
    readonly draining: boolean
  }
}

export interface HealthOptions {
  handle?: DatabaseHandle
  /** How long readiness waits for the database before it says 503. */
  timeoutMs?: number
}

const drainingRetryAfter = 5

const Status = Type.Object({
  status: Type.String({ description: '`ok` (live) or `ready`.', examples: ['ready'] }),
  database: Type.Optional(Type.String({ description: 'Readiness: `ok` when the database answered within the timeout.', examples: ['ok'] }))
}, { additionalProperties: false, description: 'Health of this instance.' })

const badRequest = problemResponse(400, 'invalid_parameter', 'Invalid request parameters',
  'An unknown query parameter: health checks take none.', 'probe is not a known parameter', '/health/ready?probe=1',
  { errors: [{ in: 'query', name: 'probe', message: 'is not a known parameter' }] })

const noParameters = Type.Object({}, { additionalProperties: false })

const notReady = problemResponse(503, 'not_ready', 'Service Unavailable',
  'Not ready: the database did not answer in time, or the instance is shutting down. Retry after `Retry-After` seconds, on this or another instance.',
  'The database did not answer within 1000 ms.', '/health/ready', {})

/** A 503 problem, rendered by the one error handler, with Retry-After. */
function unavailable (reply: FastifyReply, code: string, detail: string, retryAfter: number): never {
  reply.header('retry-after', String(retryAfter))
  throw new ApiError(503, code, 'Service Unavailable', detail)
}

export default fp(async function health (app: FastifyInstance) {
  let draining = false
  app.decorate('startDraining', () => { draining = true })
  app.decorate('draining', { getter: () => draining })

  // Before anything else looks at the request: a draining instance answers at once and closes the connection.
  app.addHook('onRequest', async (request, reply) => {
    if (!draining) return
    reply.header('connection', 'close')
    if (request.url === '/health/live') return
    unavailable(reply, request.url.startsWith('/health/ready') ? 'not_ready' : 'shutting_down',
      'This instance is shutting down. Retry on another instance, or after Retry-After seconds.', drainingRetryAfter)
  })

  // A response to a request taken before draining began still tells the client not to reuse the connection.
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close')
  })
}, { name: 'health' })

/** GET /health/live and /health/ready; registered after the OpenAPI plugin so that they are documented. */
export const healthRoutes = fp(async function healthRoutes (app: FastifyInstance, options: HealthOptions) {
  const timeoutMs = options.timeoutMs ?? 1000
  app.get('/health/live', {
    schema: {
      operationId: 'getLiveness',
      summary: 'Liveness',
      description: 'Answers 200 while the process serves requests. It does not touch the database: restart the instance only when this fails.',
      tags: ['health'],
      querystring: noParameters,
      response: { 200: { description: 'The process is up.', content: { 'application/json': { schema: Status } } }, 400: badRequest }
    },
    config: { cacheable: false }
  }, async () => ({ status: 'ok' }))

  app.get('/health/ready', {
    schema: {
      operationId: 'getReadiness',
      summary: 'Readiness',
      description: `Answers 200 when the database takes a query within ${timeoutMs} ms; 503 (with \`Retry-After\`) while it does not, or while the instance drains before shutting down. Route traffic only to ready instances.`,
      tags: ['health'],
      querystring: noParameters,
      response: { 200: { description: 'Ready to serve.', content: { 'application/json': { schema: Status } } }, 400: badRequest, 503: notReady }
    },
    config: { cacheable: false }
  }, async (_request, reply) => {
    if (!options.handle) unavailable(reply, 'not_ready', 'No database is configured.', drainingRetryAfter)
    if (await options.handle.ping(timeoutMs)) return { status: 'ready', database: 'ok' }
    unavailable(reply, 'not_ready', `The database did not answer within ${timeoutMs} ms.`, 5)
  })
}, { name: 'health-routes', dependencies: ['health'] })
