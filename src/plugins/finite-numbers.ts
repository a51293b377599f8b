/** Rejects query and path numbers that coerced to Infinity ("1e309"): Ajv's coercion lets them past `integer` and `maximum`. */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { invalidParameter } from '../http/problem.ts'

export default fp(async function finiteNumbers (app: FastifyInstance) {
  app.addHook('preHandler', async (request) => {
    for (const [where, values] of [['query', request.query], ['path', request.params]] as const) {
      if (!values || typeof values !== 'object') continue
      for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
        if (typeof value === 'number' && !Number.isFinite(value)) throw invalidParameter(name, 'must be a finite number', where)
      }
    }
  })
}, { name: 'finite-numbers' })
