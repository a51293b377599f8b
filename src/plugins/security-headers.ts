/**
 * `X-Content-Type-Options: nosniff` on every response: API, docs, errors and 404s. (Swagger UI's Content-Security-Policy
 * is set by the openapi plugin, for /docs only; problems the framework writes itself set nosniff in problems.ts.)
 */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

// Not @fastify/helmet: it builds its middleware on every request, and for a public JSON API behind CORS its defaults
// would have to be turned off one by one (a CSP on JSON, Cross-Origin-Resource-Policy: same-origin, an HSTS with
// includeSubDomains that belongs to whoever terminates TLS). The one header every response needs is set here.
export const securityHeaders = { 'x-content-type-options': 'nosniff' } as const

export default fp(async function securityHeadersPlugin (app: FastifyInstance) {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(securityHeaders)
  })
}, { name: 'security-headers' })
