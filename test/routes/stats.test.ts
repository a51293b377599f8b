/**
 * GET /v1/stats/incidents against the curated dataset: for every dimension, the pairs and a set of filters, the
 * groups, counts and sums equal what the JSON list returns for the same filters (its pages walked and added up here),
 * whether a summary table or the incidents answer; the summaries stay in step through creates, edits and deletes;
 * a bad `group_by` is a 400 that names it.
 */
import t from 'tap'
import { deleteRecord, readRecord, saveRecord } from '../../src/core/records/write.ts'
import { responsibilities } from '../../src/db/schema.ts'
import type { StatsDimension } from '../../src/domain/stats-dimensions.ts'
import { incidentStats } from '../../src/routes/stats/queries.ts'
import { buildTestApp, getJson, walkPages } from '../helper.ts'

interface Figures { best: number | null, low: number | null, high: number | null }
interface ListedIncident {
  id: string
  occurred_on: string
  type: string
  province: { code: string, name: string } | null
  killed: Figures
  wounded: Figures
  responsibility: Array<{ kind: string, actor: { id: string } }>
}
interface Row {
  province: { code: string } | null
  year: number | null
  month: string | null
  type: string | null
  actor: { id: string } | null
  role: string | null
  responsibility: string | null
  incidents: number
  killed: { best: number, low: number, high: number, unknown: number }
  wounded: { best: number, low: number, high: number, unknown: number }
}

/** The groups an incident belongs to along one dimension, as key strings (null: the null key). */
function keysOf (incident: ListedIncident, dimension: StatsDimension): Array<string | null> {
  switch (dimension) {
    case 'province': return [incident.province?.code ?? null]
    case 'year': return [incident.occurred_on.slice(0, 4)]
    case 'month': return [incident.occurred_on.slice(0, 7)]
    case 'type': return [incident.type]
    case 'actor': return [...new Set(incident.responsibility.map((r) => `${r.actor.id}/${r.kind}`))]
    case 'responsibility': {
      const kinds = [...new Set(incident.responsibility.map((r) => r.kind))]
      return kinds.length > 0 ? kinds : [null]
    }
  }
}

function rowKey (row: Row, dimension: StatsDimension): string | null {
  switch (dimension) {
    case 'province': return row.province?.code ?? null
    case 'year': return row.year === null ? null : String(row.year)
    case 'month': return row.month
    case 'type': return row.type
    case 'actor': return row.actor === null ? null : `${row.actor.id}/${row.role}`
    case 'responsibility': return row.responsibility
  }
}

const emptyFigures = () => ({ best: 0, low: 0, high: 0, unknown: 0 })
const addFigures = (sum: ReturnType<typeof emptyFigures>, f: Figures) => {
  sum.best += f.best ?? 0
  // A bound the incident does not give counts at its best estimate.
  sum.low += f.low ?? f.best ?? 0
  sum.high += f.high ?? f.best ?? 0
  if (f.best === null) sum.unknown++
}

/** The groups computed from the listed incidents, keyed by their keys joined. */
function expectedGroups (incidents: ListedIncident[], dimensions: StatsDimension[]) {
  const groups = new Map<string, { incidents: number, killed: ReturnType<typeof emptyFigures>, wounded: ReturnType<typeof emptyFigures> }>()
  for (const incident of incidents) {
    let paths: Array<Array<string | null>> = [[]]
    for (const d of dimensions) paths = paths.flatMap((path) => keysOf(incident, d).map((k) => [...path, k]))
    for (const path of paths) {
      const key = JSON.stringify(path)
      const group = groups.get(key) ?? { incidents: 0, killed: emptyFigures(), wounded: emptyFigures() }
      group.incidents++
      addFigures(group.killed, incident.killed)
      addFigures(group.wounded, incident.wounded)
      groups.set(key, group)
    }
  }
  return groups
}

const filterSets = [
  '',
  'province=Kabul,Nangarhar',
  'type=bombing,suicide_bombing',
  'start_date=2021-09-01&end_date=2022-06-30',
  'start_date=2021-10-01&end_date=2021-12-31&date_match=within',
  'start_date=2021-09-15&end_date=2022-06-30',
  'end_date=2021-12-31',
  'claimed_by=iskp',
  'claimed_by=iskp&start_date=2021-01-01&end_date=2021-12-31',
  'attributed_to=iskp',
  'actor=taliban',
  'q=Kabul',
  'province=Nangarhar&start_date=2021-01-01'
]

const dimensionSets: StatsDimension[][] = [
  [], ['province'], ['year'], ['month'], ['type'], ['actor'], ['responsibility'],
  ['province', 'year'], ['month', 'type'], ['actor', 'year'], ['year', 'actor'], ['responsibility', 'province'], ['type', 'responsibility']
]

t.test('counts and sums equal the list added up, for every dimension, pair and filter', async (t) => {
  const { app } = await buildTestApp(t)
  for (const filters of filterSets) {
    const { items } = await walkPages<ListedIncident>(app, `/v1/incidents?limit=500${filters ? `&${filters}` : ''}`)
    for (const dimensions of dimensionSets) {
      const url = `/v1/stats/incidents?${[filters, dimensions.length > 0 ? `group_by=${dimensions.join(',')}` : ''].filter(Boolean).join('&')}`
      const { status, body } = await getJson<{ group_by: string[], data: Row[] }>(app, url)
      t.equal(status, 200, url)
      t.same(body.group_by, dimensions, `${url}: group_by echoed`)
      const expected = expectedGroups(items, dimensions)
      if (dimensions.length === 0) {
        t.equal(body.data.length, 1, `${url}: one row, the total`)
        const total = expected.get('[]') ?? { incidents: 0, killed: emptyFigures(), wounded: emptyFigures() }
        t.same(body.data[0], {
          province: null, year: null, month: null, type: null, actor: null, role: null, responsibility: null, ...total
        }, `${url}: the total of the ${items.length} listed incidents`)
        continue
      }
      const got = new Map(body.data.map((row) => [JSON.stringify(dimensions.map((d) => rowKey(row, d))), row]))
      t.equal(got.size, body.data.length, `${url}: each group once`)
      t.same([...got.keys()].sort(), [...expected.keys()].sort(), `${url}: the groups of the listed incidents`)
      for (const [key, group] of expected) {
        const row = got.get(key)
        if (!row) continue
        t.same({ incidents: row.incidents, killed: row.killed, wounded: row.wounded }, group, `${url}: group ${key}`)
      }
      for (const row of body.data) {
        for (const name of ['province', 'year', 'month', 'type', 'actor', 'role', 'responsibility'] as const) {
          t.ok(name in row, `${url}: ${name} present`)
        }
      }
    }
  }
})

t.test('rows are ordered by the keys: time ascending, other keys by group size descending', async (t) => {
  const { app } = await buildTestApp(t)
  const months = (await getJson<{ data: Row[] }>(app, '/v1/stats/incidents?group_by=month')).body.data.map((r) => r.month!)
  t.same(months, [...months].sort(), 'months ascending')
  const provinces = (await getJson<{ data: Row[] }>(app, '/v1/stats/incidents?group_by=province')).body.data
  for (let i = 1; i < provinces.length; i++) t.ok(provinces[i - 1]!.incidents >= provinces[i]!.incidents, 'provinces by count descending')
  const pairs = (await getJson<{ data: Row[] }>(app, '/v1/stats/incidents?group_by=year,province')).body.data
  const years = pairs.map((r) => r.year!)
  t.same(years, [...years].sort(), 'the first key (year) ascending')
  for (let i = 1; i < pairs.length; i++) {
    if (pairs[i - 1]!.year === pairs[i]!.year) t.ok(pairs[i - 1]!.incidents >= pairs[i]!.incidents, 'provinces by count within a year')
  }
})

t.test('a bad group_by is a 400 that names it', async (t) => {
  const { app } = await buildTestApp(t)
  for (const [value, words] of [
    ['district', '"district" is not a dimension'],
    ['province,province', 'names "province" twice'],
    ['province,year,month', 'at most 2'],
    ['province,', '"" is not a dimension']
  ] as const) {
    const { status, body } = await getJson(app, `/v1/stats/incidents?group_by=${value}`)
    t.equal(status, 400, value)
    t.equal(body.code, 'invalid_parameter', value)
    t.equal(body.errors?.[0]?.name, 'group_by', `${value}: names group_by`)
    t.match(body.detail, words, value)
  }
  t.equal((await getJson(app, '/v1/stats/incidents?limit=5')).status, 400, 'limit is not a stats parameter')
  t.equal((await getJson(app, '/v1/stats/incidents?province=Atlantis')).status, 400, 'the incident filters are checked as for the list')
})

t.test('the summaries stay in step with the incidents through creates, edits and deletes', async (t) => {
  const { database } = await buildTestApp(t)
  const db = database.handle.db
  const dimensionSets: StatsDimension[][] = [[], ['province', 'month'], ['type', 'year'], ['actor'], ['actor', 'month']]
  const agree = async (label: string) => {
    for (const dimensions of dimensionSets) {
      t.same(await incidentStats(db, {}, dimensions), await incidentStats(db, {}, dimensions, { summaries: false }), `${label}: by ${dimensions.join(',') || 'nothing'}`)
    }
    const claimedBy = { claimedBy: ['act_iskp'], start_date: '2021-01-01', end_date: '2022-12-31' }
    t.same(await incidentStats(db, claimedBy, ['month']), await incidentStats(db, claimedBy, ['month'], { summaries: false }), `${label}: one actor's claims by month`)
  }
  await agree('as loaded')

  const [{ id }] = await db.selectDistinct({ id: responsibilities.incidentId }).from(responsibilities).orderBy(responsibilities.incidentId).limit(1) as [{ id: string }]
  const original = await readRecord(db, 'incidents', id)
  const record = original.record as Record<string, any>
  const copy = {
    ...record,
    id: 'inc_stats_copy',
    province: 'AF-HER',
    type: 'armed_assault',
    occurred_on: '2023-02-14',
    date_precision: 'day',
    date_start: '2023-02-14',
    date_end: '2023-02-14'
  }
  await db.transaction(async (tx) => { await saveRecord(tx as never, 'incidents', copy as never, { keyId: null }, { absent: true }) })
  await agree('after a create')
  const edited = { ...record, killed: { best: 999, low: 990, high: 1000 } }
  await db.transaction(async (tx) => { await saveRecord(tx as never, 'incidents', edited as never, { keyId: null }, { version: original.version }) })
  await agree('after an edit')
  const stored = await readRecord(db, 'incidents', 'inc_stats_copy')
  await db.transaction(async (tx) => { await deleteRecord(tx as never, 'incidents', 'inc_stats_copy', stored.version, { keyId: null }) })
  await agree('after a delete')
})
