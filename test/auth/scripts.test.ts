/** npm run key:create / key:list / key:revoke against a database of this file's own: the last line is a working key, bad arguments exit 2. */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { authenticate } from '../../src/core/keys/index.ts'
import { openDatabase } from '../../src/db/client.ts'
import { createTestDatabase } from '../helper.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const serverUrl = process.env.DATABASE_URL || null

/** On Postgres a database of this file's own (migrated); on PGlite a fresh data folder the first script migrates. */
const url = serverUrl ? (await createTestDatabase(t, { seed: false })).url : null
const dataDir = url ? null : mkdtempSync(join(tmpdir(), 'apv-keys-'))
if (dataDir) t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))

interface Run { code: number, stdout: string, stderr: string }

function run (script: 'key-create' | 'key-list' | 'key-revoke', args: string[]): Promise<Run> {
  const env = { ...process.env, DATABASE_URL: url ?? '', PGLITE_DATA_DIR: dataDir ?? '', LOG_LEVEL: 'silent' }
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', `src/scripts/${script}.ts`, ...args], { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

/** Authenticates with the scripts' database, closed again before the next script opens it (PGlite allows one process). */
async function check (key: string) {
  const handle = await openDatabase({ url, dataDir })
  try {
    return await authenticate(handle.db, key)
  } finally {
    await handle.close()
  }
}

const lines = (text: string) => text.trimEnd().split('\n')

t.test('bad arguments: one clear line on stderr and exit 2, before any database work', async (t) => {
  const cases: Array<[string, 'key-create' | 'key-list' | 'key-revoke', string[], RegExp]> = [
    ['key:create without --name', 'key-create', ['--scope', 'write'], /--name is required/],
    ['key:create without --scope', 'key-create', ['--name', 'x'], /--scope is required/],
    ['key:create with an unknown scope', 'key-create', ['--name', 'x', '--scope', 'read'], /unknown scope "read"/],
    ['key:create with an unknown option', 'key-create', ['--name', 'x', '--scope', 'write', '--expires', '2030'], /Unknown option '--expires'/],
    ['key:create with --name and no value', 'key-create', ['--scope', 'write', '--name'], /--name/],
    ['key:create with a stray argument', 'key-create', ['--name', 'x', '--scope', 'write', 'extra'], /extra/],
    ['key:list with an argument', 'key-list', ['extra'], /extra/],
    ['key:revoke without an id', 'key-revoke', [], /expected one key id, got 0/],
    ['key:revoke with two ids', 'key-revoke', ['a', 'b'], /expected one key id, got 2/]
  ]
  const results = await Promise.all(cases.map(([, script, args]) => run(script, args)))
  cases.forEach(([label, , , message], i) => {
    const { code, stdout, stderr } = results[i]!
    t.equal(code, 2, `${label}: exit 2`)
    t.equal(lines(stderr).length, 1, `${label}: one line on stderr (${stderr.trim()})`)
    t.match(stderr, message, `${label}: says what is wrong`)
    t.match(stderr, /usage: npm run key:/, `${label}: and how to call it`)
    t.equal(stdout, '', `${label}: nothing on stdout`)
  })
})

t.test('key:create prints the key alone on its last line; key:list never shows it; key:revoke ends it', async (t) => {
  const created = await run('key-create', ['--name', 'ci importer', '--scope', 'write'])
  t.equal(created.code, 0, `key:create exits 0 ${created.stderr}`)
  const out = lines(created.stdout)
  t.ok(out.length >= 2, 'a short description before the key')
  const key = out.at(-1)!
  t.match(key, /^apv_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/, 'the last line is the key and nothing else')
  const id = key.slice(4, 20)
  t.match(out.slice(0, -1).join('\n'), id, 'the description names the key id')
  t.same(await check(key), { id, name: 'ci importer', scopes: ['write'] }, 'the printed key authenticates with its name and scope')

  const admin = await run('key-create', ['--name', 'ops', '--scope', 'admin', '--scope', 'write'])
  t.equal(admin.code, 0, 'key:create with two scopes exits 0')
  t.same((await check(lines(admin.stdout).at(-1)!))?.scopes, ['write', 'admin'], 'both scopes')

  const listed = await run('key-list', [])
  t.equal(listed.code, 0, 'key:list exits 0')
  t.match(listed.stdout, id, 'key:list shows the id')
  t.match(listed.stdout, 'ci importer', 'and the name')
  t.notOk(listed.stdout.includes(key.slice(21)), 'never the key')
  t.notMatch(listed.stdout, /[0-9a-f]{64}/, 'never a hash')

  const revoked = await run('key-revoke', [id])
  t.equal(revoked.code, 0, 'key:revoke exits 0')
  t.match(revoked.stdout, `Revoked API key ${id}`)
  t.equal(await check(key), null, 'the revoked key no longer authenticates')

  const unknown = await run('key-revoke', ['0000000000000000'])
  t.equal(unknown.code, 1, 'key:revoke of an unknown id exits 1')
  t.match(unknown.stderr, 'No API key with id "0000000000000000"')
})
