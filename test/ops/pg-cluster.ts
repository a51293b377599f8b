/**
 * Test helper: a throwaway PostgreSQL cluster of a test's own (temp folder, free port), to stop and start at will; and
 * a streaming replica of one (pg_basebackup -R), on a port of its own.
 */
import { execFile } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Test } from 'tap'
import { freePort } from './processes.ts'

const run = promisify(execFile)

/** Where Debian puts the server binaries; PG_BIN overrides. */
const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'

export interface PgCluster {
  port: number
  /** postgres:// URL of a database in this cluster (over TCP, user postgres, no password). */
  url: (database?: string) => string
  stop: () => Promise<void>
  start: () => Promise<void>
}

/**
 * initdb refuses to run as root: as root the cluster belongs to the postgres user and its commands run through
 * runuser; as anyone else, as that user.
 */
function asOwner (command: string, args: string[]): Promise<{ stdout: string, stderr: string }> {
  const binary = join(pgBin, command)
  return userInfo().uid === 0 ? run('runuser', ['-u', 'postgres', '--', binary, ...args]) : run(binary, args)
}

/** A temp folder owned by the cluster's user, its server stopped and the folder removed at teardown. */
async function clusterFolder (t: Test): Promise<{ dir: string, data: string }> {
  if (!existsSync(join(pgBin, 'initdb'))) throw new Error(`No PostgreSQL server binaries in ${pgBin}: install them, or set PG_BIN`)
  const dir = mkdtempSync(join(tmpdir(), 'apv-pg-'))
  const data = join(dir, 'data')
  t.teardown(async () => {
    // A postmaster.pid means a server may run, even after a start that failed half-way.
    if (existsSync(join(data, 'postmaster.pid'))) await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  })
  if (userInfo().uid === 0) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout), Number((await run('id', ['-g', 'postgres'])).stdout))
  return { dir, data }
}

export interface ClusterOptions {
  /** Server settings (`-c name=value`) on top of the test defaults. */
  settings?: Record<string, string>
}

/**
 * A cluster with trust auth, listening on 127.0.0.1 at a free port and on a socket in its own folder; removed at
 * teardown. initdb's default pg_hba.conf lets local TCP replication connections in, and the defaults (wal_level
 * replica, max_wal_senders 10, hot_standby on) make any such cluster a primary that startReplica can copy.
 */
export async function startCluster (t: Test, options: ClusterOptions = {}): Promise<PgCluster> {
  const { dir, data } = await clusterFolder(t)
  await asOwner('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
  return serve(dir, data, await freePort(), options)
}

/**
 * A hot standby of `primary`: pg_basebackup -R copies its data (and writes primary_conninfo and standby.signal), and
 * the copy starts on a free port of its own, replaying the primary's WAL as it streams in. Read-only.
 */
export async function startReplica (t: Test, primary: PgCluster, options: ClusterOptions = {}): Promise<PgCluster> {
  const { dir, data } = await clusterFolder(t)
  await asOwner('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'])
  return serve(dir, data, await freePort(), { settings: { hot_standby: 'on', ...options.settings } })
}

async function serve (dir: string, data: string, port: number, { settings = {} }: ClusterOptions): Promise<PgCluster> {
  const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`).join('')
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off${extra}`

  const cluster: PgCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start () {
      try {
        await asOwner('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start'])
      } catch (error) {
        const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : ''
        throw new Error(`pg_ctl start failed: ${(error as Error).message}\n${log}`, { cause: error })
      }
    },
    async stop () {
      await asOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop'])
    }
  }
  await cluster.start()
  return cluster
}
