/**
 * Test helper: each test file gets its own migrated, seeded database and app. On PGlite it opens from a snapshot of
 * the migrated (and seeded) database, built once and cached on disk; on Postgres (DATABASE_URL) it is a copy of a
 * template database, built once on the server.
 */
import { createHash } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { PGlite } from '@electric-sql/pglite'
import type { FastifyInstance } from 'fastify'
import postgres from 'postgres'
import type { Test } from 'tap'
import { buildApp } from '../src/app.ts'
import { bootstrapDatabase } from '../src/db/bootstrap.ts'
import { openDatabase, type DatabaseHandle } from '../src/db/client.ts'
import { migrateDatabase, migrationsFolder } from '../src/db/migrate.ts'

export interface TestDatabase {
  handle: DatabaseHandle
  /** postgres:// URL of this file's own database, or null on PGlite. */
  url: string | null
  /** Every SQL statement the app ran, in order. */
  queries: string[]
}

const serverUrl = process.env.DATABASE_URL || null

const templateNames = new Map<boolean, string>()

/** Fingerprint of what a template database holds, so a changed schema or dataset gets a fresh template. */
function templateName (seed: boolean): string {
  let name = templateNames.get(seed)
  if (name === undefined) templateNames.set(seed, name = fingerprint(seed))
  return name
}

/**
 * The files a template's content follows from: the migrations and, when seeded, the record files with the code that
 * checks them, turns them into rows and writes them (versions, revisions, the change feed). Hashed as files, not as
 * the parsed dataset: reading the dataset costs each test file half a second.
 */
function fingerprint (seed: boolean): string {
  const hash = createHash('sha256')
  const folders = seed
    ? [migrationsFolder, ...['seed', 'core/records', 'domain', 'schemas/input'].map((dir) => fileURLToPath(new URL(`../src/${dir}`, import.meta.url)))]
    : [migrationsFolder]
  for (const folder of folders) {
    for (const file of readdirSync(folder, { recursive: true }).map(String).sort()) {
      if (!/\.(sql|json|ts|ya?ml)$/.test(file)) continue
      hash.update(file)
      hash.update(readFileSync(join(folder, file)))
    }
  }
  if (seed) hash.update(readFileSync(fileURLToPath(new URL('../src/db/schema.ts', import.meta.url))))
  return `apv_template_${seed ? 'seeded' : 'empty'}_${hash.digest('hex').slice(0, 12)}`
}

function withDatabase (url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

/** On Postgres: CREATE DATABASE ... TEMPLATE from a migrated (and seeded) template built once, under a lock. */
async function createServerDatabase (seed: boolean): Promise<string> {
  const admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} })
  const template = templateName(seed)
  const name = `apv_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  try {
    await admin`select pg_advisory_lock(727274)`
    const [exists] = await admin`select 1 from pg_database where datname = ${template}`
    if (!exists) {
      await admin.unsafe(`create database "${template}"`)
      const url = withDatabase(serverUrl as string, template)
      const handle = await openDatabase({ url, max: 1 })
      try {
        if (seed) await bootstrapDatabase(handle, { url, seedOnEmpty: true })
        else await migrateDatabase(handle, url)
      } finally {
        await handle.close()
      }
    }
    await admin.unsafe(`create database "${name}" template "${template}"`)
  } finally {
    await admin`select pg_advisory_unlock(727274)`.catch(() => {})
    await admin.end({ timeout: 5 })
  }
  return withDatabase(serverUrl as string, name)
}

async function dropServerDatabase (url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1)
  const admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
  } finally {
    await admin.end({ timeout: 5 })
  }
}

/** Where PGlite snapshots are kept between runs (outside node_modules, so `npm ci` keeps them); APV_TEST_CACHE overrides. */
const snapshotDir = process.env.APV_TEST_CACHE || join(tmpdir(), `apv-test-snapshots-${process.getuid?.() ?? 'user'}`)

/** A lock older than this is taken to be left behind, whoever holds it (a build takes seconds). */
const lockStaleMs = 10 * 60_000

/** What a PGlite snapshot holds: the migrated schema with the curated dataset, the migrated schema alone, or a bare cluster. */
export type SnapshotKind = 'seeded' | 'migrated' | 'bare'

const snapshots = new Map<SnapshotKind, Promise<Blob>>()

/**
 * A PGlite database as a tarball (PGlite dumpDataDir), for `openDatabase({ snapshot })` or PGlite's `loadDataDir`. Named
 * by the template fingerprint (and the PGlite and Drizzle versions), built by the first test file that needs it, under a
 * lock so parallel files wait for it instead of building it too, and kept on disk for the next run.
 */
export function pgliteSnapshot (kind: SnapshotKind): Promise<Blob> {
  let snapshot = snapshots.get(kind)
  if (snapshot === undefined) {
    snapshot = readOrBuildSnapshot(kind)
    snapshots.set(kind, snapshot)
  }
  return snapshot
}

async function readOrBuildSnapshot (kind: SnapshotKind): Promise<Blob> {
  // A data folder belongs to the PGlite (and so PostgreSQL) version that wrote it, its migrations table to Drizzle's.
  const name = `${kind === 'bare' ? 'apv_pglite_bare' : templateName(kind === 'seeded')}_pglite-${versionOf('@electric-sql/pglite')}_drizzle-${versionOf('drizzle-orm')}`
  const file = join(snapshotDir, `${name}.tar`)
  const cached = readIfThere(file)
  if (cached) {
    markUsed(file)
    return new Blob([cached])
  }
  mkdirSync(snapshotDir, { recursive: true })
  await withLockFile(`${file}.lock`, async () => {
    if (readIfThere(file)) return
    const handle = await openDatabase({})
    try {
      if (kind === 'seeded') await bootstrapDatabase(handle, { seedOnEmpty: true })
      else if (kind === 'migrated') await migrateDatabase(handle)
      const dump = await (handle.db as unknown as { $client: PGlite }).$client.dumpDataDir('none')
      // Written aside and renamed: a reader sees the whole snapshot or none.
      const partial = `${file}.${process.pid}.partial`
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
      renameSync(partial, file)
    } finally {
      await handle.close()
    }
    pruneSnapshots()
  })
  const built = readIfThere(file)
  if (!built) throw new Error(`PGlite snapshot ${file} was not written`)
  return new Blob([built])
}

/** The installed version of a package (its package.json under node_modules). */
function versionOf (name: string): string {
  const manifest = fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url))
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

function readIfThere (file: string): Buffer | null {
  try {
    return readFileSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** A snapshot's mtime is when a test last opened it. */
function markUsed (file: string): void {
  const now = new Date()
  try {
    utimesSync(file, now, now)
  } catch {
    // A snapshot another test file is replacing: its age does not matter.
  }
}

/** Snapshots no test has opened for a day are from older schemas, datasets or PGlite versions. */
function pruneSnapshots (): void {
  for (const entry of readdirSync(snapshotDir)) {
    const path = join(snapshotDir, entry)
    try {
      if (Date.now() - statSync(path).mtimeMs > 24 * 3600_000) rmSync(path, { force: true })
    } catch {
      // Removed meanwhile by another test file's pruning.
    }
  }
}

/**
 * Runs work while holding a lock file, made by exclusive create and holding the owner's pid. A lock whose owner is no
 * longer running (or that is older than lockStaleMs) is broken. Should two processes still build at once, the
 * snapshot is only built twice: each is written whole and renamed into place.
 */
async function withLockFile (lock: string, work: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      const fd = openSync(lock, 'wx')
      try {
        writeSync(fd, String(process.pid))
      } finally {
        closeSync(fd)
      }
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = lockHolder(lock)
    if (holder !== null && isStale(holder)) {
      // Remove it only if it is still the lock judged stale, not one taken meanwhile.
      const now = lockHolder(lock)
      if (now !== null && now.pid === holder.pid && now.mtimeMs === holder.mtimeMs) rmSync(lock, { force: true })
      continue
    }
    await sleep(100)
  }
  try {
    await work()
  } finally {
    rmSync(lock, { force: true })
  }
}

function lockHolder (lock: string): { pid: number, mtimeMs: number } | null {
  try {
    const { mtimeMs } = statSync(lock)
    return { pid: Number(readFileSync(lock, 'utf8')), mtimeMs }
  } catch {
    return null
  }
}

function isStale ({ pid, mtimeMs }: { pid: number, mtimeMs: number }): boolean {
  const age = Date.now() - mtimeMs
  if (age > lockStaleMs) return true
  // Written right after the exclusive create: a lock with no pid yet is only stale once it has aged.
  if (!Number.isInteger(pid) || pid <= 0) return age > 10_000
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/** A database of this test file's own, migrated and (by default) loaded with the curated dataset. */
export async function createTestDatabase (t: Test, options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const seed = options.seed ?? true
  const queries: string[] = []
  const logger = { logQuery: (query: string) => { queries.push(query) } }
  if (serverUrl) {
    const url = await createServerDatabase(seed)
    const handle = await openDatabase({ url, logger, max: 4 })
    t.teardown(async () => {
      await handle.close()
      await dropServerDatabase(url)
    })
    return { handle, url, queries }
  }
  const handle = await openDatabase({ snapshot: await pgliteSnapshot(seed ? 'seeded' : 'migrated'), logger })
  t.teardown(() => handle.close())
  return { handle, url: null, queries }
}

/** An app over this file's own database, closed when the test file ends. */
export async function buildTestApp (t: Test, options: { seed?: boolean } = {}): Promise<{ app: FastifyInstance, database: TestDatabase }> {
  const database = await createTestDatabase(t, options)
  const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] }, { database: database.handle, closeDatabase: false })
  t.teardown(() => app.close())
  await app.ready()
  return { app, database }
}

/** GET a path with app.inject and parse the JSON body. */
export async function getJson<T = any> (app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers })
  const body = response.body ? JSON.parse(response.body) as T : undefined as T
  return { response, status: response.statusCode, body, headers: response.headers }
}

/** Follows next_cursor until the last page and returns every item, failing on a loop. */
export async function walkPages<T = any> (app: FastifyInstance, firstUrl: string): Promise<{ items: T[], pages: number }> {
  const items: T[] = []
  let url: string | null = firstUrl
  let pages = 0
  while (url !== null) {
    const { status, body }: { status: number, body: { data: T[], next_cursor: string | null } } = await getJson(app, url)
    if (status !== 200) throw new Error(`GET ${url} returned ${status}`)
    items.push(...body.data)
    pages++
    if (pages > 1000) throw new Error('pagination does not end')
    const next: string | null = body.next_cursor
    url = next === null ? null : `${firstUrl}${firstUrl.includes('?') ? '&' : '?'}cursor=${next}`
  }
  return { items, pages }
}
