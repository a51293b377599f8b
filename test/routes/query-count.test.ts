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

t.test('a list runs the same SQL text whatever the page size and however many values a filter has', async (t) => {
  const { app, database } = await buildTestApp(t)
  const sqlOf = async (url: string) => {
    database.queries.length = 0
    const res = await app.inject(url)
    t.equal(res.statusCode, 200, url)
    return [...database.queries]
  }
  const pairs: Array<[string, string]> = [
    ['/v1/incidents?limit=1', '/v1/incidents?limit=500'],
    ['/v1/incidents?province=Kabul,Nangarhar', '/v1/incidents?province=Kabul,Nangarhar,Kunduz,Herat'],
    ['/v1/incidents?type=bombing', '/v1/incidents?type=bombing,suicide_bombing,armed_assault'],
    ['/v1/incidents?claimed_by=iskp&start_date=2021-01-01', '/v1/incidents?claimed_by=taliban&start_date=2023-06-01&limit=7'],
    ['/v1/actors/iskp/incidents', '/v1/actors/taliban/incidents?limit=3'],
    ['/v1/incidents?actor=taliban&include_branches=true', '/v1/incidents?actor=islamic-state&include_branches=true&limit=9'],
    ['/v1/statements?speaker=zabihullah-mujahid&limit=2', '/v1/statements?speaker=iskp&limit=300'],
    ['/v1/incidents/inc_2021_09_jalalabad_blasts', '/v1/incidents/inc_2021_08_26_kabul_airport_suicide_bombing']
  ]
  for (const [a, b] of pairs) {
    t.strictSame(await sqlOf(b), await sqlOf(a), `${a} and ${b}: the same statements, values as parameters`)
  }
})
