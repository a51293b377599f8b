/** npm run key:revoke -- <id>: revokes an API key; requests with it are refused from now on. */
import { parseArgs } from 'node:util'
import { StartupError } from '../db/startup-error.ts'

const usage = 'usage: npm run key:revoke -- <id>   (the id as npm run key:list shows it)'

/** A reason the database cannot serve that the operator can fix (a held or damaged data folder): its message alone, exit 1. */
function stopOnStartupError (error: unknown): never {
  if (!(error instanceof StartupError)) throw error
  console.error(`key:revoke: ${error.message}`)
  process.exit(1)
}

function badArguments (message: string): never {
  console.error(`key:revoke: ${message} (${usage})`)
  process.exit(2)
}

let positionals: string[] = []
try {
  ({ positionals } = parseArgs({ options: {}, allowPositionals: true }))
} catch (error) {
  badArguments((error as Error).message.split('\n')[0]!)
}
if (positionals.length !== 1 || positionals[0]!.trim() === '') badArguments(`expected one key id, got ${positionals.length}`)
const id = positionals[0]!.trim()

// Loaded once the arguments are known to be good, so a mistyped command fails at once.
const [{ loadConfig }, { openDatabase }, { migrateDatabase }, { KeyNotFoundError, revokeKey }] = await Promise.all([
  import('../config.ts'), import('../db/client.ts'), import('../db/migrate.ts'), import('../core/keys/index.ts')
])
const config = loadConfig()
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, max: 1 }).catch(stopOnStartupError)
try {
  await migrateDatabase(handle, config.databaseUrl)
  const key = await revokeKey(handle.db, id)
  console.log(`Revoked API key ${key.id} "${key.name}" (revoked at ${key.revoked_at}).`)
} catch (error) {
  if (error instanceof StartupError) {
    console.error(`key:revoke: ${error.message}`)
  } else {
    if (!(error instanceof KeyNotFoundError)) throw error
    console.error(`key:revoke: ${error.message}; npm run key:list shows the ids`)
  }
  process.exitCode = 1
} finally {
  await handle.close()
}
