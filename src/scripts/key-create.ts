/** npm run key:create -- --name <name> --scope write [--scope admin]: creates an API key and prints it, alone, on the last line. */
import { parseArgs } from 'node:util'
import { keyScopes } from '../core/keys/scopes.ts'
import { StartupError } from '../db/startup-error.ts'

const usage = `usage: npm run key:create -- --name <name> --scope ${keyScopes.join('|')} [--scope ...]`

/** A reason the database cannot serve that the operator can fix (a held or damaged data folder): its message alone, exit 1. */
function stopOnStartupError (error: unknown): never {
  if (!(error instanceof StartupError)) throw error
  console.error(`key:create: ${error.message}`)
  process.exit(1)
}

/** Bad arguments: one line on stderr, exit 2, before the database is touched. */
function badArguments (message: string): never {
  console.error(`key:create: ${message} (${usage})`)
  process.exit(2)
}

let values: { name?: string, scope?: string[], help?: boolean }
try {
  ({ values } = parseArgs({
    options: { name: { type: 'string' }, scope: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: false
  }))
} catch (error) {
  badArguments((error as Error).message.split('\n')[0]!)
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}
if (values.name === undefined || values.name.trim() === '') badArguments('--name is required')
const scopes = values.scope ?? []
if (scopes.length === 0) badArguments('at least one --scope is required')
const unknown = scopes.filter((scope) => !(keyScopes as readonly string[]).includes(scope))
if (unknown.length > 0) badArguments(`unknown scope ${unknown.map((s) => JSON.stringify(s)).join(', ')}: use ${keyScopes.join(' or ')}`)

// Loaded once the arguments are known to be good, so a mistyped command fails at once.
const [{ loadConfig }, { openDatabase }, { migrateDatabase }, { createKey, InvalidKeyInputError }] = await Promise.all([
  import('../config.ts'), import('../db/client.ts'), import('../db/migrate.ts'), import('../core/keys/index.ts')
])
const config = loadConfig()
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, max: 1 }).catch(stopOnStartupError)
try {
  await migrateDatabase(handle, config.databaseUrl)
  const key = await createKey(handle.db, { name: values.name, scopes })
  console.log(`Created API key ${key.id} "${key.name}" with scope${key.scopes.length > 1 ? 's' : ''} ${key.scopes.join(', ')}.`)
  console.log('It is shown this once (only its SHA-256 hash is stored). Send it as `Authorization: Bearer <key>`:')
  console.log(key.key)
} catch (error) {
  if (error instanceof StartupError) {
    console.error(`key:create: ${error.message}`)
    process.exitCode = 1
  } else {
    if (!(error instanceof InvalidKeyInputError)) throw error
    console.error(`key:create: ${error.message} (${usage})`)
    process.exitCode = 2
  }
} finally {
  await handle.close()
}
