/** A database made by the previous release keeps its data through the record-model migration, with honest windows. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm as pgTrgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import t from 'tap'
import { migrationsFolder } from '../../src/db/migrate.ts'
import { pgliteSnapshot } from '../helper.ts'

/** The migrations folder as the previous release shipped it: everything before the record model. */
function previousRelease (): string {
  const dir = mkdtempSync(join(tmpdir(), 'apv-migrations-'))
  cpSync(migrationsFolder, dir, { recursive: true })
  const journalPath = join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'))
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0002')
  writeFileSync(journalPath, JSON.stringify(journal))
  return dir
}

t.test('rows written before the record model get windows from their precision, and exact breakdown bounds', async (t) => {
  const old = previousRelease()
  t.teardown(() => rmSync(old, { recursive: true, force: true }))
  // A bare cluster from the cached snapshot: initdb is the same for every run, and the slowest part of a new PGlite.
  const client = new PGlite({ loadDataDir: await pgliteSnapshot('bare'), extensions: { pg_trgm: pgTrgm } })
  t.teardown(() => client.close())
  const db = drizzle(client)
  await migrate(db, { migrationsFolder: old })

  await client.exec(`
    insert into provinces (code, name, capital) values ('AF-KAB', 'Kabul', 'Kabul');
    insert into sources (id, kind) values ('src_old', 'news_article');
    insert into actors (id, slug, name, kind) values ('act_old', 'old', 'Old', 'armed_group');
    insert into incidents (id, title, occurred_on, date_precision, province_code, type) values
      ('inc_day', 'Day', '2021-11-07', 'day', 'AF-KAB', 'bombing'),
      ('inc_week', 'Week', '2021-11-07', 'week', 'AF-KAB', 'bombing'),
      ('inc_month', 'Month', '2022-02-01', 'month', 'AF-KAB', 'bombing'),
      ('inc_year', 'Year', '2021-01-01', 'year', 'AF-KAB', 'bombing');
    insert into incident_reports (id, incident_id, source_id, occurred_on, date_precision) values ('rep_old', 'inc_month', 'src_old', '2022-02-01', 'month');
    insert into casualty_breakdowns (incident_id, outcome, victim_group, count, source_id) values ('inc_day', 'killed', 'children', 20, 'src_old');
    insert into statements (id, speaker_id, said_on, date_precision, kind, text, text_kind) values ('stm_old', 'act_old', '2021-10-01', 'month', 'other', 'x', 'paraphrase');
  `)

  await migrate(db, { migrationsFolder })

  const windows = await client.query<{ id: string, date_start: string, date_end: string }>(
    `select id, date_start::text, date_end::text from incidents order by id`)
  t.same(windows.rows, [
    { id: 'inc_day', date_start: '2021-11-07', date_end: '2021-11-07' },
    { id: 'inc_month', date_start: '2022-02-01', date_end: '2022-02-28' },
    { id: 'inc_week', date_start: '2021-11-07', date_end: '2021-11-13' },
    { id: 'inc_year', date_start: '2021-01-01', date_end: '2021-12-31' }
  ], 'each incident gets the window its precision stands for')
  const report = await client.query<{ date_start: string, date_end: string }>(`select date_start::text, date_end::text from incident_reports`)
  t.same(report.rows, [{ date_start: '2022-02-01', date_end: '2022-02-28' }], 'per-source reports too')
  const statement = await client.query<{ date_start: string, date_end: string }>(`select date_start::text, date_end::text from statements`)
  t.same(statement.rows, [{ date_start: '2021-10-01', date_end: '2021-10-31' }], 'statements too')
  const breakdown = await client.query<{ best: number, low: number, high: number }>(`select best, low, high from casualty_breakdowns`)
  t.same(breakdown.rows, [{ best: 20, low: 20, high: 20 }], 'an old breakdown count was exact')
  const voice = await client.query<{ column_default: string }>(
    `select column_default from information_schema.columns where table_name = 'responsibilities' and column_name = 'voice'`)
  t.match(voice.rows[0]?.column_default, /source/, 'old responsibility rows read as said in the report\'s own voice')
  const summary = await client.query<{ province_code: string, month: string, start_month: string, end_month: string, incidents: number }>(
    `select province_code, month::text, start_month::text, end_month::text, incidents from incident_summary order by month, start_month`)
  t.same(summary.rows, [
    { province_code: 'AF-KAB', month: '2021-01-01', start_month: '2021-01-01', end_month: '2021-12-01', incidents: 1 },
    { province_code: 'AF-KAB', month: '2021-11-01', start_month: '2021-11-01', end_month: '2021-11-01', incidents: 2 },
    { province_code: 'AF-KAB', month: '2022-02-01', start_month: '2022-02-01', end_month: '2022-02-01', incidents: 1 }
  ], 'the statistics\' summary holds the incidents already stored')
})
