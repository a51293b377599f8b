/** npm run seed: migrates the configured database and upserts the curated dataset (idempotent). */
import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/client.ts'
import { migrateDatabase } from '../db/migrate.ts'
import { StartupError } from '../db/startup-error.ts'
import { readRecords } from '../seed/dataset.ts'
import { loadDataset } from '../seed/load.ts'

/** A reason the database cannot serve that the operator can fix (a held or damaged data folder): its message alone, exit 1. */
function stopOnStartupError (error: unknown): never {
  if (!(error instanceof StartupError)) throw error
  console.error(`seed: ${error.message}`)
  process.exit(1)
}

const config = loadConfig()
// Checked before the database is touched: a broken file stops here with every problem listed.
const dataset = readRecords()
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, max: 1 }).catch(stopOnStartupError)
try {
  await migrateDatabase(handle, config.databaseUrl)
  const report = await loadDataset(handle.db, dataset)
  console.log('records created and updated per kind (nothing created or updated means the database already matched the files):')
  console.table(report)
} catch (error) {
  if (!(error instanceof StartupError)) throw error
  console.error(`seed: ${error.message}`)
  process.exitCode = 1
} finally {
  await handle.close()
}
