/** Announces deprecated operations on every response: `Deprecation` (RFC 9745) and `Sunset` (RFC 8594) headers. */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** When the operation was deprecated and when it will be removed; pair it with `schema.deprecated: true`. */
    deprecation?: { since: Date, sunset: Date, link?: string }
  }
}

export default fp(async function deprecation (app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => {
    const notice = request.routeOptions.config.deprecation
    if (!notice) return
    reply.header('deprecation', `@${Math.floor(notice.since.getTime() / 1000)}`)
    reply.header('sunset', notice.sunset.toUTCString())
    if (notice.link) reply.header('link', [reply.getHeader('link'), `<${notice.link}>; rel="deprecation"`].filter(Boolean).join(', '))
  })
}, { name: 'deprecation' })
