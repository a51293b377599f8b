/**
 * Process entry: read config, open and prepare the database, build the app, listen; on SIGTERM or SIGINT drain and
 * exit 0. Each start-up step is logged with its duration; a reason not to start is one line, not a stack trace.
 */
import closeWithGrace from 'close-with-grace'
import { pino, type Logger } from 'pino'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'
import { bootstrapDatabase } from './db/bootstrap.ts'
import { openDatabase } from './db/client.ts'
import { StartupError } from './db/startup-error.ts'

/** Runs one start-up step and logs how long it took. */
async function step<T> (log: Logger, name: string, run: () => Promise<T>, details: (result: T) => object = () => ({})): Promise<T> {
  const started = performance.now()
  const result = await run()
  log.info({ step: name, ms: Math.round(performance.now() - started), ...details(result) }, `start-up: ${name}`)
  return result
}

async function main (config: Config, log: Logger): Promise<void> {
  const startedAt = performance.now()
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`
  const replicaUrls = config.databaseReplicaUrls
  const onReplicaChange = (index: number, up: boolean) => {
    if (up) log.info({ replica: index + 1 }, 'read replica answers again: it takes reads')
    else log.warn({ replica: index + 1 }, 'read replica does not answer: its reads go to the primary until it does')
  }
  const handle = await step(log, 'open database', () =>
    openDatabase({ url: config.databaseUrl, replicaUrls, onReplicaChange, dataDir: config.dataDir, limits: config.database }), (opened) => ({
    database: where,
    ...(replicaUrls.length > 0 && { replicas: replicaUrls.length, replicasUp: opened.replicas?.().filter((r) => r.up).length })
  }))
  if (replicaUrls.length > 0) {
    log.info({ replicas: replicaUrls.length }, `reads go to ${replicaUrls.length} replica(s) (DATABASE_REPLICA_URLS); writes and requests with credentials to the primary`)
  }
  await bootstrapDatabase(handle, {
    url: config.databaseUrl,
    seedOnEmpty: config.seedOnEmpty,
    onStep: (name, ms, detail) => log.info({ step: name, ms, ...detail }, `start-up: ${name}`)
  })
  const app = await step(log, 'build app', async () => {
    const built = await buildApp(config, { database: handle, logger: log })
    await built.ready()
    return built
  })

  // Behind a load balancer: keep idle connections longer than its idle timeout would be wrong; shorter is safe.
  app.server.headersTimeout = 35_000
  app.server.keepAliveTimeout = 5_000

  closeWithGrace({ delay: config.shutdownTimeoutMs, logger: { error: (m: unknown) => log.error(m) } }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'closing after an error')
    else log.info({ signal }, 'draining: readiness is 503, new requests are turned away, in-flight requests finish')
    app.startDraining()
    if (config.shutdownDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs))
    const closing = performance.now()
    await app.close()
    log.info({ ms: Math.round(performance.now() - closing) }, 'closed')
    process.exit(err ? 1 : 0)
  })

  await step(log, 'listen', () => app.listen({ port: config.port, host: config.host }), (address) => ({ address }))
  log.info({ ms: Math.round(performance.now() - startedAt), uptimeMs: Math.round(process.uptime() * 1000) }, 'ready')
}

let config: Config
try {
  config = loadConfig()
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}
const log = pino({ level: config.logLevel })
main(config, log).catch((error: unknown) => {
  if (error instanceof StartupError) log.fatal(error.message)
  else log.fatal({ err: error }, 'start-up failed')
  // pino writes asynchronously to stdout; let it flush before leaving.
  log.flush(() => process.exit(1))
})
