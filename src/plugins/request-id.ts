/** Request ids: a sane incoming `X-Request-Id` is kept, else one is made; echoed on every response, on every log line. */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { LogController, type FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export const requestIdHeader = 'x-request-id'

/** What a client's id may be: a token that is safe in a header, a log line and a JSON string, and cannot flood the logs. */
const saneId = /^[A-Za-z0-9._:-]{1,128}$/

/** Fastify's `genReqId`: the client's id when it is a sane token (several headers arrive joined by ", ": not one), else a UUID. */
export function requestId (raw: IncomingMessage): string {
  const sent = raw.headers[requestIdHeader]
  return typeof sent === 'string' && saneId.test(sent) ? sent : randomUUID()
}

/**
 * For the Fastify constructor. `requestIdHeader: false`: Fastify would take any header value verbatim, so
 * `requestId` reads and checks it itself. Logged as `request_id`, the name it has in problem bodies.
 */
export function requestIdOptions () {
  return {
    genReqId: requestId,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'request_id' })
  } as const
}

export default fp(async function requestIds (app: FastifyInstance) {
  // onRequest, not onSend: the header is then on errors and 404s too, which keep the headers set before them.
  app.addHook('onRequest', async (request, reply) => {
    reply.header(requestIdHeader, request.id)
  })
}, { name: 'request-id' })
