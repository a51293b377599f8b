/** npm run seed: migrates the configured database and upserts the curated dataset (idempotent). */
import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/client.ts'
import { migrateDatabase } from '../db/migrate.ts'
import { readRecords } from '../seed/dataset.ts'
import { loadDataset } from '../seed/load.ts'

const config = loadConfig()
// Checked before the database is touched: a broken file stops here with every problem listed.
const dataset = readRecords()
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, max: 1 })
try {
  await migrateDatabase(handle, config.databaseUrl)
  const report = await loadDataset(handle.db, dataset)
  console.log('records created and updated per kind (nothing created or updated means the database already matched the files):')
  console.table(report)
} finally {
  await handle.close()
}
