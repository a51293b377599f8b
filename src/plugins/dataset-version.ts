/** `Dataset-Version: <release>` on every response (API, docs, errors, 404s): which dataset release answered. */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { datasetRelease } from '../release/dataset-release.ts'

/** The header, for the hook below and for replies written outside the hooks (problems.ts). */
export const datasetVersionHeaders = { 'dataset-version': datasetRelease.version } as const

export default fp(async function datasetVersionPlugin (app: FastifyInstance) {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(datasetVersionHeaders)
  })
}, { name: 'dataset-version' })
