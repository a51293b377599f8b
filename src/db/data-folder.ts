/** Makes a path a PGlite data folder: created whole (built aside, then renamed into place) when missing or empty, refused when it holds anything else. */
import { lstat, mkdir, open, readdir, readlink, realpath, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { diskError } from './disk-errors.ts'
import { StartupError } from './startup-error.ts'

/** Where a new data folder is built; only the lock holder builds, so one left behind is from a crash and may go. */
export const buildPathOf = (dataDir: string): string => `${dataDir}.initialising`

/**
 * Creates the folders above the data folder. Not mkdir({ recursive: true }): Node's loops forever on a path under
 * /proc, whose mkdir fails with ENOENT although the parent exists.
 */
export async function createParentFolders (dataDir: string): Promise<void> {
  const missing: string[] = []
  for (let path = dirname(dataDir); ; path = dirname(path)) {
    let isFolder: boolean
    try {
      isFolder = (await stat(path)).isDirectory()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw diskError(error, 'create the data folder', dataDir)
      missing.unshift(path)
      if (dirname(path) === path) break
      continue
    }
    // A path through a file: said so here, rather than as a failure to write the lock file.
    if (!isFolder) throw diskError({ code: 'ENOTDIR' }, 'create the data folder', dataDir)
    break
  }
  for (const path of missing) {
    try {
      await mkdir(path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw diskError(error, 'create the folder', path)
    }
  }
}

/**
 * The data folder's real path (its parent exists), so that two paths to one folder, through a symbolic link, share one
 * lock. A link to nothing (a disk not mounted?) stops the start: a new data folder there would hide the real one.
 */
export async function realDataFolderPath (dataDir: string): Promise<string> {
  try {
    return await realpath(dataDir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw diskError(error, 'read the data folder', dataDir)
  }
  const link = await lstat(dataDir).then((stats) => stats.isSymbolicLink(), () => false)
  if (link) {
    const target = await readlink(dataDir).catch(() => '?')
    throw new StartupError(`the data folder ${dataDir} is a link to ${target}, which does not exist: mount the disk it is on or fix the link, or set PGLITE_DATA_DIR to another folder`)
  }
  try {
    return join(await realpath(dirname(dataDir)), basename(dataDir))
  } catch (error) {
    throw diskError(error, 'read the data folder', dataDir)
  }
}

type FolderState = 'missing' | 'empty' | 'pglite' | { foreign: string[] }

function mountPointError (dataDir: string): StartupError {
  return new StartupError(`cannot create the data folder ${dataDir}: it is a mount point (another disk than its parent's), and a new data folder is built beside it, then renamed into place; set PGLITE_DATA_DIR to a folder inside it, e.g. ${dataDir}/pglite`)
}

async function inspect (dataDir: string): Promise<FolderState> {
  try {
    if (!(await stat(dataDir)).isDirectory()) {
      throw new StartupError(`the data folder ${dataDir} is a file, not a folder: move it away, or set PGLITE_DATA_DIR to a folder`)
    }
    const entries = await readdir(dataDir)
    if (entries.length === 0) return 'empty'
    return entries.includes('PG_VERSION') ? 'pglite' : { foreign: entries.sort() }
  } catch (error) {
    if (error instanceof StartupError) throw error
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw diskError(error, 'read the data folder', dataDir)
  }
}

/** Makes a rename durable; best effort, as PGlite itself runs with fsync off. */
async function syncFolder (path: string): Promise<void> {
  try {
    const handle = await open(path, 'r')
    try { await handle.sync() } finally { await handle.close() }
  } catch {
    // Some file systems refuse to sync a folder; the rename stands anyway.
  }
}

/**
 * Checks the data folder, or creates it when it is missing or empty: initialise() fills a sibling folder, which is then
 * renamed into place, so a start that dies half-way leaves no half-written data folder. The caller holds the lock.
 * A folder with files but no PG_VERSION is refused, never initialised over. Returns whether the folder was created.
 */
export async function prepareDataFolder (dataDir: string, initialise: (buildDir: string) => Promise<void>): Promise<boolean> {
  const state = await inspect(dataDir)
  if (state === 'pglite') return false
  if (typeof state === 'object') {
    const shown = state.foreign.slice(0, 5).join(', ') + (state.foreign.length > 5 ? ', ...' : '')
    // Postgres's own folders without PG_VERSION: most likely an initialisation that died (before writes became atomic).
    const hint = state.foreign.includes('global') || state.foreign.includes('base') ? ' (it looks like an unfinished initialisation)' : ''
    throw new StartupError(`${dataDir} is not a PGlite data folder: it holds ${shown} but no PG_VERSION${hint}; move it away to start fresh, or set PGLITE_DATA_DIR to an empty or new folder`)
  }

  // Checked before the build: a folder on another disk than its parent cannot be replaced by a rename.
  if (state === 'empty' && (await stat(dataDir)).dev !== (await stat(dirname(dataDir))).dev) throw mountPointError(dataDir)

  const buildDir = buildPathOf(dataDir)
  try {
    await rm(buildDir, { recursive: true, force: true })
    // Private, as initdb makes a data folder.
    await mkdir(buildDir, { mode: 0o700 })
  } catch (error) {
    throw diskError(error, 'create the folder', buildDir)
  }
  try {
    await initialise(buildDir)
  } catch (error) {
    await rm(buildDir, { recursive: true, force: true }).catch(() => {})
    throw error
  }
  try {
    // Replaces an empty folder in one step, as rename(2) allows.
    await rename(buildDir, dataDir)
  } catch (error) {
    await rm(buildDir, { recursive: true, force: true }).catch(() => {})
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EXDEV' || code === 'EBUSY') throw mountPointError(dataDir)
    if (code === 'ENOTEMPTY' || code === 'EEXIST') {
      throw new StartupError(`cannot create the data folder ${dataDir}: files appeared in it while it was being initialised; move them away and start again`)
    }
    throw diskError(error, 'create the data folder', dataDir)
  }
  await syncFolder(dirname(dataDir))
  return true
}
