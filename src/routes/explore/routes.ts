/** /explore: a page over the public API (filters, a monthly timeline, a province map, the matching incidents), under a strict Content-Security-Policy. */
import type { FastifyPluginAsync } from 'fastify'
import { exploreAssets, page } from './assets.ts'

/**
 * Everything from this origin only: scripts (no inline script, no eval), styles, images, the API it reads. Charts are
 * drawn on canvas; ECharts sets its element styles through the DOM, which style-src does not govern.
 */
export const exploreCSP = [
  "default-src 'none'",
  "base-uri 'none'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "style-src 'self'"
].join('; ')

const exploreRoutes: FastifyPluginAsync = async (app) => {
  const assets = exploreAssets()
  // Encapsulated: the policy is on this plugin's responses only; the API keeps none.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('content-security-policy', exploreCSP)
  })

  app.get('/explore', { schema: { hide: true } }, async (_request, reply) => reply.type(page.type).send(page.body()))

  app.get('/explore/', { schema: { hide: true } }, async (request, reply) => {
    const query = request.url.indexOf('?')
    return reply.redirect(`/explore${query === -1 ? '' : request.url.slice(query)}`)
  })

  app.get<{ Params: { name: string } }>('/explore/assets/:name', { schema: { hide: true } }, async (request, reply) => {
    const asset = assets.get(request.params.name)
    if (!asset) return reply.callNotFound()
    return reply.type(asset.type).send(asset.body())
  })
}

export default exploreRoutes
