/** Test helper: a database of a test's own on the running PostgreSQL server, dropped at teardown. */
import postgres from 'postgres'
import type { Test } from 'tap'

/** The server's admin database: DATABASE_URL when set, else the local server on 127.0.0.1:5432. */
export const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

/** A new, empty database; connections still open to it at teardown are ended with it. */
export async function createServerDatabase (t: Test, label: string): Promise<string> {
  const name = `apv_ops_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`create database "${name}"`)
  } finally {
    await admin.end({ timeout: 5 })
  }
  t.teardown(async () => {
    const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} })
    await dropper.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {})
    await dropper.end({ timeout: 5 }).catch(() => {})
  })
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}
