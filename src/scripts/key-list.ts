/** npm run key:list: every API key with its scopes and dates, as a table; never a key or its hash. */
import { parseArgs } from 'node:util'
import { StartupError } from '../db/startup-error.ts'

const usage = 'usage: npm run key:list'

/** A reason the database cannot serve that the operator can fix (a held or damaged data folder): its message alone, exit 1. */
function stopOnStartupError (error: unknown): never {
  if (!(error instanceof StartupError)) throw error
  console.error(`key:list: ${error.message}`)
  process.exit(1)
}

try {
  parseArgs({ options: {}, allowPositionals: false })
} catch (error) {
  console.error(`key:list: ${(error as Error).message.split('\n')[0]} (${usage})`)
  process.exit(2)
}

// Loaded once the arguments are known to be good, so a mistyped command fails at once.
const [{ loadConfig }, { openDatabase }, { migrateDatabase }, { listKeys }] = await Promise.all([
  import('../config.ts'), import('../db/client.ts'), import('../db/migrate.ts'), import('../core/keys/index.ts')
])
const config = loadConfig()
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, max: 1 }).catch(stopOnStartupError)
try {
  await migrateDatabase(handle, config.databaseUrl)
  const keys = await listKeys(handle.db)
  if (keys.length === 0) {
    console.log('No API keys yet: create one with npm run key:create -- --name <name> --scope write')
  } else {
    console.table(keys.map((key) => ({ ...key, scopes: key.scopes.join(','), revoked_at: key.revoked_at ?? '' })))
  }
} catch (error) {
  if (!(error instanceof StartupError)) throw error
  console.error(`key:list: ${error.message}`)
  process.exitCode = 1
} finally {
  await handle.close()
}
