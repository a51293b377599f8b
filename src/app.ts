/** buildApp(config): registers plugins, then routes, explicitly. It never listens; server.ts does. */
import { readFileSync } from 'node:fs'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { defaults, type AppConfig, type Config } from './config.ts'
import type { DatabaseHandle } from './db/client.ts'
import auth from './plugins/auth.ts'
import { lazySerializerFactory } from './http/lazy-serializers.ts'
import { validatorCompiler } from './http/validator-compiler.ts'
import database from './plugins/database.ts'
import datasetVersion from './plugins/dataset-version.ts'
import deprecation from './plugins/deprecation.ts'
import finiteNumbers from './plugins/finite-numbers.ts'
import health, { healthRoutes } from './plugins/health.ts'
import httpCaching from './plugins/http-caching.ts'
import metrics from './plugins/metrics.ts'
import openapi from './plugins/openapi.ts'
import problems, { clientErrors, frameworkErrors } from './plugins/problems.ts'
import rateLimiting from './plugins/rate-limit.ts'
import requestDeadline from './plugins/request-deadline.ts'
import requestIds, { requestIdOptions } from './plugins/request-id.ts'
import securityHeaders from './plugins/security-headers.ts'
import actorRoutes from './routes/actors/routes.ts'
import exploreRoutes from './routes/explore/routes.ts'
import incidentRoutes from './routes/incidents/routes.ts'
import keyRoutes from './routes/keys/routes.ts'
import provinceRoutes from './routes/provinces/routes.ts'
import sourceRoutes from './routes/sources/routes.ts'
import statsRoutes from './routes/stats/routes.ts'
import statementRoutes from './routes/statements/routes.ts'
import recordRoutes from './routes/records/routes.ts'
import tallyRoutes from './routes/tallies/routes.ts'
import { documentServiceErrors } from './routes/responses.ts'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }

export interface BuildOptions {
  /** The open database; absent only when building the app to write its OpenAPI document. */
  database?: DatabaseHandle
  /** Close the database when the app closes (default true). */
  closeDatabase?: boolean
  /** A logger made by the entry point before the app (start-up steps log through it); otherwise one at config.logLevel. */
  logger?: FastifyBaseLogger
}

/** Fastify's trustProxy; a hop count as the function Fastify would make of it (its types take no number). */
function trustProxy (value: Config['trustProxy']) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value
}

/** Fields absent from `config` take their production default from `defaults`, except rate limiting: off unless asked for. */
export async function buildApp (config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: { level: config.logLevel } }),
    ...requestIdOptions(),
    // Rate limiting is per client: behind a proxy, the client's address comes from X-Forwarded-For only when trusted.
    trustProxy: trustProxy(config.trustProxy ?? defaults.trustProxy),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: true } },
    // Draining is answered by the health plugin (a problem with Retry-After), before Fastify would.
    return503OnClosing: false,
    // Longer than any URL Node accepts (16 KiB of headers), so every path parameter reaches schema validation.
    routerOptions: { maxParamLength: 20_000 },
    frameworkErrors,
    // Requests Node's HTTP parser refuses (400, 408, 414, 431) as problem documents, not Fastify's plain JSON.
    clientErrorHandler: clientErrors,
    schemaController: { compilersFactory: { buildSerializer: lazySerializerFactory() } },
    requestTimeout: 30_000
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(validatorCompiler(() => app.getSchemas()))
  // Bodies are JSON (or JSON Merge Patch): plain text is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain')
  // onRequest hooks run in registration order: the request id first (every later log line and problem carries it),
  // the URL length check, the metrics timer (draining and rate-limit refusals are counted), draining, the rate limit;
  // auth comes last. Problems before any route: its onRoute hook learns every path for 405s.
  await app.register(requestIds)
  await app.register(problems)
  if (config.metrics ?? defaults.metrics) await app.register(metrics)
  await app.register(securityHeaders)
  await app.register(datasetVersion)
  // Every API operation documents the 429 and 503 any request can get.
  app.addHook('onRoute', documentServiceErrors)
  await app.register(health)
  await app.register(requestDeadline, { timeoutMs: config.requestTimeoutMs ?? defaults.requestTimeoutMs })
  await app.register(rateLimiting, config.rateLimit ?? { max: 0, windowMs: defaults.rateLimit.windowMs })
  await app.register(finiteNumbers)
  if (options.database) await app.register(database, { handle: options.database, closeOnShutdown: options.closeDatabase ?? true })
  await app.register(httpCaching, { corsOrigins: config.corsOrigins, compression: config.compression ?? defaults.compression })
  await app.register(deprecation)
  await app.register(openapi, { version: pkg.version })
  await app.register(auth)

  await app.register(healthRoutes, { handle: options.database })
  await app.register(incidentRoutes)
  await app.register(actorRoutes)
  await app.register(statementRoutes)
  await app.register(sourceRoutes)
  await app.register(provinceRoutes)
  await app.register(tallyRoutes)
  await app.register(statsRoutes)
  await app.register(recordRoutes)
  await app.register(keyRoutes)
  await app.register(exploreRoutes)

  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/docs'))
  return app
}
