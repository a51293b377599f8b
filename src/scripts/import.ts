/**
 * npm run import -- <file.ndjson|dir> [--batch-size N] [--concurrency N]: imports records through the write path into
 * the configured database, with progress on stderr, every rejected row and a summary on stdout. Exit 0: all imported;
 * 1: some rows rejected; 2: bad arguments or an unreadable input; 3: the import failed (the database refused to work,
 * or could not be opened: a held or damaged data folder, a full disk).
 */
import { accessSync, constants, createReadStream, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { ImportRow } from '../core/records/import.ts'
import { StartupError } from '../db/startup-error.ts'

const usage = 'usage: npm run import -- <file.ndjson|dir> [--batch-size N] [--concurrency N]'

function badArguments (message: string): never {
  console.error(`import: ${message} (${usage})`)
  process.exit(2)
}

let parsed: { values: { 'batch-size'?: string, concurrency?: string, help?: boolean }, positionals: string[] }
try {
  parsed = parseArgs({ options: { 'batch-size': { type: 'string' }, concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true })
} catch (error) {
  badArguments((error as Error).message.split('\n')[0]!)
}
if (parsed.values.help) {
  console.log(usage)
  process.exit(0)
}
if (parsed.positionals.length !== 1) badArguments(`expected one file or folder, got ${parsed.positionals.length}`)
const input = parsed.positionals[0]!

function integer (name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) badArguments(`--${name} must be an integer from 1 to ${max}, got "${text}"`)
  return Number(text)
}
const batchSize = integer('batch-size', parsed.values['batch-size'], 10_000) ?? 1000
const concurrencyOption = integer('concurrency', parsed.values.concurrency, 8)

let isDirectory: boolean
try {
  isDirectory = statSync(input).isDirectory()
  accessSync(input, constants.R_OK)
} catch (error) {
  console.error(`import: cannot read ${input}: ${(error as Error).message}`)
  process.exit(2)
}

/** Non-blank lines of the file: the progress bar's total. */
async function countRows (path: string): Promise<number> {
  let rows = 0
  let blank = true
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 10) { if (!blank) rows++; blank = true } else if (byte !== 13 && byte !== 32 && byte !== 9) blank = false
    }
  }
  return blank ? rows : rows + 1
}

// Loaded once the arguments are known to be good, so a mistyped command fails at once.
const [{ loadConfig }, { openDatabase }, { migrateDatabase }, { directoryRows, formatRejection, importRecords, ndjsonRows, rejectedRows }, { default: cliProgress }] = await Promise.all([
  import('../config.ts'), import('../db/client.ts'), import('../db/migrate.ts'), import('../core/records/import.ts'), import('cli-progress')
])

let rows: Iterable<ImportRow> | AsyncIterable<ImportRow>
let total: number
try {
  if (isDirectory) {
    const list = [...directoryRows(input)]
    rows = list
    total = list.length
  } else {
    total = await countRows(input)
    rows = ndjsonRows(input)
  }
} catch (error) {
  console.error(`import: cannot read ${input}: ${(error as Error).message}`)
  process.exit(2)
}

const config = loadConfig()
let started = performance.now()
const seconds = () => (performance.now() - started) / 1000
const rate = (n: number) => Math.round(n / Math.max(seconds(), 0.001))

// On a terminal a bar; otherwise (CI, a log file) a line every 10,000 rows or every 2 seconds.
const bar = process.stderr.isTTY
  ? new cliProgress.SingleBar({
    format: 'importing {bar} {percentage}% | {value}/{total} rows | {speed} records/s | {rejected} rejected | {duration_formatted}',
    hideCursor: true
  }, cliProgress.Presets.shades_classic)
  : null
bar?.start(total, 0, { speed: 0, rejected: 0 })
let nextMark = 10_000
let lastLine = performance.now()
const onProgress = ({ done, rejected }: { done: number, rejected: number }) => {
  if (bar) {
    bar.update(done, { speed: rate(done), rejected })
    return
  }
  if (done >= nextMark || performance.now() - lastLine >= 2000) {
    console.error(`import: ${done} of ${total} rows, ${rejected} rejected, ${rate(done)} records/s`)
    while (nextMark <= done) nextMark += 10_000
    lastLine = performance.now()
  }
}

// Two batches at once keep both this process and the server busy; PGlite has one connection.
const concurrency = config.databaseUrl ? (concurrencyOption ?? 2) : 1
/** The database cannot be opened, for a reason the operator can fix: its message alone, exit 3 (1 means rejected rows). */
function stopOnStartupError (error: unknown): never {
  if (!(error instanceof StartupError)) throw error
  bar?.stop()
  console.error(`import: ${error.message}`)
  process.exit(3)
}
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, max: concurrency }).catch(stopOnStartupError)
let report: Awaited<ReturnType<typeof importRecords>> | undefined
let failure: unknown
try {
  await migrateDatabase(handle, config.databaseUrl)
  started = performance.now()
  report = await importRecords(handle.db, rows, { batchSize, concurrency, keyId: null, onProgress })
} catch (error) {
  failure = error
} finally {
  bar?.stop()
  await handle.close()
}
if (!report) {
  if (failure instanceof StartupError) stopOnStartupError(failure)
  const error = failure as Error & { code?: string }
  if (error.code && ['ENOENT', 'EACCES', 'EISDIR', 'EIO'].includes(error.code)) {
    console.error(`import: cannot read ${input}: ${error.message}`)
    process.exit(2)
  }
  console.error(`import: failed: ${String(error?.message ?? error).split('\n')[0]}`)
  process.exit(3)
}

for (const rejection of report.rejected) console.log(formatRejection(rejection))
const rejected = rejectedRows(report)
console.log(`read ${report.read}, created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${rejected} in ${seconds().toFixed(1)}s`)
process.exitCode = rejected > 0 ? 1 : 0
