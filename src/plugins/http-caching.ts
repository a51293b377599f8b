/** HTTP niceties for clients: CORS, ETag with 304, Cache-Control on reads, compression. */
import compress from '@fastify/compress'
import cors from '@fastify/cors'
import etag from '@fastify/etag'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the response is never cached nor revalidated (no ETag, Cache-Control: no-store), as for health checks. */
    cacheable?: boolean
  }
}

export default fp(async function httpCaching (app: FastifyInstance, options: { corsOrigins: string[], compression: boolean }) {
  await app.register(cors, {
    origin: options.corsOrigins.includes('*') ? '*' : options.corsOrigins,
    methods: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PATCH', 'DELETE'],
    exposedHeaders: ['Link', 'ETag', 'Location', 'WWW-Authenticate', 'Deprecation', 'Sunset', 'X-Request-Id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Dataset-Version', 'Dataset-Citation', 'Content-Disposition'],
    maxAge: 86_400
  })
  // Brotli at @fastify/compress's quality 4: a 44 KB page in about 0.14 ms of CPU. Off when a proxy compresses.
  // customTypes: @fastify/compress's own test of what is text, and NDJSON exports, which it does not know.
  if (options.compression) {
    await app.register(compress, {
      global: true,
      threshold: 1024,
      encodings: ['br', 'gzip', 'deflate'],
      customTypes: /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)|octet-stream(?:;|$)|^application\/x-ndjson(?:;|$)/u
    })
  }
  // ETags on every response; 304 only for a successful read whose representation the client already has (never for
  // an error that happens to repeat itself).
  await app.register(etag, { replyWith304: false })
  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.config.cacheable !== false) return
    reply.removeHeader('etag')
    reply.header('cache-control', 'no-store')
  })
  app.addHook('onSend', async (request, reply, payload) => {
    const method = request.method
    const tag = reply.getHeader('etag')
    const sent = request.headers['if-none-match']
    if ((method === 'GET' || method === 'HEAD') && reply.statusCode === 200 && typeof tag === 'string' && typeof sent === 'string' &&
      sent.split(',').map((t) => t.trim().replace(/^W\//, '')).includes(tag.replace(/^W\//, ''))) {
      reply.code(304)
      return ''
    }
    return payload
  })
  app.addHook('onSend', async (request, reply) => {
    if (reply.getHeader('cache-control') !== undefined) return
    const ok = reply.statusCode === 200 || reply.statusCode === 304
    reply.header('cache-control', (request.method === 'GET' || request.method === 'HEAD') && ok
      ? 'public, max-age=60, must-revalidate'
      : 'no-store')
  })
}, { name: 'http-caching' })
