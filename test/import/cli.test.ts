/** npm run import as a child process: the rejected rows and a summary on stdout, exit 1 when rows were rejected, 0 when none, 2 on bad arguments. */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { openDatabase } from '../../src/db/client.ts'
import { migrateDatabase } from '../../src/db/migrate.ts'
import { createTestDatabase, pgliteSnapshot } from '../helper.ts'
import { bad, good, goodLines, mixedLines, ndjsonFile, refuseInDatabase } from './fixtures.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const serverUrl = process.env.DATABASE_URL || null

/** On Postgres a database of this file's own; on PGlite a data folder made from the migrated snapshot, opened here to add the test's rule. */
const url = serverUrl ? (await createTestDatabase(t, { seed: false })).url : null
const dataDir = url ? null : mkdtempSync(join(tmpdir(), 'apv-import-cli-'))
if (dataDir) t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
{
  const handle = await openDatabase({ url, dataDir, max: 1, snapshot: url ? undefined : await pgliteSnapshot('migrated') })
  try {
    await migrateDatabase(handle, url)
    await refuseInDatabase(handle.db)
  } finally {
    await handle.close()
  }
}

interface Run { code: number, stdout: string, stderr: string }

function run (args: string[]): Promise<Run> {
  const env = { ...process.env, DATABASE_URL: url ?? '', PGLITE_DATA_DIR: dataDir ?? '', LOG_LEVEL: 'silent' }
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/scripts/import.ts', ...args], { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

const lines = (text: string) => text.trimEnd().split('\n')
const summary = /^read (\d+), created (\d+), updated (\d+), unchanged (\d+), rejected (\d+) in \d+\.\ds$/

t.test('bad arguments or an unreadable file: one line on stderr and exit 2, before any database work', async (t) => {
  const cases: Array<[string, string[], RegExp]> = [
    ['no file', [], /expected one file or folder, got 0/],
    ['two files', ['a.ndjson', 'b.ndjson'], /expected one file or folder, got 2/],
    ['a batch size of 0', ['x.ndjson', '--batch-size', '0'], /--batch-size must be an integer from 1 to 10000, got "0"/],
    ['a batch size that is no number', ['x.ndjson', '--batch-size', 'many'], /--batch-size must be an integer/],
    ['an unknown option', ['x.ndjson', '--dry-run'], /Unknown option '--dry-run'/],
    ['a file that is not there', [join(tmpdir(), 'apv-no-such-file.ndjson')], /cannot read .*apv-no-such-file\.ndjson: ENOENT/]
  ]
  const results = await Promise.all(cases.map(([, args]) => run(args)))
  cases.forEach(([label, , message], i) => {
    const { code, stdout, stderr } = results[i]!
    t.equal(code, 2, `${label}: exit 2`)
    t.equal(lines(stderr).length, 1, `${label}: one line on stderr (${stderr.trim()})`)
    t.match(stderr, message, `${label}: says what is wrong`)
    t.equal(stdout, '', `${label}: nothing on stdout`)
  })
})

t.test('a file with bad lines: each printed with its line and reason, a summary, exit 1; run again, nothing changes', async (t) => {
  const file = ndjsonFile(t, mixedLines)
  const rows = mixedLines.filter((l) => l !== '').length
  const rejected = Object.keys(bad).length

  const first = await run([file, '--batch-size', '2'])
  t.equal(first.code, 1, `exit 1 when rows were rejected ${first.stderr}`)
  const out = lines(first.stdout)
  t.match(out.at(-1), summary, 'the summary comes last')
  t.same(summary.exec(out.at(-1)!)!.slice(1).map(Number), [rows, good, 0, 0, rejected], 'read, created, updated, unchanged, rejected')
  const printed = out.slice(0, -1)
  t.same([...new Set(printed.map((l) => Number(/^line (\d+): /.exec(l)?.[1])))], Object.keys(bad).map(Number), 'every rejected row, by line, in file order')
  t.ok(printed.includes('line 9: /reports/0/source names no source ("src_imp_nowhere")'), 'a dangling reference, as `line N: /path reason`')
  t.ok(printed.includes('line 6: "places" is not a kind of record: use sources, actors, statements, incidents, tallies'), 'an unknown kind')
  t.ok(printed.some((l) => /^line 5: not JSON: /.test(l)), 'a line that is not JSON')
  t.ok(printed.includes('line 15: new row for relation "incidents" violates check constraint "import_test_refused"'), 'a refusal by the database')
  t.ok(lines(first.stderr).every((l) => l === '' || /^import: \d+ of \d+ rows, \d+ rejected, \d+ records\/s$/.test(l)), `progress lines only on stderr (${first.stderr.trim()})`)

  const second = await run([file])
  t.equal(second.code, 1, 'the same rows are rejected again: exit 1')
  t.same(summary.exec(lines(second.stdout).at(-1)!)!.slice(1).map(Number), [rows, 0, 0, good, rejected], 'the second run creates and updates nothing')
  t.same(lines(second.stdout).slice(0, -1), printed, 'and reports the same rows')
})

t.test('a file without bad lines: exit 0', async (t) => {
  const { code, stdout, stderr } = await run([ndjsonFile(t, goodLines)])
  t.equal(code, 0, `exit 0 ${stderr}`)
  t.same(lines(stdout).length, 1, 'the summary alone')
  t.same(summary.exec(stdout.trim())!.slice(1).map(Number), [goodLines.length, 0, 0, goodLines.length, 0], 'already imported: all unchanged, none rejected')
})
