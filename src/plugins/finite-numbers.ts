/** Rejects query numbers that coerced to Infinity ("1e309"): Ajv's coercion lets them past `integer` and `maximum`. */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { invalidParameter } from '../http/problem.ts'

export default fp(async function finiteNumbers (app: FastifyInstance) {
  app.addHook('preHandler', async (request) => {
    const query = request.query as Record<string, unknown> | undefined
    if (!query) return
    for (const [name, value] of Object.entries(query)) {
      if (typeof value === 'number' && !Number.isFinite(value)) throw invalidParameter(name, 'must be a finite number')
    }
  })
}, { name: 'finite-numbers' })
