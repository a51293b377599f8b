/** One process at a time per embedded data folder: a lock file next to it names its owner and is taken over once that owner is gone. */
import { randomBytes } from 'node:crypto'
import { readFileSync, unlinkSync } from 'node:fs'
import { link, open, readFile, stat, unlink, utimes } from 'node:fs/promises'
import { hostname } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { diskError } from './disk-errors.ts'
import { StartupError } from './startup-error.ts'

/** What the lock file holds: one line of JSON. */
export interface LockOwner {
  pid: number
  host: string
  /** When the lock was taken (ISO 8601). */
  since: string
  command: string
  /**
   * Linux: the kernel's boot id and the owner's start time (clock ticks since boot, /proc/<pid>/stat field 22), so a
   * pid reused after a crash (a container's pid 1 after a restart) or after a reboot is not mistaken for the owner.
   */
  bootId?: string
  startTicks?: number
  /** Unique per lock taken: release removes the file only while it is still this lock. */
  token: string
}

export interface DataFolderLock {
  /** The lock file. */
  path: string
  owner: LockOwner
  /** Removes the lock file if it is still ours; never throws. Idempotent. */
  release: () => Promise<void>
}

/** Next to the folder rather than in it, so it also guards the folder's creation (the folder appears whole, by rename). */
export const lockPathOf = (dataDir: string): string => `${dataDir}.lock`

/**
 * Another host (another container, another machine on a shared disk) cannot see whether our pid runs: the holder
 * renews the lock file's modification time, and a lock not renewed for this long is taken over from another host.
 */
export const leaseMs = 60_000
const renewEveryMs = 15_000

/** Lock file -> token of the locks this process holds: a second open in this process is refused, and exit releases them. */
const held = new Map<string, string>()

function readProc (path: string): string | undefined {
  try {
    return readFileSync(`/proc/${path}`, 'utf8')
  } catch {
    return undefined
  }
}

/** The process's state letter and start time from /proc/<pid>/stat; the command name in parentheses may hold spaces. */
function procStat (pid: number | 'self'): { state: string, startTicks: number } | undefined {
  const text = readProc(`${pid}/stat`)
  if (text === undefined) return undefined
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  const startTicks = Number(fields[19])
  return Number.isSafeInteger(startTicks) ? { state: fields[0]!, startTicks } : undefined
}

/** A command line as one short line, fit for a one-line message (node -e takes a whole script as an argument). */
function oneLine (words: string[]): string {
  const line = words.join(' ').replace(/\s+/g, ' ').trim()
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}

function commandLine (pid: number | 'self'): string | undefined {
  const words = readProc(`${pid}/cmdline`)?.split('\0').filter(Boolean)
  return words?.length ? oneLine(words) : undefined
}

const bootId = (): string | undefined => readProc('sys/kernel/random/boot_id')?.trim() || undefined

function ownRecord (): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command: commandLine('self') ?? oneLine([process.execPath, ...process.execArgv, ...process.argv.slice(1)]),
    bootId: bootId(),
    startTicks: procStat('self')?.startTicks,
    token: randomBytes(8).toString('hex')
  }
}

function parseOwner (text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>
    // A pid of 0 or below would make process.kill(pid, 0) probe a whole process group.
    if (!Number.isSafeInteger(owner.pid) || owner.pid! <= 0) return undefined
    if (typeof owner.host !== 'string' || typeof owner.token !== 'string' || typeof owner.since !== 'string' || typeof owner.command !== 'string') return undefined
    return owner as LockOwner
  } catch {
    return undefined
  }
}

type Verdict = 'live' | 'this process' | { renewedAgoMs: number } | { gone: string }

/** Whether the owner still runs: on this host from its pid, from another by the lock's renewals. */
function judge (owner: LockOwner, path: string, renewedAgoMs: number): Verdict {
  if (owner.host !== hostname()) {
    return renewedAgoMs > leaseMs ? { gone: `it has not renewed the lock for ${Math.round(renewedAgoMs / 1000)} s` } : { renewedAgoMs }
  }
  if (owner.pid === process.pid) return held.has(path) ? 'this process' : { gone: 'an earlier process had the same pid' }
  const boot = bootId()
  if (boot && owner.bootId && owner.bootId !== boot) return { gone: 'the machine has restarted since' }
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return { gone: 'it is no longer running' }
  }
  const now = procStat(owner.pid)
  if (now?.state === 'Z') return { gone: 'it has exited' }
  if (now && owner.startTicks !== undefined && now.startTicks !== owner.startTicks) return { gone: 'its pid now belongs to another process' }
  return 'live'
}

function refusal (dataDir: string, path: string, owner: LockOwner, verdict: 'live' | 'this process' | { renewedAgoMs: number }): StartupError {
  const since = `since ${owner.since}`
  if (verdict === 'this process') {
    return new StartupError(`the data folder ${dataDir} is already open in this process (${owner.pid}) ${since}: close that database handle first; embedded PGlite allows one opener at a time`)
  }
  if (typeof verdict === 'object') {
    const ago = Math.max(0, Math.round(verdict.renewedAgoMs / 1000))
    return new StartupError(`the data folder ${dataDir} is in use by process ${owner.pid} (${oneLine([owner.command])}) on host ${owner.host} ${since}, which renewed its lock ${ago} s ago: embedded PGlite allows one process at a time, so stop that process first; if it is gone, its lock is taken over ${leaseMs / 1000} s after the last renewal; lock file ${path}`)
  }
  const command = commandLine(owner.pid) ?? oneLine([owner.command])
  return new StartupError(`the data folder ${dataDir} is in use by process ${owner.pid} (${command}) ${since}: embedded PGlite allows one process at a time, so stop that process first (while the server runs, change data through its HTTP API), or set DATABASE_URL to share a PostgreSQL server; lock file ${path}`)
}

/** Read the lock file: undefined when it is gone (released meanwhile). */
async function readLock (path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw diskError(error, 'read the lock file', path)
  }
}

/**
 * Removes a stale lock file, unless it changed since it was judged stale. Two processes may find the same stale lock:
 * a second file, created exclusively, lets one of them remove it, so neither removes a lock the other has just taken.
 * Returns whether it was removed; when not, the caller looks again.
 */
async function removeStale (path: string, staleText: string): Promise<boolean> {
  const guard = `${path}.takeover`
  let handle
  try {
    handle = await open(guard, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw diskError(error, 'write the lock file', guard)
    // Another process is taking over right now; a guard older than that is left by one that crashed doing so.
    const age = Date.now() - ((await stat(guard).catch(() => undefined))?.mtimeMs ?? Date.now())
    if (age > 10_000) await unlink(guard).catch(() => {})
    else await sleep(50)
    return false
  }
  try {
    if (await readLock(path) !== staleText) return false
    await unlink(path)
    return true
  } finally {
    await handle.close()
    await unlink(guard).catch(() => {})
  }
}

let exitHookInstalled = false

/** On exit (also process.exit), the locks still held are removed; a process killed outright leaves its lock stale. */
function installExitHook (): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const [path, token] of held) {
      try {
        if (parseOwner(readFileSync(path, 'utf8'))?.token === token) unlinkSync(path)
      } catch {
        // Left behind, it is stale: the next start takes it over.
      }
    }
  })
}

/** Writes the lock file (complete and synced, then linked into place, so no reader sees half of one). */
async function writeDraft (draft: string, text: string, path: string): Promise<void> {
  try {
    const handle = await open(draft, 'wx')
    try {
      await handle.writeFile(text)
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    await unlink(draft).catch(() => {})
    throw diskError(error, 'write the lock file', path)
  }
}

/**
 * Takes the lock on a data folder (its parent must exist), or throws a StartupError naming the process that holds it.
 * A lock whose owner is gone (on this host: its pid no longer runs; from another host: the lock was not renewed for
 * leaseMs) is taken over, with a warning (code APV_STALE_LOCK).
 */
export async function lockDataFolder (dataDir: string, options: { renewEveryMs?: number } = {}): Promise<DataFolderLock> {
  const path = lockPathOf(dataDir)
  const owner = ownRecord()
  const text = `${JSON.stringify(owner)}\n`
  const draft = `${path}.${process.pid}-${owner.token}.tmp`
  await writeDraft(draft, text, path)
  let replaced: { owner: LockOwner | undefined, why: string } | undefined
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(draft, path)
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw diskError(error, 'write the lock file', path)
      }
      if (attempt >= 20) throw new StartupError(`cannot take the lock file ${path}: other processes keep taking and releasing it; try again`)
      const found = await readLock(path)
      const renewed = (await stat(path).catch(() => undefined))?.mtimeMs
      if (found === undefined || renewed === undefined) continue
      const other = parseOwner(found)
      const verdict: Verdict = other ? judge(other, path, Date.now() - renewed) : { gone: 'the lock file is unreadable' }
      if (typeof verdict === 'string' || 'renewedAgoMs' in verdict) throw refusal(dataDir, path, other!, verdict)
      if (await removeStale(path, found)) replaced = { owner: other, why: verdict.gone }
    }
  } finally {
    await unlink(draft).catch(() => {})
  }
  held.set(path, owner.token)
  installExitHook()
  // Unref'd: the renewal keeps no process alive.
  const renewal = setInterval(() => {
    const now = new Date()
    utimes(path, now, now).catch(() => {})
  }, options.renewEveryMs ?? renewEveryMs).unref()
  if (replaced) {
    const before = replaced.owner ? `process ${replaced.owner.pid} (${oneLine([replaced.owner.command])}), which held it since ${replaced.owner.since}` : 'an unknown process'
    process.emitWarning(`took over the lock on the data folder ${dataDir} from ${before}: ${replaced.why}`, { code: 'APV_STALE_LOCK' })
  }

  return {
    path,
    owner,
    release: async () => {
      if (held.get(path) !== owner.token) return
      held.delete(path)
      clearInterval(renewal)
      try {
        if (parseOwner(await readFile(path, 'utf8'))?.token === owner.token) await unlink(path)
      } catch {
        // A lock that cannot be removed (the disk went read-only) is stale once this process ends: the next start takes it over.
      }
    }
  }
}
