/** GET /metrics (Prometheus text): request counts and latency per route and status, the database pool, Node's event loop. */
import type { FastifyInstance } from 'fastify'
import fastifyMetrics, { type IMetricsPluginOptions } from 'fastify-metrics'
import fp from 'fastify-plugin'
import promClient, { type Registry } from 'prom-client'
import type { DatabaseHandle } from '../db/client.ts'

/** Request latency buckets, in seconds: most reads answer in milliseconds; the request timeout is 15 s. */
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15]

/** The pool as gauges, read at each scrape. */
function poolGauges (registry: Registry, handle: DatabaseHandle) {
  const gauges: Array<[string, string, keyof ReturnType<DatabaseHandle['pool']>]> = [
    ['db_pool_size', 'Connections the database pool may hold.', 'size'],
    ['db_pool_in_use', 'Pooled database connections running a query now.', 'inUse'],
    ['db_pool_waiting', 'Queries waiting for a free pooled database connection.', 'waiting']
  ]
  for (const [name, help, field] of gauges) {
    // A metric registers itself in `registers`; collect() runs at each scrape.
    new promClient.Gauge({ name, help, registers: [registry], collect () { this.set(handle.pool()[field]) } })
  }
}

/** Each read replica, labelled by its position in DATABASE_REPLICA_URLS: whether it takes reads, and its pool. */
function replicaGauges (registry: Registry, replicas: NonNullable<DatabaseHandle['replicas']>) {
  const perReplica = (name: string, help: string, value: (replica: ReturnType<typeof replicas>[number]) => number) =>
    new promClient.Gauge({
      name,
      help,
      labelNames: ['replica'],
      registers: [registry],
      collect () { replicas().forEach((replica, index) => this.set({ replica: String(index + 1) }, value(replica))) }
    })
  perReplica('db_replica_up', 'Read replica answering its probe (1) and taking reads, or not (0): its reads go to the primary.', (r) => Number(r.up))
  perReplica('db_replica_pool_in_use', 'Pooled connections to the read replica running a query now.', (r) => r.pool.inUse)
  perReplica('db_replica_pool_waiting', 'Queries waiting for a free pooled connection to the read replica.', (r) => r.pool.waiting)
}

export default fp(async function metrics (app: FastifyInstance) {
  // A registry per app, not prom-client's global one: several apps in one process (tests) would collide in it.
  const registry = new promClient.Registry()
  const options = {
    // prom-client 15 (runs on Node 20) in place of fastify-metrics' own @prometheus-io/client (Node 22+); same API.
    promClient: { ...promClient, register: registry },
    endpoint: null,
    defaultMetrics: { enabled: true, register: registry },
    routeMetrics: {
      // The histogram's _count is the request count; a summary per route would only repeat it, at a cost.
      enabled: { histogram: true, summary: false },
      // Unmatched requests (404, 405) count too, all under one route label (`__unknown__`): never the raw URL.
      registeredRoutesOnly: false,
      routeBlacklist: ['/metrics'],
      overrides: {
        histogram: { name: 'http_request_duration_seconds', help: 'Request duration in seconds, by method, route pattern and status.', buckets: latencyBuckets, registers: [registry] },
        // Built by the plugin whether enabled or not: registered nowhere.
        summary: { registers: [] }
      }
    }
  }
  // `.default`: a CommonJS module whose plugin is `exports.default` (fastify-plugin also sets it on the plugin itself).
  // The cast: its option types name @prometheus-io/client's classes, which prom-client's match in all but name.
  await app.register(fastifyMetrics.default, options as unknown as IMetricsPluginOptions)

  app.addHook('onReady', async () => {
    if (app.hasDecorator('dbHandle')) poolGauges(registry, app.dbHandle)
    if (app.hasDecorator('dbHandle') && app.dbHandle.replicas) replicaGauges(registry, app.dbHandle.replicas)
  })

  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(await registry.metrics())
  })
}, { name: 'metrics' })
