/** File-system failures around the embedded data folder, turned into one-line StartupErrors that name the path and the fix. */
import { statSync } from 'node:fs'
import { dirname } from 'node:path'
import { StartupError } from './startup-error.ts'

/**
 * PGlite's file system (Emscripten's NODEFS) rethrows Node's errors as ErrnoError { errno } with Emscripten's own
 * numbering (its ERRNO_CODES table), not Linux's: only the ones an operator can do something about.
 */
const emscriptenCodes: Record<number, string> = {
  2: 'EACCES', 63: 'EPERM', 51: 'ENOSPC', 19: 'EDQUOT', 69: 'EROFS', 54: 'ENOTDIR', 29: 'EIO'
}

/** Postgres reports the same failures as strerror text in its log ("could not create lock file ...: Read-only file system"). */
const strerrorCodes: Array<[RegExp, string]> = [
  [/No space left on device/i, 'ENOSPC'],
  [/Disk quota exceeded/i, 'EDQUOT'],
  [/Read-only file system/i, 'EROFS'],
  [/Permission denied/i, 'EACCES'],
  [/Operation not permitted/i, 'EPERM'],
  [/Input\/output error/i, 'EIO']
]

const diskCodes = new Set(['EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EROFS', 'ENOTDIR', 'EIO'])

/** The errno name of a disk failure, from a Node error, a PGlite ErrnoError, or Postgres's log text; undefined otherwise. */
export function diskErrorCode (error: unknown, logText = ''): string | undefined {
  const { code, errno, name } = (error ?? {}) as { code?: unknown, errno?: unknown, name?: unknown }
  if (typeof code === 'string' && diskCodes.has(code)) return code
  if (name === 'ErrnoError' && typeof errno === 'number' && emscriptenCodes[errno]) return emscriptenCodes[errno]
  for (const [pattern, found] of strerrorCodes) if (pattern.test(logText)) return found
  return undefined
}

/** The nearest existing ancestor of path when it is a file rather than a folder (what ENOTDIR complains about). */
function fileInTheWay (path: string): string | undefined {
  for (let p = path; ; p = dirname(p)) {
    try {
      return statSync(p).isDirectory() ? undefined : p
    } catch {
      if (dirname(p) === p) return undefined
    }
  }
}

const fix = 'or set PGLITE_DATA_DIR to a folder elsewhere'

/**
 * A StartupError for a file-system failure while doing something to path ("write the lock file", "create the data
 * folder"); errors that are no disk failure keep their own message, still in one line with the path and the fix.
 */
export function diskError (error: unknown, doing: string, path: string, logText = ''): StartupError {
  const code = diskErrorCode(error, logText)
  const prefix = `cannot ${doing} ${path}`
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new StartupError(`${prefix}: the disk is full (${code}): free some space on it, ${fix} on a disk with room`)
    case 'EROFS':
      return new StartupError(`${prefix}: the file system is read-only (EROFS): remount it read-write, ${fix} on a writable disk`)
    case 'EACCES':
    case 'EPERM': {
      const user = process.getuid ? ` for user ${process.getuid()}` : ''
      return new StartupError(`${prefix}: permission denied${user} (${code}): give this user write access to it, ${fix} that it can write`)
    }
    case 'ENOTDIR': {
      const file = fileInTheWay(path)
      const what = file ? `${file} is a file, not a folder` : 'a part of the path is a file, not a folder'
      return new StartupError(`${prefix}: ${what} (ENOTDIR): move that file away, ${fix}`)
    }
    case 'EIO':
      return new StartupError(`${prefix}: the disk reported an input/output error (EIO): check the disk and restore the data folder from a backup if needed, ${fix}`)
  }
  const { name, errno, message } = (error ?? {}) as { name?: unknown, errno?: unknown, message?: unknown }
  const text = typeof message === 'string' && message !== '' ? message : name === 'ErrnoError' ? `file system error (Emscripten errno ${String(errno)})` : String(error)
  return new StartupError(`${prefix}: ${text.split('\n')[0]}; check the path and its permissions, ${fix}`)
}
