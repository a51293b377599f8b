/**
 * npm run release as a child process over a database of this file's own: the data package it writes (datapackage.json
 * with Table Schemas, the CSV exports, sources.csl.json, CITATION.cff, README.md) checked against the API it came from.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseCsv } from 'csv-parse/sync'
import t from 'tap'
import { parse as parseYaml } from 'yaml'
import { buildApp } from '../../src/app.ts'
import { toCslItem } from '../../src/core/citation/csl.ts'
import { openDatabase } from '../../src/db/client.ts'
import { csvColumns } from '../../src/export/columns.ts'
import { releasedTables } from '../../src/release/datapackage.ts'
import { citationLine, datasetRelease } from '../../src/release/dataset-release.ts'
import { createTestDatabase, pgliteSnapshot, walkPages } from '../helper.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
const serverUrl = process.env.DATABASE_URL || null
const tables = releasedTables

/** On Postgres a seeded database of this file's own; on PGlite a data folder made from the seeded snapshot. */
const url = serverUrl ? (await createTestDatabase(t)).url : null
const work = mkdtempSync(join(tmpdir(), 'apv-release-cli-'))
t.teardown(() => rmSync(work, { recursive: true, force: true }))
const dataDir = url ? null : join(work, 'pglite')
if (dataDir) await (await openDatabase({ dataDir, snapshot: await pgliteSnapshot('seeded') })).close()

/** What the API serves, read before the script runs (PGlite lets one process open a data folder at a time). */
const api = await (async () => {
  const handle = await openDatabase({ url, dataDir })
  const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] }, { database: handle })
  try {
    await app.ready()
    const lists = await Promise.all(tables.map(async (name) => [name, (await walkPages(app, `/v1/${name}?limit=500`)).items] as const))
    return Object.fromEntries(lists) as Record<(typeof tables)[number], any[]>
  } finally {
    await app.close()
  }
})()

interface Run { code: number, stdout: string, stderr: string }

function run (args: string[], env: Record<string, string> = {}): Promise<Run> {
  const environment = { ...process.env, DATABASE_URL: url ?? '', PGLITE_DATA_DIR: dataDir ?? '', LOG_LEVEL: 'info', ...env }
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/scripts/release.ts', ...args], { cwd: root, env: environment, timeout: 180_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

const lines = (text: string) => text.trimEnd().split('\n')
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

t.test('bad arguments: one line on stderr and exit 2, before any database work', async (t) => {
  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown option', ['--format', 'zip'], /Unknown option '--format'/],
    ['--out without a folder', ['--out', ''], /--out needs a folder/],
    ['a stray argument', ['extra'], /extra/]
  ]
  const results = await Promise.all(cases.map(([, args]) => run(args, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })))
  cases.forEach(([label, , message], i) => {
    const { code, stdout, stderr } = results[i]!
    t.equal(code, 2, `${label}: exit 2`)
    t.equal(lines(stderr).length, 1, `${label}: one line on stderr (${stderr.trim()})`)
    t.match(stderr, message, `${label}: says what is wrong`)
    t.equal(stdout, '', `${label}: nothing on stdout`)
  })
})

const out = join(work, 'release')

t.test('it writes the release and says what it wrote: a progress line per file, a summary of files, rows and bytes', async (t) => {
  const first = await run(['--out', out])
  t.equal(first.code, 0, `exit 0 ${first.stderr}`)
  const files = [...tables.map((n) => `data/${n}.csv`), 'sources.csl.json', 'datapackage.json', 'CITATION.cff', 'README.md']
  t.same(readdirSync(out, { recursive: true }).map(String).filter((f) => f !== 'data').sort(), [...files].sort(), 'these files and no others')
  t.same(readdirSync(work).filter((f) => f.includes('partial')), [], 'no partial folder left behind')
  const progress = lines(first.stderr).filter((l) => l.startsWith('release: ') && !l.startsWith('release: writing'))
  t.same(progress.map((l) => /^release: ([^\s:,]+)[:,] /.exec(l)?.[1]), [...tables.map((n) => `data/${n}.csv`), 'sources.csl.json', 'datapackage.json', 'CITATION.cff', 'README.md'], 'a progress line per file, in order')
  for (const name of tables) t.ok(progress.includes(`release: data/${name}.csv: ${api[name].length} rows, ${sizeText(statSync(join(out, `data/${name}.csv`)).size)}`), `${name}: rows and size on its line`)
  t.match(first.stdout, `Release ${datasetRelease.version} written to ${out}`)
  for (const file of files) t.match(first.stdout, file, `the summary lists ${file}`)
  t.notMatch(first.stdout, /"level":/, 'no log lines on stdout')
})

function sizeText (bytes: number) {
  return bytes < 10_000 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`
}

t.test('datapackage.json: a Tabular Data Package whose resources match their files byte for byte', async (t) => {
  const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'))
  t.match(descriptor, {
    profile: 'tabular-data-package',
    name: /^[a-z0-9._-]+$/,
    title: datasetRelease.title,
    version: datasetRelease.version,
    licenses: [{ name: datasetRelease.license, path: /^https:\/\//, title: String }],
    contributors: datasetRelease.authors.map((a) => ({ title: a.name, role: 'author' }))
  })
  t.ok(!Number.isNaN(Date.parse(descriptor.created)) && descriptor.created.endsWith('Z'), 'created is an RFC 3339 instant')
  t.ok(descriptor.description.includes(citationLine()), 'the description says how to cite')
  t.same(descriptor.resources.map((r: any) => r.name), tables, 'one resource per table')
  const types = new Set(['string', 'integer', 'number', 'boolean', 'date', 'datetime'])
  for (const resource of descriptor.resources) {
    const file = join(out, resource.path)
    t.match(resource, { path: `data/${resource.name}.csv`, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: { delimiter: ',', lineTerminator: '\r\n', header: true } }, resource.name)
    t.equal(resource.bytes, statSync(file).size, `${resource.name}: bytes`)
    t.equal(resource.hash, `sha256:${sha256(file)}`, `${resource.name}: sha256`)

    const { fields, primaryKey, foreignKeys = [] } = resource.schema
    t.ok(fields.every((f: any) => typeof f.name === 'string' && types.has(f.type) && typeof f.description === 'string' && f.description.length > 0), `${resource.name}: each field has a name, a Table Schema type and a description`)
    t.ok(fields.every((f: any) => (f.type === 'datetime') === (f.format === 'any')), `${resource.name}: datetimes (RFC 3339 with milliseconds) are format any, nothing else has a format`)
    t.same(fields.map((f: any) => ({ name: f.name, type: f.type })), csvColumns[resource.name as keyof typeof csvColumns].map((c) => ({ name: c.name, type: c.type })), `${resource.name}: the fields are the export's columns`)
    t.equal(primaryKey, 'id')
    const rows: string[][] = parseCsv(readFileSync(file), { bom: true, relax_column_count: false })
    t.same(rows[0], fields.map((f: any) => f.name), `${resource.name}: the CSV header is the schema's field names`)
    t.equal(rows.length - 1, api[resource.name as keyof typeof api].length, `${resource.name}: as many rows as the API lists (${rows.length - 1})`)
    t.same(rows.slice(1).map((r) => r[0]), api[resource.name as keyof typeof api].map((r) => r.id), `${resource.name}: the API's records, in its order`)
    t.equal(new Set(rows.slice(1).map((r) => r[0])).size, rows.length - 1, `${resource.name}: the primary key is unique`)
    for (const key of foreignKeys) {
      const column = fields.findIndex((f: any) => f.name === key.fields)
      t.ok(column >= 0, `${resource.name}.${key.fields} is a field`)
      const target = key.reference.resource === '' ? resource.name : key.reference.resource
      t.ok(tables.includes(target), `${resource.name}.${key.fields} refers to a resource of the package`)
      const ids = new Set(api[target as keyof typeof api].map((r) => r.id))
      const values = rows.slice(1).map((r) => r[column]!).filter((v) => v !== '')
      t.ok(values.length > 0 && values.every((v) => ids.has(v)), `${resource.name}.${key.fields}: every value is an id of ${target} (${values.length})`)
    }
  }
  const statements = descriptor.resources.find((r: any) => r.name === 'statements')
  t.same(statements.schema.foreignKeys.map((k: any) => k.fields).sort(), ['on_behalf_of_id', 'speaker_id'], 'statements refer to actors')
})

t.test('sources.csl.json: every source, as GET /v1/sources/{id}/citation maps it', async (t) => {
  const items = JSON.parse(readFileSync(join(out, 'sources.csl.json'), 'utf8'))
  t.same(items, api.sources.map(toCslItem))
})

t.test('CITATION.cff: Citation File Format 1.2.0 for the dataset release', async (t) => {
  const cff = parseYaml(readFileSync(join(out, 'CITATION.cff'), 'utf8'))
  for (const key of ['cff-version', 'message', 'title', 'authors']) t.ok(cff[key], `has ${key} (required)`)
  t.match(cff, {
    'cff-version': '1.2.0',
    type: 'dataset',
    title: datasetRelease.title,
    version: datasetRelease.version,
    'date-released': datasetRelease.released_on,
    license: datasetRelease.license,
    authors: datasetRelease.authors.map((a) => ({ name: a.name }))
  })
})

t.test('README.md says what each file is and how to cite', async (t) => {
  const readme = readFileSync(join(out, 'README.md'), 'utf8')
  t.ok(readme.includes(citationLine()), 'the citation line')
  for (const file of ['datapackage.json', 'sources.csl.json', 'CITATION.cff', ...tables.map((n) => `data/${n}.csv`)]) t.match(readme, file)
})

t.test('a release is not overwritten unless asked: exit 2 without --force, replaced with it', async (t) => {
  const again = await run(['--out', out])
  t.equal(again.code, 2)
  t.match(again.stderr, /already holds a release: bump the version in src\/seed\/release\.yaml, or pass --force/)
  const forced = await run(['--out', out, '--force'])
  t.equal(forced.code, 0, `exit 0 with --force ${forced.stderr}`)
  for (const name of tables) t.ok(existsSync(join(out, `data/${name}.csv`)), `${name}.csv is there`)
})

t.test('an empty database is migrated and loaded with the curated dataset first, as the server does', { skip: url !== null && 'PGlite only: the data folder is made here' }, async (t) => {
  const empty = join(work, 'empty-pglite')
  const fresh = join(work, 'fresh')
  const result = await run(['--out', fresh], { PGLITE_DATA_DIR: empty })
  t.equal(result.code, 0, `exit 0 ${result.stderr}`)
  const descriptor = JSON.parse(readFileSync(join(fresh, 'datapackage.json'), 'utf8'))
  for (const name of tables) {
    const resource = descriptor.resources.find((r: any) => r.name === name)
    t.equal(resource.hash, `sha256:${sha256(join(fresh, `data/${name}.csv`))}`, `${name}: its own hash`)
  }
  for (const name of tables) {
    const rows: string[][] = parseCsv(readFileSync(join(fresh, `data/${name}.csv`)), { bom: true })
    t.same(rows.slice(1).map((r) => r[0]), api[name].map((r) => r.id), `${name}: the curated records`)
  }
})
