/** Per-client rate limiting: `max` requests per `windowMs`, RateLimit-* headers, a 429 problem; health and metrics exempt. */
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError } from '../http/problem.ts'

export interface RateLimitOptions {
  /** Requests per client per window; 0 turns rate limiting off. */
  max: number
  windowMs: number
}

/** Probes and scrapers call these on a schedule, from one address, and must never be refused for it. */
export function isExempt (routeUrl: string | undefined): boolean {
  return routeUrl === '/metrics' || routeUrl === '/health' || (routeUrl?.startsWith('/health/') ?? false)
}

export default fp(async function rateLimiting (app: FastifyInstance, options: RateLimitOptions) {
  if (options.max <= 0) return
  await app.register(rateLimit, {
    // One app-wide onRequest hook (below) instead of the plugin's per-route hooks: it runs before the auth hook's
    // database lookup, and unknown paths (the not-found handler has no route) are counted too.
    global: false,
    max: options.max,
    timeWindow: options.windowMs,
    // RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (IETF draft) on every response; Retry-After on a 429.
    enableDraftSpec: true,
    allowList: (request) => isExempt(request.routeOptions.url),
    // The client is its address (req.ip: behind a proxy, as trustProxy allows).
    errorResponseBuilder: (_request, context) => new ApiError(429, 'rate_limited', 'Too Many Requests',
      `Too many requests from this client: at most ${context.max} per ${Math.round(options.windowMs / 1000)} s. Retry in ${context.after}.`)
  })
  app.addHook('onRequest', app.rateLimit())
}, { name: 'rate-limit', dependencies: ['problems'] })
