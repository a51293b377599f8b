/** Test helper: a throwaway PostgreSQL cluster of a test's own (temp folder, free port), to stop and start at will. */
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

/** A cluster with trust auth, listening on 127.0.0.1 at a free port and on a socket in its own folder; removed at teardown. */
export async function startCluster (t: Test): Promise<PgCluster> {
  if (!existsSync(join(pgBin, 'initdb'))) throw new Error(`No PostgreSQL server binaries in ${pgBin}: install them, or set PG_BIN`)
  const dir = mkdtempSync(join(tmpdir(), 'apv-pg-'))
  const data = join(dir, 'data')
  t.teardown(async () => {
    // A postmaster.pid means a server may run, even after a start that failed half-way.
    if (existsSync(join(data, 'postmaster.pid'))) await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  })
  if (userInfo().uid === 0) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout), Number((await run('id', ['-g', 'postgres'])).stdout))
  const port = await freePort()
  await asOwner('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`

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
