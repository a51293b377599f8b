/** Process entry: read config, open and prepare the database, build the app, listen, close with grace. */
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { bootstrapDatabase } from './db/bootstrap.ts'
import { openDatabase } from './db/client.ts'

async function main (): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }

  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  const app = await buildApp(config, { database: handle })
  const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`
  const { seeded } = await bootstrapDatabase(handle, { url: config.databaseUrl, seedOnEmpty: config.seedOnEmpty })
  app.log.info({ database: where, seeded }, seeded ? 'database migrated and loaded with the curated dataset' : 'database migrated')

  app.server.headersTimeout = 35_000
  app.server.keepAliveTimeout = 5_000

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an error')
    else app.log.info({ signal }, 'closing')
    await app.close()
  })

  await app.listen({ port: config.port, host: config.host })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
