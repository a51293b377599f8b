/**
 * `include_total` on the incident lists: `total` equals the count of the incidents the pages hold when asked, is
 * null by default, and the default path runs no count.
 */
import t from 'tap'
import { buildTestApp, getJson, walkPages } from '../helper.ts'

const lists = [
  '/v1/incidents',
  '/v1/incidents?province=Kabul,Nangarhar',
  '/v1/incidents?start_date=2021-09-15&end_date=2022-03-31',
  '/v1/incidents?claimed_by=iskp',
  '/v1/incidents?q=mosque&type=suicide_bombing,bombing',
  '/v1/incidents?bbox=69,34,71,35',
  '/v1/actors/iskp/incidents',
  '/v1/actors/taliban/incidents?start_date=2022-01-01',
  '/v1/sources/src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country/incidents'
]

const withParams = (url: string, params: string) => `${url}${url.includes('?') ? '&' : '?'}${params}`

t.test('total is the number of incidents the pages hold, when asked; null otherwise', async (t) => {
  const { app } = await buildTestApp(t)
  for (const url of lists) {
    const { items } = await walkPages(app, withParams(url, 'limit=7'))
    const asked = await getJson(app, withParams(url, 'limit=3&include_total=true'))
    t.equal(asked.status, 200, url)
    t.equal(asked.body.total, items.length, `${url}: total ${items.length}`)
    t.equal(asked.body.data.length, Math.min(3, items.length), `${url}: the page is still a page`)
    const plain = await getJson(app, withParams(url, 'limit=3'))
    t.equal(plain.body.total, null, `${url}: null when not asked`)
    t.equal((await getJson(app, withParams(url, 'limit=3&include_total=false'))).body.total, null, `${url}: null when declined`)
  }
  t.equal((await getJson(app, '/v1/incidents?include_total=maybe')).status, 400, 'include_total is a boolean')
})

t.test('the default path runs no count; include_total runs one more query', async (t) => {
  const { app, database } = await buildTestApp(t)
  const sqlOf = async (url: string) => {
    database.queries.length = 0
    t.equal((await app.inject(url)).statusCode, 200, url)
    return [...database.queries]
  }
  for (const url of ['/v1/incidents?province=Kabul', '/v1/incidents?q=Kabul', '/v1/actors/iskp/incidents']) {
    const plain = await sqlOf(url)
    const counted = await sqlOf(withParams(url, 'include_total=true'))
    t.notOk(plain.some((q) => /count\(\*\)|sum\(/i.test(q)), `${url}: no count by default`)
    t.equal(counted.length, plain.length + 1, `${url}: one query more when asked`)
    t.ok(counted.some((q) => /count\(\*\)|sum\(/i.test(q)), `${url}: the count is SQL`)
  }
})
