/**
 * The request timeout: a request not answered within `timeoutMs` gets a 503 problem with Retry-After, whatever it
 * was waiting for. (The database's own statement, lock and pool timeouts fire sooner; this is the backstop.) Once a
 * streamed body starts, its transfer is not bound by the deadline.
 */
import { Stream } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError } from '../http/problem.ts'

declare module 'fastify' {
  interface FastifyRequest {
    deadline?: NodeJS.Timeout
  }
}

export default fp(async function requestDeadline (app: FastifyInstance, options: { timeoutMs: number }) {
  if (options.timeoutMs <= 0) return
  app.decorateRequest('deadline', undefined)
  app.addHook('onRequest', async (request, reply) => {
    request.deadline = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return
      request.log.warn({ timeoutMs: options.timeoutMs }, 'request timed out')
      reply.header('retry-after', '1')
      reply.send(new ApiError(503, 'request_timeout', 'Service Unavailable',
        `The request was not answered within ${options.timeoutMs} ms. Retry later, or narrow the request.`))
    }, options.timeoutMs)
    request.deadline.unref()
  })
  // The deadline is for the wait until a response starts: a streamed body (an export) may take longer to transfer.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (payload instanceof Stream) clearTimeout(request.deadline)
    return payload
  })
  app.addHook('onResponse', async (request) => { clearTimeout(request.deadline) })
  app.addHook('onRequestAbort', async (request) => { clearTimeout(request.deadline) })
}, { name: 'request-deadline' })
