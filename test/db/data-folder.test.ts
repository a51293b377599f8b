/** The embedded data folder: one process at a time (stale locks taken over), created whole, never initialised over when foreign or damaged, clear disk errors. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import { defaults } from '../../src/config.ts'
import { lockDataFolder, lockPathOf, type LockOwner } from '../../src/db/data-folder-lock.ts'
import { buildPathOf, prepareDataFolder } from '../../src/db/data-folder.ts'
import { diskError } from '../../src/db/disk-errors.ts'
import { openEmbedded } from '../../src/db/embedded-client.ts'
import { StartupError } from '../../src/db/startup-error.ts'

const lockModule = fileURLToPath(new URL('../../src/db/data-folder-lock.ts', import.meta.url))
const root = mkdtempSync(join(tmpdir(), 'apv-data-folder-'))
t.teardown(() => rmSync(root, { recursive: true, force: true }))

let next = 0
/** A fresh path under this file's own folder (not created). */
const fresh = (name = 'db') => join(root, `${name}-${next++}`)

const open = (dir: string) => openEmbedded(dir, defaults.database)

/** The StartupError an open (or any step) fails with; fails the test when it succeeds or throws something else. */
async function startupError (t: Test, promise: Promise<unknown>): Promise<string> {
  try {
    const value = await promise
    if (value && typeof (value as { close?: unknown }).close === 'function') await (value as { close: () => Promise<void> }).close()
    t.fail('expected a StartupError')
    return ''
  } catch (error) {
    t.type(error, StartupError, 'a StartupError, which entry points print without a stack')
    const message = (error as Error).message
    t.notOk(message.includes('\n'), `one line: ${message}`)
    return message
  }
}

/** Warnings this process emits while fn runs. */
async function warningsDuring (fn: () => Promise<unknown>): Promise<Array<{ code?: string, message: string }>> {
  const seen: Array<{ code?: string, message: string }> = []
  const listener = (warning: Error & { code?: string }) => seen.push({ code: warning.code, message: warning.message })
  process.on('warning', listener)
  try {
    await fn()
    // 'warning' is emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve))
  } finally {
    process.off('warning', listener)
  }
  return seen
}

const children = new Set<ChildProcess>()
t.teardown(() => { for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })

/** A child process whose stdout (output) and stderr (errors) are collected. */
function spawnChild (command: string, args: string[]): ChildProcess & { exited: Promise<number | null>, output: () => string, errors: () => string } {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] })
  children.add(child)
  let output = ''
  let errors = ''
  child.stdout!.on('data', (chunk) => { output += chunk })
  child.stderr!.on('data', (chunk) => { errors += chunk })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return Object.assign(child, { exited, output: () => output, errors: () => errors })
}

/**
 * A child process that tries to lock dataDir and says how it went; then it exits, or holds the lock (until killed, or
 * with 'race' until its stdin ends, after waiting for a file named go to appear before it tries).
 */
function lockInChild (dataDir: string, then: 'exit' | 'hold' | 'race', go = '') {
  const code = `
    import { existsSync } from 'node:fs'
    import { lockDataFolder } from ${JSON.stringify(lockModule)}
    const [dataDir, then, go] = process.argv.slice(1)
    if (then === 'race') {
      console.log('ready')
      while (!existsSync(go)) await new Promise((resolve) => setTimeout(resolve, 2))
    }
    try {
      const lock = await lockDataFolder(dataDir)
      console.log('locked')
      if (then === 'hold') setInterval(() => {}, 1000)
      else if (then === 'race') process.stdin.on('end', async () => { await lock.release(); process.exit(0) }).resume()
      else process.exit(0)
    } catch (error) {
      console.log('refused: ' + error.message)
      process.exit(0)
    }`
  return spawnChild(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, dataDir, then, go])
}

async function waitFor (what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** /proc/<pid>/stat field 22: the process's start time, as the lock records it. */
const startTicks = (pid: number) => {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[19])
}

function writeLock (dataDir: string, owner: Partial<LockOwner>): void {
  const record = { host: hostname(), since: '2026-01-02T03:04:05.000Z', command: 'node src/server.ts', token: 'f00d', ...owner }
  writeFileSync(lockPathOf(dataDir), JSON.stringify(record) + '\n')
}

/** A pid that was alive a moment ago and is no more. */
async function deadPid (): Promise<number> {
  const child = spawnChild('true', [])
  await child.exited
  return child.pid!
}

const readOwner = (dataDir: string): LockOwner => JSON.parse(readFileSync(lockPathOf(dataDir), 'utf8'))

// One real data folder, built once (PGlite's initdb takes seconds) and copied for the cases that need one.
const master = fresh('master')

t.test('a missing data folder is created whole and locked while open; a build a crash left beside it is cleared', async (t) => {
  mkdirSync(buildPathOf(master))
  writeFileSync(join(buildPathOf(master), 'global'), 'half of a file from a start that died')
  const handle = await open(master)
  t.ok(existsSync(join(master, 'PG_VERSION')), 'the folder is a PGlite data folder')
  t.notOk(existsSync(buildPathOf(master)), 'the leftover build folder is gone')
  t.ok(await handle.ping(1000), 'the database answers')
  const owner = readOwner(master)
  t.equal(owner.pid, process.pid, 'the lock file next to the folder names this process')
  t.equal(owner.host, hostname(), 'and this host')
  t.match(owner.command, /node/, 'and its command line')
  t.ok(!Number.isNaN(Date.parse(owner.since)), 'and since when')

  const again = await startupError(t, open(master))
  t.match(again, `the data folder ${master} is already open in this process (${process.pid})`, 'a second open in the same process is refused')
  t.equal(readOwner(master).token, owner.token, 'the refused open leaves the lock as it was')

  await handle.close()
  t.notOk(existsSync(lockPathOf(master)), 'closing the handle releases the lock')
  const reopened = await open(master)
  t.ok(await reopened.ping(1000), 'the folder opens again')
  await reopened.close()
  t.same(readdirSync(root).filter((name) => name.startsWith('master')), ['master-0'], 'nothing else is left beside it')
})

t.test('the lock file', async (t) => {
  t.test('is taken, refused while its owner runs, and removed on release (only while it is still ours)', async (t) => {
    const dir = fresh()
    const lock = await lockDataFolder(dir)
    t.equal(lock.path, `${dir}.lock`, 'next to the folder')
    t.same(Object.keys(readOwner(dir)).sort(), ['bootId', 'command', 'host', 'pid', 'since', 'startTicks', 'token'], 'one JSON record')
    await lock.release()
    t.notOk(existsSync(lock.path), 'released')
    await lock.release()
    t.pass('releasing twice is harmless')

    const again = await lockDataFolder(dir)
    writeLock(dir, { pid: 1, token: 'someone else' })
    await again.release()
    t.ok(existsSync(lock.path), 'a lock file that is no longer ours is left alone')
  })

  t.test('held by another running process: refused with its pid, command line and since when', async (t) => {
    const dir = fresh()
    const owner = spawnChild('sleep', ['60'])
    await waitFor('sleep to start', () => existsSync(`/proc/${owner.pid}/cmdline`) && readFileSync(`/proc/${owner.pid}/cmdline`, 'utf8').startsWith('sleep'))
    writeLock(dir, { pid: owner.pid, startTicks: startTicks(owner.pid!) })
    const before = readFileSync(lockPathOf(dir), 'utf8')
    const message = await startupError(t, lockDataFolder(dir))
    t.match(message, `the data folder ${dir} is in use by process ${owner.pid} (sleep 60) since 2026-01-02T03:04:05.000Z`, 'names the process, its command line from /proc, and since when')
    t.match(message, /stop that process first/, 'says what to do')
    t.match(message, `lock file ${dir}.lock`, 'and where the lock is')
    t.equal(readFileSync(lockPathOf(dir), 'utf8'), before, 'the lock is untouched')
    owner.kill('SIGKILL')
    await owner.exited
    const lock = await lockDataFolder(dir)
    t.equal(readOwner(dir).pid, process.pid, 'once that process is gone, the lock is taken over')
    await lock.release()
  })

  t.test('held by a process on another host: refused while it renews the lock, taken over once it stops', async (t) => {
    const dir = fresh()
    writeLock(dir, { pid: 4242, host: 'elsewhere.example' })
    const message = await startupError(t, lockDataFolder(dir))
    t.match(message, `the data folder ${dir} is in use by process 4242 (node src/server.ts) on host elsewhere.example since 2026-01-02T03:04:05.000Z, which renewed its lock 0 s ago`, 'names the host, pid, command and the last renewal')
    t.match(message, /stop that process first; if it is gone, its lock is taken over 60 s after the last renewal/, 'and what to do')

    const twoMinutesAgo = new Date(Date.now() - 120_000)
    utimesSync(lockPathOf(dir), twoMinutesAgo, twoMinutesAgo)
    let lock: Awaited<ReturnType<typeof lockDataFolder>> | undefined
    const warnings = await warningsDuring(async () => { lock = await lockDataFolder(dir, { renewEveryMs: 20 }) })
    t.equal(readOwner(dir).pid, process.pid, 'a lock not renewed for longer than the lease is taken over')
    t.match(warnings[0]?.message, /from process 4242 .*: it has not renewed the lock for 120 s$/, 'with a warning that says why')

    utimesSync(lockPathOf(dir), twoMinutesAgo, twoMinutesAgo)
    await waitFor('the lock to be renewed', () => Date.now() - statSync(lockPathOf(dir)).mtimeMs < 60_000, 5_000)
    t.pass('the holder renews its lock')
    await lock!.release()
  })

  t.test('left by a process that is gone: taken over, with a warning', async (t) => {
    const cases: Array<[string, () => Promise<Partial<LockOwner> | string>, RegExp]> = [
      ['a crashed process', async () => ({ pid: await deadPid() }), /is no longer running/],
      ['a pid now used by another process', async () => ({ pid: process.ppid, startTicks: startTicks(process.ppid) + 1 }), /its pid now belongs to another process/],
      ['a machine restarted since', async () => ({ pid: process.ppid, bootId: 'an-earlier-boot' }), /the machine has restarted since/],
      ['an earlier process with this pid (a container restarted)', async () => ({ pid: process.pid }), /an earlier process had the same pid/],
      ['an unreadable lock file', async () => 'not json', /the lock file is unreadable/]
    ]
    for (const [label, make, why] of cases) {
      const dir = fresh()
      const stale = await make()
      if (typeof stale === 'string') writeFileSync(lockPathOf(dir), stale)
      else writeLock(dir, stale)
      let lock: Awaited<ReturnType<typeof lockDataFolder>> | undefined
      const warnings = await warningsDuring(async () => { lock = await lockDataFolder(dir) })
      t.equal(readOwner(dir).pid, process.pid, `${label}: the lock is now ours`)
      t.equal(warnings.length, 1, `${label}: one warning`)
      t.equal(warnings[0]?.code, 'APV_STALE_LOCK', `${label}: with its code`)
      t.match(warnings[0]?.message, `took over the lock on the data folder ${dir}`, `${label}: says the lock was taken over`)
      t.match(warnings[0]?.message, why, `${label}: and why`)
      if (typeof stale !== 'string') t.match(warnings[0]?.message, `process ${stale.pid} (node src/server.ts), which held it since 2026-01-02T03:04:05.000Z`, `${label}: and from whom`)
      await lock!.release()
    }
  })

  t.test('a process that exits releases its lock; one killed outright leaves it, and the next takes it over', async (t) => {
    const dir = fresh()
    const exiting = lockInChild(dir, 'exit')
    t.equal(await exiting.exited, 0, 'the child locked and exited')
    t.match(exiting.output(), /^locked/, `it locked ${exiting.errors()}`)
    t.notOk(existsSync(lockPathOf(dir)), 'its lock is gone with it')

    const killed = lockInChild(dir, 'hold')
    await waitFor('the child to lock', () => killed.output().includes('locked'))
    const refused = lockInChild(dir, 'exit')
    await refused.exited
    t.match(refused.output(), `refused: the data folder ${dir} is in use by process ${killed.pid} (`, 'another process is refused while it holds the lock')
    killed.kill('SIGKILL')
    await killed.exited
    t.equal(readOwner(dir).pid, killed.pid, 'a killed process leaves its lock behind')
    const lock = await lockDataFolder(dir)
    t.equal(readOwner(dir).pid, process.pid, 'the next process takes it over')
    await lock.release()
  })

  t.test('processes that find the same stale lock at once: exactly one takes it', async (t) => {
    const dir = fresh()
    writeLock(dir, { pid: await deadPid() })
    const go = `${dir}.go`
    const racers = Array.from({ length: 4 }, () => lockInChild(dir, 'race', go))
    await waitFor('the racers to start', () => racers.every((r) => r.output().startsWith('ready')), 60_000)
    writeFileSync(go, '')
    await waitFor('every racer to try', () => racers.every((r) => /(locked|refused)/.test(r.output())), 60_000)
    const outcomes = racers.map((r) => r.output().trim().split('\n')[1])
    for (const racer of racers) racer.stdin!.end()
    await Promise.all(racers.map((r) => r.exited))
    t.equal(outcomes.filter((o) => o === 'locked').length, 1, `one locked: ${outcomes.join(' | ')}`)
    t.equal(outcomes.filter((o) => /^refused: the data folder .* is in use by process \d+/.test(o!)).length, 3, 'the others were refused, naming the winner')
    t.notOk(existsSync(lockPathOf(dir)), 'and the winner released it')
    t.notOk(existsSync(`${lockPathOf(dir)}.takeover`), 'no takeover guard is left behind')
  })
})

t.test('a symbolic link shares the lock of the folder it points to; a link to nothing is refused', async (t) => {
  const link = fresh('link')
  symlinkSync(master, link)
  const handle = await open(master)
  t.match(await startupError(t, open(link)), `the data folder ${master} is already open in this process`, 'the folder is locked whichever path leads to it')
  await handle.close()

  const dangling = fresh('link')
  symlinkSync(join(root, 'unmounted-disk', 'pglite'), dangling)
  t.match(await startupError(t, open(dangling)), `the data folder ${dangling} is a link to ${root}/unmounted-disk/pglite, which does not exist: mount the disk it is on or fix the link`)
  t.equal(readlinkSync(dangling), join(root, 'unmounted-disk', 'pglite'), 'the link is left as it was')
  t.notOk(existsSync(join(root, 'unmounted-disk')), 'and nothing is created where it points')
})

t.test('a folder that is not a PGlite data folder is refused, never initialised over', async (t) => {
  const dir = fresh()
  mkdirSync(dir)
  writeFileSync(join(dir, 'notes.txt'), 'mine')
  const message = await startupError(t, open(dir))
  t.match(message, `${dir} is not a PGlite data folder: it holds notes.txt but no PG_VERSION; move it away to start fresh, or set PGLITE_DATA_DIR to an empty or new folder`)
  t.same(readdirSync(dir), ['notes.txt'], 'nothing was written into it')
  t.notOk(existsSync(buildPathOf(dir)), 'nothing was built beside it')
  t.notOk(existsSync(lockPathOf(dir)), 'and the lock was released')

  const unfinished = fresh()
  for (const sub of ['base', 'global', 'pg_wal']) mkdirSync(join(unfinished, sub), { recursive: true })
  t.match(await startupError(t, open(unfinished)), `${unfinished} is not a PGlite data folder: it holds base, global, pg_wal but no PG_VERSION (it looks like an unfinished initialisation)`, 'a half-initialised folder is named as such')

  const file = fresh()
  writeFileSync(file, 'a file')
  t.match(await startupError(t, open(file)), `the data folder ${file} is a file, not a folder`)
  t.equal(readFileSync(file, 'utf8'), 'a file', 'the file is untouched')
})

t.test('a damaged data folder stops with the cause and the fix, and is never initialised over', async (t) => {
  const damages: Array<[string, (dir: string) => void, string]> = [
    ['a control file that fails its checksum', (dir) => {
      const control = readFileSync(join(dir, 'global', 'pg_control'))
      for (let i = 16; i < 48; i++) control[i]! ^= 0xff
      writeFileSync(join(dir, 'global', 'pg_control'), control)
    }, 'incorrect checksum in control file'],
    ['a truncated control file', (dir) => truncateSync(join(dir, 'global', 'pg_control'), 0), 'could not read file "global/pg_control": read 0 of'],
    ['a missing database folder', (dir) => rmSync(join(dir, 'base'), { recursive: true }), 'database "postgres" does not exist']
  ]
  for (const [label, damage, cause] of damages) {
    const dir = fresh()
    cpSync(master, dir, { recursive: true })
    damage(dir)
    // Postgres may still write its control file on the way out; a new initdb would give the cluster a new system identifier.
    writeFileSync(join(dir, 'marker'), label)
    const systemIdentifier = () => existsSync(join(dir, 'global', 'pg_control')) ? readFileSync(join(dir, 'global', 'pg_control')).subarray(0, 8) : undefined
    const identifier = systemIdentifier()
    const message = await startupError(t, open(dir))
    t.match(message, `the data folder ${dir} is damaged: ${cause}`, `${label}: names the cause`)
    t.match(message, /; restore it from a backup, or move it away to start fresh$/, `${label}: and the fix`)
    t.equal(readFileSync(join(dir, 'marker'), 'utf8'), label, `${label}: the folder was not replaced`)
    t.same(systemIdentifier(), identifier, `${label}: nor initialised again (the same system identifier)`)
    t.notOk(existsSync(buildPathOf(dir)), `${label}: nothing was built beside it`)
    t.notOk(existsSync(lockPathOf(dir)), `${label}: the lock was released`)
  }
})

t.test('an initialisation that does not finish leaves no data folder', async (t) => {
  const dir = fresh()
  const failure = new Error('the disk went away')
  await t.rejects(prepareDataFolder(dir, async (build) => {
    writeFileSync(join(build, 'PG_VERSION'), '18\n')
    mkdirSync(join(build, 'global'))
    throw failure
  }), failure, 'the failure is passed on')
  t.notOk(existsSync(dir), 'no data folder')
  t.notOk(existsSync(buildPathOf(dir)), 'and no half-built one beside it')

  const empty = fresh()
  mkdirSync(empty)
  t.equal(await prepareDataFolder(empty, async (build) => writeFileSync(join(build, 'PG_VERSION'), '18\n')), true, 'an empty folder is built')
  t.same(readdirSync(empty), ['PG_VERSION'], 'and replaced in one rename')
  let called = false
  t.equal(await prepareDataFolder(empty, async () => { called = true }), false, 'an existing data folder is kept')
  t.notOk(called, 'and never initialised again')
})

t.test('disk errors: one line naming the path and the fix', async (t) => {
  t.test('a path through a regular file (ENOTDIR)', async (t) => {
    const file = fresh('a-file')
    writeFileSync(file, '')
    const message = await startupError(t, open(join(file, 'sub', 'pglite')))
    t.match(message, `cannot create the data folder ${file}/sub/pglite: ${file} is a file, not a folder (ENOTDIR)`)
    t.match(message, /set PGLITE_DATA_DIR/)
  })

  t.test('a path under /proc, where nothing can be created', { timeout: 30_000 }, async (t) => {
    const dir = `/proc/apv-test-${process.pid}/pglite`
    const message = await startupError(t, open(dir))
    t.match(message, `cannot create the folder /proc/apv-test-${process.pid}: `, 'names the folder that cannot be created (and does not hang, as mkdir -p does there)')
    t.match(message, /set PGLITE_DATA_DIR/)
  })

  t.test('each kind of failure, as Node, PGlite (Emscripten errno) or Postgres (strerror text) reports it', async (t) => {
    const nodeError = (code: string) => Object.assign(new Error(`${code}: failed`), { code })
    const emscripten = (errno: number) => ({ name: 'ErrnoError', errno })
    const cases: Array<[string, unknown, string, RegExp]> = [
      ['ENOSPC', nodeError('ENOSPC'), '', /the disk is full \(ENOSPC\): free some space on it/],
      ['EDQUOT', nodeError('EDQUOT'), '', /the disk is full \(EDQUOT\)/],
      ['EROFS', nodeError('EROFS'), '', /the file system is read-only \(EROFS\): remount it read-write/],
      // Root ignores permission bits, so these cannot be produced for real here.
      ['EACCES', nodeError('EACCES'), '', /permission denied for user \d+ \(EACCES\): give this user write access to it/],
      ['EPERM', nodeError('EPERM'), '', /permission denied for user \d+ \(EPERM\)/],
      ['EIO', nodeError('EIO'), '', /input\/output error \(EIO\): check the disk/],
      ['Emscripten ENOSPC', emscripten(51), '', /\(ENOSPC\)/],
      ['Emscripten EROFS', emscripten(69), '', /\(EROFS\)/],
      ['Emscripten EACCES', emscripten(2), '', /\(EACCES\)/],
      ['Postgres, permission', new Error('PGlite failed to initialize properly'), 'could not create lock file "postmaster.pid": Permission denied', /\(EACCES\)/],
      ['Postgres, full', new Error('PGlite failed to initialize properly'), 'could not write to file "pg_wal/xlogtemp.42": No space left on device', /\(ENOSPC\)/],
      ['anything else', nodeError('ELOOP'), '', /: ELOOP: failed; check the path and its permissions/]
    ]
    for (const [label, error, log, expected] of cases) {
      const made = diskError(error, 'open the data folder', '/srv/apv/pglite', log)
      t.type(made, StartupError, `${label}: a StartupError`)
      t.match(made.message, /^cannot open the data folder \/srv\/apv\/pglite: /, `${label}: names what and where`)
      t.match(made.message, expected, `${label}: names the cause and the fix`)
      t.match(made.message, /PGLITE_DATA_DIR/, `${label}: or another folder`)
    }
  })

  const mountPoint = fresh('mount')
  mkdirSync(mountPoint)
  let mountRefused: string | undefined
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'pipe' })
    execFileSync('umount', [mountPoint], { stdio: 'pipe' })
  } catch (error) {
    mountRefused = String((error as { stderr?: Buffer }).stderr ?? error).trim() || String(error)
  }
  const skip = mountRefused ? `mount -t tmpfs is not permitted here (${mountRefused}): a read-only or full disk needs a file system of its own` : false

  /** A tmpfs of this size at a new folder, unmounted at the end of the test. */
  function mountTmpfs (t: Test, options: string): string {
    const dir = fresh('mount')
    mkdirSync(dir)
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir])
    t.teardown(() => { execFileSync('umount', ['-l', dir]) })
    return dir
  }

  t.test('a read-only disk (EROFS): for the lock, and for PGlite opening the folder', { skip }, async (t) => {
    const readOnly = mountTmpfs(t, 'size=1m,ro')
    const lockMessage = await startupError(t, open(join(readOnly, 'pglite')))
    t.match(lockMessage, `cannot write the lock file ${readOnly}/pglite.lock: the file system is read-only (EROFS): remount it read-write, or set PGLITE_DATA_DIR to a folder elsewhere on a writable disk`)

    // The folder itself read-only, its parent writable: the lock is taken, PGlite cannot start.
    const parent = fresh('parent')
    const dir = join(parent, 'pglite')
    mkdirSync(dir, { recursive: true })
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir])
    t.teardown(() => { execFileSync('umount', ['-l', dir]) })
    cpSync(master, dir, { recursive: true })
    execFileSync('mount', ['-o', 'remount,ro', dir])
    const message = await startupError(t, open(dir))
    t.match(message, `cannot open the data folder ${dir}: the file system is read-only (EROFS)`, 'named as a read-only disk, not as damage')
    t.notOk(existsSync(lockPathOf(dir)), 'the lock was released')
  })

  t.test('an empty mount point: refused before anything is built, with the fix', { skip }, async (t) => {
    const dir = mountTmpfs(t, 'size=1m')
    const message = await startupError(t, open(dir))
    t.match(message, `cannot create the data folder ${dir}: it is a mount point (another disk than its parent's)`)
    t.match(message, `set PGLITE_DATA_DIR to a folder inside it, e.g. ${dir}/pglite`)
    t.notOk(existsSync(buildPathOf(dir)), 'nothing was built beside it')
    t.notOk(existsSync(lockPathOf(dir)), 'and the lock was released')
  })

  t.test('a full disk (ENOSPC): for the lock, and for a new data folder, which is then not left half-written', { skip }, async (t) => {
    const full = mountTmpfs(t, 'size=256k')
    try {
      writeFileSync(join(full, 'filler'), Buffer.alloc(1024 * 1024))
    } catch {
      // Filled up to the last byte, as intended.
    }
    const lockMessage = await startupError(t, open(join(full, 'pglite')))
    t.match(lockMessage, `cannot write the lock file ${full}/pglite.lock: the disk is full (ENOSPC): free some space on it`)
    t.same(readdirSync(full), ['filler'], 'no lock file or draft is left behind')

    const small = mountTmpfs(t, 'size=8m')
    const dir = join(small, 'pglite')
    const message = await startupError(t, open(dir))
    t.match(message, `cannot initialise the new data folder ${dir} (built in ${dir}.initialising): the disk is full (ENOSPC): free some space on it, or set PGLITE_DATA_DIR to a folder elsewhere on a disk with room`)
    t.same(readdirSync(small), [], 'no data folder, no half-built one, no lock')
  })
})
