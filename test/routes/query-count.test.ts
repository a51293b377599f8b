/** A list request runs a fixed number of SQL queries whatever the page size: no query per row. */
import t from 'tap'
import { buildTestApp } from '../helper.ts'

t.test('list endpoints do not run a query per row', async (t) => {
  const { app, database } = await buildTestApp(t)

  const countQueries = async (url: string) => {
    database.queries.length = 0
    const res = await app.inject(url)
    t.equal(res.statusCode, 200, url)
    return { queries: database.queries.length, rows: JSON.parse(res.body).data.length as number }
  }

  for (const base of [
    '/v1/incidents?claimed_by=iskp&province=Kabul,Nangarhar',
    '/v1/incidents',
    '/v1/statements?actor=taliban',
    '/v1/statements',
    '/v1/sources',
    '/v1/actors',
    '/v1/actors/taliban/statements',
    '/v1/actors/iskp/incidents'
  ]) {
    const sep = base.includes('?') ? '&' : '?'
    const one = await countQueries(`${base}${sep}limit=1`)
    const many = await countQueries(`${base}${sep}limit=500`)
    t.ok(many.rows > one.rows, `${base}: the big page has more rows (${many.rows} > ${one.rows})`)
    t.equal(many.queries, one.queries, `${base}: ${one.queries} queries for 1 row and for ${many.rows} rows`)
    t.ok(many.queries <= 5, `${base}: at most 5 queries (ran ${many.queries})`)
  }
})
