/** The loader: a first run writes the whole dataset, a second changes nothing, an edit is applied. */
import { eq, sql } from 'drizzle-orm'
import t from 'tap'
import * as schema from '../../src/db/schema.ts'
import { dataset } from '../../src/seed/dataset.ts'
import { loadDataset } from '../../src/seed/load.ts'
import type { Dataset } from '../../src/seed/types.ts'
import { createTestDatabase } from '../helper.ts'

const tables: Array<[keyof Dataset, any]> = [
  ['sources', schema.sources], ['sourceCitations', schema.sourceCitations], ['actors', schema.actors],
  ['incidents', schema.incidents], ['incidentReports', schema.incidentReports],
  ['casualtyBreakdowns', schema.casualtyBreakdowns], ['statements', schema.statements],
  ['statementIncidents', schema.statementIncidents], ['statementSources', schema.statementSources],
  ['responsibilities', schema.responsibilities]
]

t.test('loading into an empty database writes every row once, and a second load changes nothing', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const db = handle.db

  const first = await loadDataset(db, dataset)
  t.equal(first.provinces, 34, 'all 34 provinces')
  for (const [key, table] of tables) {
    t.equal(first[key], dataset[key].length, `${key}: every row written`)
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table)
    t.equal(row?.n, dataset[key].length, `${key}: row count matches the dataset`)
  }

  const [before] = await db.select({ at: sql<string>`max(updated_at)::text` }).from(schema.incidents)
  const second = await loadDataset(db, dataset)
  t.same(Object.values(second).filter((n) => n !== 0), [], 'second run writes no row')
  const [after] = await db.select({ at: sql<string>`max(updated_at)::text` }).from(schema.incidents)
  t.equal(after?.at, before?.at, 'updated_at untouched by a no-op load')
})

t.test('an edited record in the dataset updates that row only', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const db = handle.db
  await loadDataset(db, dataset)

  const [first, ...rest] = dataset.incidents
  t.ok(first, 'the dataset has incidents')
  const edited: Dataset = { ...dataset, incidents: [{ ...first!, title: `${first!.title} (edited)` }, ...rest] }
  const report = await loadDataset(db, edited)
  t.equal(report.incidents, 1, 'one incident rewritten')
  t.equal(report.actors, 0, 'nothing else touched')
  const [row] = await db.select().from(schema.incidents).where(eq(schema.incidents.id, first!.id))
  t.equal(row?.title, `${first!.title} (edited)`)
  t.ok(row && row.updatedAt.getTime() >= row.createdAt.getTime(), 'updated_at moves forward on a real change')
})

t.test('a failing load leaves the database as it was (one transaction)', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: false })
  const db = handle.db
  const broken: Dataset = {
    ...dataset,
    responsibilities: [...dataset.responsibilities, { ...dataset.responsibilities[0]!, id: 'rsp_broken', actorId: 'act_does_not_exist' }]
  }
  await t.rejects(loadDataset(db, broken), 'a dangling actor id fails the load')
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.incidents)
  t.equal(row?.n, 0, 'no incident was left behind')
})
