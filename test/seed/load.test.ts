/** The loader: a first run writes the whole dataset, a second changes nothing, an edited file is applied, a removed part is removed. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import t, { type Test } from 'tap'
import { parse, stringify } from 'yaml'
import * as schema from '../../src/db/schema.ts'
import { readDataset, readRecords } from '../../src/seed/dataset.ts'
import { loadDataset } from '../../src/seed/load.ts'
import { dataDir } from '../../src/seed/records.ts'
import type { Dataset } from '../../src/seed/types.ts'
import { createTestDatabase } from '../helper.ts'

const records = readRecords()
const dataset = readDataset()

const tables: Array<[keyof Dataset, any]> = [
  ['sources', schema.sources], ['sourceCitations', schema.sourceCitations], ['actors', schema.actors],
  ['actorEstimates', schema.actorEstimates], ['incidents', schema.incidents], ['incidentReports', schema.incidentReports],
  ['casualtyBreakdowns', schema.casualtyBreakdowns], ['noClaimReports', schema.noClaimReports],
  ['incidentParticipants', schema.incidentParticipants], ['incidentFollowUps', schema.incidentFollowUps],
  ['incidentRelations', schema.incidentRelations], ['statements', schema.statements],
  ['statementIncidents', schema.statementIncidents], ['statementSources', schema.statementSources],
  ['responsibilities', schema.responsibilities], ['tallies', schema.tallies], ['tallyBreakdowns', schema.tallyBreakdowns],
  ['tallyIncidents', schema.tallyIncidents]
]
const total = Object.values(records).reduce((n, list) => n + list.length, 0)
const count = async (db: any, table: any) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n as number

/** A copy of the record files a test may edit, removed afterwards. */
function copyOfData (t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'apv-data-'))
  cpSync(dataDir, join(dir, 'data'), { recursive: true })
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'data')
}

function editRecord (dir: string, file: string, edit: (record: any) => void): void {
  const path = join(dir, file)
  const record = parse(readFileSync(path, 'utf8'))
  edit(record)
  writeFileSync(path, stringify(record))
}

t.test('loading into an empty database creates every record once through the write path, and a second load changes nothing', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const db = handle.db

  const first = await loadDataset(db, records)
  t.equal(first.provinces, 34, 'all 34 provinces')
  for (const kind of ['sources', 'actors', 'statements', 'incidents', 'tallies'] as const) {
    t.equal(first.created[kind], records[kind].length, `${kind}: every record created`)
  }
  for (const [key, table] of tables) {
    t.ok(dataset[key].length > 0, `${key}: the dataset has rows`)
    t.equal(await count(db, table), dataset[key].length, `${key}: row count matches the dataset`)
  }
  t.equal(await count(db, schema.revisions), total, 'one revision per record')
  t.equal(await count(db, schema.changes), total, 'one change-feed row per record')

  const [before] = await db.select({ at: sql<string>`max(updated_at)::text` }).from(schema.incidents)
  const second = await loadDataset(db, readRecords())
  t.equal(second.unchanged, total, 'second run: every record unchanged')
  t.same([...Object.values(second.created), ...Object.values(second.updated)].filter((n) => n !== 0), [], 'nothing created or updated')
  t.equal(await count(db, schema.revisions), total, 'no new revision')
  t.equal(await count(db, schema.changes), total, 'no new change')
  const [after] = await db.select({ at: sql<string>`max(updated_at)::text` }).from(schema.incidents)
  t.equal(after?.at, before?.at, 'updated_at untouched by a no-op load')
})

t.test('a curator edits a record file: that row only is rewritten', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const db = handle.db
  await loadDataset(db, records)

  const dir = copyOfData(t)
  const target = dataset.incidents[0]!
  editRecord(dir, `incidents/${target.id}.yaml`, (r) => { r.title = `${r.title} (edited)` })
  const report = await loadDataset(db, readRecords(dir))
  t.equal(report.updated.incidents, 1, 'one incident updated')
  t.equal(report.unchanged, total - 1, 'nothing else touched')
  const [row] = await db.select().from(schema.incidents).where(eq(schema.incidents.id, target.id))
  t.equal(row?.title, `${target.title} (edited)`)
  t.equal(row?.version, 2, 'the version moves to 2')
  t.ok(row && row.updatedAt.getTime() >= row.createdAt.getTime(), 'updated_at moves forward on a real change')
  const revisions = await db.select().from(schema.revisions).where(eq(schema.revisions.recordId, target.id))
  t.same(revisions.map((r) => [r.version, r.operation]), [[1, 'create'], [2, 'update']], 'two revisions')
  t.same(revisions[1]?.changes, { title: { before: target.title, after: `${target.title} (edited)` } }, 'the revision holds the changed field, before and after')
})

t.test('a curator adds an incident by adding a file: it loads, and the API serves it', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const db = handle.db
  await loadDataset(db, records)

  const dir = copyOfData(t)
  const source = dataset.sources[0]!.id
  writeFileSync(join(dir, 'incidents', 'inc_2022_01_kabul_probe_blast.yaml'), stringify({
    id: 'inc_2022_01_kabul_probe_blast',
    title: 'A blast added by a curator',
    occurred_on: '2022-01-01',
    date_precision: 'month',
    province: 'AF-KAB',
    type: 'explosion',
    killed: { best: 2, low: 2, high: 2 },
    reports: [{ source, killed: { best: 2, low: 2, high: 2 } }],
    participants: [{ role: 'perpetrator', description: 'unknown attackers', source }],
    responsibility: [{ kind: 'suspected', actor: 'ISIS-K', source, voice: 'unnamed' }]
  }))
  const report = await loadDataset(db, readRecords(dir))
  t.equal(report.created.incidents, 1, 'one incident created')
  t.equal(report.unchanged, total, 'nothing else touched')
  t.equal(await count(db, schema.incidentParticipants), dataset.incidentParticipants.length + 1, 'with its participant')
  const [row] = await db.select().from(schema.incidents).where(eq(schema.incidents.id, 'inc_2022_01_kabul_probe_blast'))
  t.equal(row?.dateStart, '2022-01-01', 'a month without a window given gets the month: start')
  t.equal(row?.dateEnd, '2022-01-31', '... and end')
  const [claim] = await db.select().from(schema.responsibilities).where(eq(schema.responsibilities.incidentId, 'inc_2022_01_kabul_probe_blast'))
  t.equal(claim?.actorId, 'act_iskp', 'the actor named by an alias')
})

t.test('a part removed from a record file is removed from the database; other records keep theirs', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const db = handle.db
  await loadDataset(db, records)

  const owner = dataset.responsibilities[0]!.incidentId
  const before = dataset.responsibilities.filter((r) => r.incidentId === owner).length
  const dir = copyOfData(t)
  editRecord(dir, `incidents/${owner}.yaml`, (r) => { r.responsibility = r.responsibility.slice(1) })
  const report = await loadDataset(db, readRecords(dir))
  t.equal(report.updated.incidents, 1, 'the incident is updated')
  const rows = await db.select().from(schema.responsibilities).where(eq(schema.responsibilities.incidentId, owner))
  t.equal(rows.length, before - 1, 'the incident lost exactly that responsibility row')
  const [all] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.responsibilities)
  t.equal(all?.n, dataset.responsibilities.length - 1, 'no other incident lost one')
})

t.test('a failing load leaves the database as it was (one transaction)', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const db = handle.db
  // Past the checks, stopped by the database: a window that does not hold the date.
  const [first, ...rest] = records.incidents
  const broken = { ...records, incidents: [...rest, { ...first!, date_start: '2030-01-01', date_end: '2030-01-31' }] }
  await t.rejects(loadDataset(db, broken), 'a constraint violation fails the load')
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.incidents)
  t.equal(row?.n, 0, 'no incident was left behind')
})

t.test('a broken record file stops the load before the database is touched, naming every problem', async (t) => {
  const dir = copyOfData(t)
  const target = dataset.incidents[0]!
  editRecord(dir, `incidents/${target.id}.yaml`, (r) => { r.province = 'AF-XXX'; r.reports[0].source = 'src_nowhere' })
  let error: any
  try {
    readRecords(dir)
  } catch (err) {
    error = err
  }
  t.ok(error, 'reading the broken files throws')
  t.equal(error?.problems?.length, 2, 'two problems')
  const text = String(error?.message)
  t.match(text, `data/incidents/${target.id}.yaml`, 'the file is named')
  t.match(text, /\/province: "AF-XXX" is not an ISO 3166-2:AF province code/, 'the province problem with its path')
  t.match(text, /\/reports\/0\/source: names no source \("src_nowhere"\)/, 'the dangling source with its path')
})
