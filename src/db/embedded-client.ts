/** Embedded PGlite: one in-process connection, in memory or in a data folder that one process at a time opens and that is never initialised over. */
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm as pgTrgm } from '@electric-sql/pglite/contrib/pg_trgm'
import type { Logger } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import type { Database, DatabaseHandle, DatabaseLimits } from './client.ts'
import { createParentFolders, prepareDataFolder, realDataFolderPath } from './data-folder.ts'
import { lockDataFolder } from './data-folder-lock.ts'
import { diskError, diskErrorCode } from './disk-errors.ts'
import * as schema from './schema.ts'
import { StartupError } from './startup-error.ts'

// pg_trgm backs the incidents text search index (drizzle/0001_incident_text_search.sql).
const extensions = () => ({ pg_trgm: pgTrgm })

/**
 * PGlite's own start parameters, with a smaller buffer cache: Postgres's default 128 MB of shared_buffers lives in
 * the process's WebAssembly memory, and the embedded default holds a curated dataset of a few megabytes (about 110 MB
 * less resident memory; bigger datasets belong on a PostgreSQL server).
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB']

/**
 * Postgres's reason for refusing to start, from its log ("2026-01-01 00:00:00.000 UTC [42] PANIC:  could not read file
 * ..."): the last FATAL or PANIC line without its prefix, with the DETAIL line after it.
 */
function postgresReason (log: string[]): string | undefined {
  const lines = log.map((line) => line.replace(/^.*?\[\d+\] /, '').replace(/^(\w+):\s+/, '$1: ').trim())
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = /^(?:PANIC|FATAL|ERROR): (.*)$/.exec(lines[i]!)
    if (!match) continue
    const detail = /^DETAIL: (.*)$/.exec(lines[i + 1] ?? '')
    return detail ? `${match[1]} (${detail[1]})` : match[1]
  }
  return undefined
}

/**
 * Why PGlite could not start: the disk, or (opening an existing folder) the folder's content. A new folder is built in
 * a sibling (buildDir) and named by the data folder it becomes.
 */
function startFailure (error: unknown, log: string[], dataDir: string, buildDir?: string): StartupError {
  const postgres = postgresReason(log)
  const building = buildDir ? ` (built in ${buildDir})` : ''
  if (diskErrorCode(error, postgres)) {
    return diskError(error, buildDir ? 'initialise the new data folder' : 'open the data folder', `${dataDir}${building}`, postgres)
  }
  const reason = postgres ?? String((error as Error)?.message ?? error).split('\n')[0]!
  if (buildDir) return new StartupError(`cannot initialise the new data folder ${dataDir}${building}: ${reason}`)
  if (/incompatible with server/.test(reason)) {
    return new StartupError(`the data folder ${dataDir} was made by another PostgreSQL version: ${reason}; open it with the PGlite version that made it, or move it away to start fresh`)
  }
  return new StartupError(`the data folder ${dataDir} is damaged: ${reason}; restore it from a backup, or move it away to start fresh`)
}

/** Starts PGlite on the data folder, or on the sibling it is built in, keeping Postgres's log of the start for the error message. */
async function startOn (dataDir: string, build?: { buildDir: string, snapshot?: Blob }): Promise<PGlite> {
  const log: string[] = []
  let starting = true
  const onStderr = (line: string) => {
    if (starting && log.push(line) > 100) log.shift()
    return false
  }
  const client = new PGlite({ dataDir: build?.buildDir ?? dataDir, loadDataDir: build?.snapshot, extensions: extensions(), startParams, onStderr })
  try {
    await client.waitReady
  } catch (error) {
    throw startFailure(error, log, dataDir, build?.buildDir)
  } finally {
    starting = false
  }
  return client
}

function handleOf (client: PGlite, logger: Logger | undefined, close: () => Promise<void>): DatabaseHandle {
  const db = drizzlePglite(client, { schema, logger }) as unknown as Database
  return {
    db,
    kind: 'pglite',
    close,
    ping: async () => { try { await client.query('select 1'); return true } catch { return false } },
    pool: () => ({ size: 1, inUse: 0, waiting: 0 })
  }
}

/**
 * In memory (dataDir null; from a snapshot when given) or in a data folder: locked for this process until the handle
 * closes or the process exits, created whole when missing or empty (from the snapshot when given), and otherwise only
 * opened: a folder that is foreign, damaged or on a failing disk stops the start with a StartupError.
 */
export async function openEmbedded (dataDir: string | null, _limits: DatabaseLimits, options: { logger?: Logger, snapshot?: Blob } = {}): Promise<DatabaseHandle> {
  const { logger, snapshot } = options
  if (!dataDir) {
    const client = new PGlite({ loadDataDir: snapshot, extensions: extensions(), startParams })
    await client.waitReady
    return handleOf(client, logger, () => client.close())
  }

  await createParentFolders(resolve(dataDir))
  const dir = await realDataFolderPath(resolve(dataDir))
  const lock = await lockDataFolder(dir)
  let client: PGlite
  try {
    await prepareDataFolder(dir, async (buildDir) => { await (await startOn(dir, { buildDir, snapshot })).close() })
    client = await startOn(dir)
  } catch (error) {
    await lock.release()
    throw error
  }
  return handleOf(client, logger, async () => {
    try {
      await client.close()
    } finally {
      await lock.release()
    }
  })
}
