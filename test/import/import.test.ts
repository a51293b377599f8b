/** Bulk import: every bad row reported with its line and reasons, the good ones written, references either way, idempotent. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getTableColumns, isTable, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import t, { type Test } from 'tap'
import { parse, stringify } from 'yaml'
import { directoryRows, formatRejection, importRecords, ndjsonRows, rejectedRows, type ImportReport } from '../../src/core/records/import.ts'
import type { Database } from '../../src/db/client.ts'
import * as schema from '../../src/db/schema.ts'
import { readRecords } from '../../src/seed/dataset.ts'
import { loadDataset } from '../../src/seed/load.ts'
import { dataDir } from '../../src/seed/records.ts'
import { createTestDatabase } from '../helper.ts'
import { bad, good, mixedLines, ndjsonFile, refusedTitle, refuseInDatabase } from './fixtures.ts'

const serverUrl = process.env.DATABASE_URL || null
const count = async (db: Database, table: PgTable) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n

/** The reasons of each rejected row, by line number. */
function reasonsByLine (report: ImportReport): Map<number, string[]> {
  const byLine = new Map<number, string[]>()
  for (const r of report.rejected) {
    const line = Number(/^line (\d+)$/.exec(r.position)?.[1])
    byLine.set(line, [...(byLine.get(line) ?? []), r.reason])
  }
  return byLine
}

function checkRejections (t: Test, report: ImportReport) {
  const byLine = reasonsByLine(report)
  t.same([...byLine.keys()], Object.keys(bad).map(Number), 'exactly the bad lines are rejected, in file order')
  for (const [line, patterns] of Object.entries(bad)) {
    const reasons = byLine.get(Number(line)) ?? []
    t.equal(reasons.length, patterns.length, `line ${line}: ${patterns.length} reason(s) (${reasons.join(' | ')})`)
    for (const pattern of patterns) t.ok(reasons.some((r) => pattern.test(r)), `line ${line}: ${pattern}`)
  }
  t.equal(rejectedRows(report), Object.keys(bad).length, 'rows rejected, each counted once')
}

t.test('an NDJSON file of good and bad lines: every bad line reported, every good one imported, a second run changes nothing', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const db = handle.db
  await refuseInDatabase(db)
  const file = ndjsonFile(t, mixedLines)

  // One record per batch: every reference between records crosses batches, in both directions.
  const progress: number[] = []
  const first = await importRecords(db, ndjsonRows(file), { batchSize: 1, onProgress: ({ done }) => progress.push(done) })
  t.equal(first.read, mixedLines.filter((l) => l !== '').length, 'every non-blank line read')
  t.same([first.created, first.updated, first.unchanged], [good, 0, 0], 'the good lines created')
  checkRejections(t, first)
  t.equal(progress.at(-1), first.read, 'progress ends with every row settled')
  t.ok(progress.every((n, i) => i === 0 || n >= progress[i - 1]!), 'progress never goes back')

  const incidents = await db.select({ id: schema.incidents.id }).from(schema.incidents).orderBy(schema.incidents.id)
  t.same(incidents.map((i) => i.id), ['inc_imp_blast', 'inc_imp_reprisal'], 'the good incidents, and only those')
  t.same(await db.select().from(schema.statementIncidents), [{ statementId: 'stm_imp_claim', incidentId: 'inc_imp_blast' }],
    'a statement names an incident on a later line')
  const [claim] = await db.select().from(schema.responsibilities)
  t.equal(claim?.statementId, 'stm_imp_claim', 'the incident names the statement on an earlier line')
  t.equal(claim?.actorId, 'act_imp_front', 'the actor named by its slug')
  const [relation] = await db.select().from(schema.incidentRelations)
  t.equal(relation?.relatedIncidentId, 'inc_imp_blast', 'a later incident names an earlier one')
  t.equal(await count(db, schema.revisions), good, 'a revision per record')
  t.equal(await count(db, schema.changes), good, 'a change per record')

  for (const [batchSize, concurrency] of [[1000, 1], [2, serverUrl ? 2 : 1]] as const) {
    const again = await importRecords(db, ndjsonRows(file), { batchSize, concurrency })
    t.same([again.created, again.updated, again.unchanged], [0, 0, good], `again (batches of ${batchSize}): nothing created or updated`)
    t.same(again.rejected, first.rejected, `again (batches of ${batchSize}): the same rejections`)
  }
  t.equal(await count(db, schema.revisions), good, 'no new revision')
  t.equal(await count(db, schema.changes), good, 'no new change')
})

t.test('in one batch: the records the write path names are rejected, the database refusal found record by record, the rest written', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const db = handle.db
  await refuseInDatabase(db)
  const report = await importRecords(db, ndjsonRows(ndjsonFile(t, mixedLines)), { batchSize: 1000 })
  t.same([report.created, report.updated, report.unchanged], [good, 0, 0], 'the good lines created')
  checkRejections(t, report)
  t.equal(formatRejection(report.rejected.find((r) => r.position === 'line 9')!), 'line 9: /reports/0/source names no source ("src_imp_nowhere")', 'the printed form')
})

t.test('two batches at once: records naming ones in a batch not yet committed are held back, and the result is the same', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const db = handle.db
  await refuseInDatabase(db)
  const report = await importRecords(db, ndjsonRows(ndjsonFile(t, mixedLines)), { batchSize: 2, concurrency: 2 })
  t.same([report.created, report.updated, report.unchanged], [good, 0, 0], 'the good lines created')
  checkRejections(t, report)
  t.equal(await count(db, schema.statementIncidents), 1, 'the statement and the incident naming each other written')
})

t.test('a record naming one that never comes is rejected once the input is read; one naming a rejected record too', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const rows = [
    { position: 'line 1', kind: 'statements', record: { id: 'stm_imp_orphan', speaker: 'nobody-known', said_on: '2022-01-01', date_precision: 'day', kind: 'other', text: 'Words.', text_kind: 'quote', source_ids: ['src_imp_missing'] } },
    { position: 'line 2', kind: 'sources', record: { id: 'src_imp_ok', kind: 'other' } },
    { position: 'line 3', kind: 'actors', record: { id: 'act_imp_x', slug: 'imp-x', name: 'Imp X', kind: 'person' } },
    { position: 'line 4', kind: 'incidents', record: { id: 'inc_imp_refused', title: refusedTitle, occurred_on: '2022-01-01', date_precision: 'day', type: 'other', reports: [{ source: 'src_imp_ok' }] } },
    { position: 'line 5', kind: 'statements', record: { id: 'stm_imp_about', speaker: 'imp-x', said_on: '2022-01-02', date_precision: 'day', kind: 'other', text: 'About it.', text_kind: 'quote', incident_ids: ['inc_imp_refused'], source_ids: ['src_imp_ok'] } }
  ]
  await refuseInDatabase(handle.db)
  const report = await importRecords(handle.db, rows, { batchSize: 1 })
  t.same(report.rejected.map(formatRejection), [
    'line 1: /speaker names no actor ("nobody-known")',
    'line 1: /source_ids/0 names no source ("src_imp_missing")',
    'line 4: new row for relation "incidents" violates check constraint "import_test_refused"',
    'line 5: /incident_ids/0 names no incident ("inc_imp_refused")'
  ], 'every reason, in line order')
  t.equal(report.created, 2, 'the source and the actor written')
})

t.test('the curated folder imported into an empty database gives the rows the dataset loader gives', async (t) => {
  // Both loaded here: a seeded template database may predate the code (its name hashes the migrations and the data).
  const loaded = await createTestDatabase(t, { seed: false })
  const imported = await createTestDatabase(t, { seed: false })
  const records = readRecords()
  const total = Object.values(records).reduce((n, list) => n + list.length, 0)
  await loadDataset(loaded.handle.db, records)

  const report = await importRecords(imported.handle.db, directoryRows(dataDir))
  t.same([report.read, report.created, report.rejected.length], [total, total, 0], 'every record file created')

  /** Rows as sorted JSON, without what differs between two loads: timestamps, and the feed's and revisions' numbering. */
  const rowsOf = async (db: Database, table: PgTable) => {
    const columns = Object.fromEntries(Object.entries(getTableColumns(table)).filter(([key]) => !['createdAt', 'updatedAt', 'at', 'seq'].includes(key)))
    const rows = await db.select(columns as never).from(table) as object[]
    return rows.map((r) => JSON.stringify(r)).sort()
  }
  const tables = Object.entries(schema).filter(([name, table]) => isTable(table) && !['apiKeys', 'idempotencyKeys'].includes(name)) as Array<[string, PgTable]>
  t.equal(tables.length, 23, 'every table of records, parts, provinces, revisions, the feed and the statistics summaries')
  for (const [name, table] of tables) {
    const [expected, actual] = await Promise.all([rowsOf(loaded.handle.db, table), rowsOf(imported.handle.db, table)])
    t.ok(expected.length > 0, `${name}: ${expected.length} rows`)
    t.strictSame(actual, expected, `${name}: the same rows`)
  }

  const again = await importRecords(loaded.handle.db, directoryRows(dataDir))
  t.same([again.created, again.updated, again.unchanged], [0, 0, total], 'importing the folder over the loaded dataset changes nothing')
})

t.test('a folder with broken files: each named by its path, with the line of the problem', async (t) => {
  const { handle } = await createTestDatabase(t)
  const dir = mkdtempSync(join(tmpdir(), 'apv-import-data-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  cpSync(dataDir, dir, { recursive: true })
  const records = readRecords()
  const target = records.incidents[0]!
  const path = join(dir, 'incidents', `${target.id}.yaml`)
  const edited = parse(readFileSync(path, 'utf8'))
  edited.reports[0].source = 'src_nowhere'
  writeFileSync(path, stringify(edited))
  const line = stringify(edited).split('\n').findIndex((l) => l.includes('src_nowhere')) + 1
  writeFileSync(join(dir, 'sources', 'src_broken_yaml.yaml'), 'id: src_broken_yaml\nkind: [unclosed\n')

  const report = await importRecords(handle.db, directoryRows(dir))
  t.equal(rejectedRows(report), 2, 'two files rejected')
  const lines = report.rejected.map(formatRejection)
  t.match(lines.find((l) => l.includes('src_broken_yaml')), /src_broken_yaml\.yaml:\d+: YAML: /, 'the YAML error with its line')
  t.equal(lines.find((l) => l.includes('src_nowhere')), `${path}:${line}: /reports/0/source names no source ("src_nowhere")`, 'the dangling source with its file and line')
  t.equal(report.unchanged, report.read - 2, 'the other files match the database')
})
