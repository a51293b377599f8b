/** Decorates the app with the database (`db`) and its handle (`dbHandle`: pool, ping), and closes it when the app closes. */
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Database, DatabaseHandle } from '../db/client.ts'
import { readingFromPrimary } from '../db/replicas.ts'

declare module 'fastify' {
  interface FastifyInstance {
    db: Database
    /** The open database's handle: its pool's state (metrics) and a ping (health). */
    dbHandle: DatabaseHandle
  }
}

export interface DatabasePluginOptions {
  handle: DatabaseHandle
  /** Close the handle with the app (false when the caller owns it). */
  closeOnShutdown: boolean
}

export default fp(async function database (app: FastifyInstance, options: DatabasePluginOptions) {
  app.decorate('db', options.handle.db)
  app.decorate('dbHandle', options.handle)
  if (options.closeOnShutdown) app.addHook('onClose', async () => options.handle.close())
  if (options.handle.replicas) {
    // Read-your-writes: a request with credentials (a curator's key) reads from the primary, the key check included;
    // anonymous requests read from the replicas. Set before the auth hook; what follows (body parsing, handler) runs
    // in this async context: Fastify binds the content-type parsers to the request's.
    app.addHook('onRequest', (request, _reply, done) => readingFromPrimary(request.headers.authorization !== undefined, done))
  }
}, { name: 'database' })
