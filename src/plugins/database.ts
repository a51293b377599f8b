/** Decorates the app with the database and closes it when the app closes. */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Database, DatabaseHandle } from '../db/client.ts'

declare module 'fastify' {
  interface FastifyInstance {
    db: Database
  }
}

export interface DatabasePluginOptions {
  handle: DatabaseHandle
  /** Close the handle with the app (false when the caller owns it). */
  closeOnShutdown: boolean
}

export default fp(async function database (app: FastifyInstance, options: DatabasePluginOptions) {
  app.decorate('db', options.handle.db)
  if (options.closeOnShutdown) app.addHook('onClose', async () => options.handle.close())
}, { name: 'database' })
