/** Test helper: each test file gets its own migrated, seeded database and app (PGlite, or Postgres via DATABASE_URL). */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import postgres from 'postgres'
import type { Test } from 'tap'
import { buildApp } from '../src/app.ts'
import { bootstrapDatabase } from '../src/db/bootstrap.ts'
import { openDatabase, type DatabaseHandle } from '../src/db/client.ts'
import { migrateDatabase, migrationsFolder } from '../src/db/migrate.ts'
import { readDataset } from '../src/seed/dataset.ts'

export interface TestDatabase {
  handle: DatabaseHandle
  /** postgres:// URL of this file's own database, or null on PGlite. */
  url: string | null
  /** Every SQL statement the app ran, in order. */
  queries: string[]
}

const serverUrl = process.env.DATABASE_URL || null

/** Fingerprint of what a template database holds, so a changed schema or dataset gets a fresh template. */
function templateName (seed: boolean): string {
  const hash = createHash('sha256')
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(readFileSync(`${migrationsFolder}/${file}`))
  }
  if (seed) {
    hash.update(JSON.stringify(readDataset()))
    // How the dataset is written (versions, revisions, the change feed) is part of what a seeded template holds.
    for (const dir of ['../src/core/records', '../src/seed']) {
      const folder = fileURLToPath(new URL(dir, import.meta.url))
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts')).sort()) hash.update(readFileSync(`${folder}/${file}`))
    }
  }
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
  const handle = await openDatabase({ logger })
  t.teardown(() => handle.close())
  if (seed) await bootstrapDatabase(handle, { seedOnEmpty: true })
  else await migrateDatabase(handle)
  queries.length = 0
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
