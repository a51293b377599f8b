/**
 * npm run release [-- --out <dir>] [--force]: packages the dataset release (src/seed/release.yaml) from the database the
 * server would open: the CSV exports as the API serves them, sources as CSL-JSON, datapackage.json, CITATION.cff and
 * a README, in artifacts/release/<version>/ by default. A progress line per file on stderr, what was written on stdout.
 */
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'

const usage = 'usage: npm run release -- [--out <dir>] [--force]'

/** Bad arguments: one line on stderr, exit 2, before the database is touched. */
function badArguments (message: string): never {
  console.error(`release: ${message} (${usage})`)
  process.exit(2)
}

let values: { out?: string, force?: boolean, help?: boolean }
try {
  ({ values } = parseArgs({
    options: { out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: false
  }))
} catch (error) {
  badArguments((error as Error).message.split('\n')[0]!)
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}
if (values.out !== undefined && values.out.trim() === '') badArguments('--out needs a folder')

// Loaded once the arguments are known to be good, so a mistyped command fails at once.
const [{ pino }, { buildApp }, { loadConfig, ConfigError }, { bootstrapDatabase }, { openDatabase }, { StartupError }, { datasetRelease }, { ReleaseError }, { existingRelease, writeRelease }] = await Promise.all([
  import('pino'), import('../app.ts'), import('../config.ts'), import('../db/bootstrap.ts'), import('../db/client.ts'),
  import('../db/startup-error.ts'), import('../release/dataset-release.ts'), import('../release/errors.ts'), import('../release/write-release.ts')
])

const outDir = resolve(values.out ?? `artifacts/release/${datasetRelease.version}`)
if (!values.force && await existingRelease(outDir)) {
  badArguments(`${outDir} already holds a release: bump the version in src/seed/release.yaml, or pass --force to replace it`)
}

let config: ReturnType<typeof loadConfig>
try {
  config = loadConfig()
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  console.error(`release: ${error.message}`)
  process.exit(1)
}

/** A size for people. */
const size = (bytes: number) => bytes < 10_000 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`

const started = performance.now()
const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, limits: config.database }).catch((error: unknown) => {
  if (!(error instanceof StartupError)) throw error
  console.error(`release: ${error.message}`)
  process.exit(1)
})
let app: Awaited<ReturnType<typeof buildApp>> | undefined
try {
  // As the server starts: migrations applied, the curated dataset loaded into an empty database (SEED_ON_EMPTY).
  await bootstrapDatabase(handle, { url: config.databaseUrl, seedOnEmpty: config.seedOnEmpty })
  // The app logs warnings and errors only, to stderr: stdout is the report. No rate limit: every request is ours.
  app = await buildApp(
    { ...config, rateLimit: { max: 0, windowMs: config.rateLimit.windowMs }, metrics: false, compression: false },
    { database: handle, logger: pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }, pino.destination(2)) }
  )
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  console.error(`release: writing ${datasetRelease.title} ${datasetRelease.version} to ${outDir}`)
  const written = await writeRelease({
    baseUrl: `http://127.0.0.1:${port}`,
    outDir,
    force: values.force,
    onFile: (file) => console.error(`release: ${file.path}${file.rows === undefined ? '' : `: ${file.rows} ${file.path.endsWith('.csv') ? 'rows' : 'items'}`}, ${size(file.bytes)}`)
  })
  console.log(`Release ${datasetRelease.version} written to ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s:`)
  console.table(written.map((file) => ({ file: file.path, rows: file.rows ?? '', bytes: file.bytes })))
} catch (error) {
  if (!(error instanceof ReleaseError || error instanceof StartupError)) throw error
  console.error(`release: ${error.message}`)
  process.exitCode = 1
} finally {
  if (app) await app.close()
  else await handle.close()
}
