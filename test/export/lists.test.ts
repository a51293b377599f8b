/**
 * Every exported list, in every format, with filters: the export holds exactly what walking the JSON pages gives
 * (the same records in the same order, the same values), `cursor` resumes after a row and `limit` caps only when sent.
 */
import t from 'tap'
import { csvColumns, type ExportResource } from '../../src/export/columns.ts'
import { csvCell } from '../../src/export/csv.ts'
import { buildTestApp } from '../helper.ts'
import { exported, incidentSourceIds, jsonItems, parseCsv, parseNdjson, withParam } from './support.ts'

const { app } = await buildTestApp(t)

const someIncidentWithStatements = (await jsonItems(app, '/v1/statements')).find((s) => s.incident_ids.length > 0).incident_ids[0] as string
const someSourceWithIncidents = (await jsonItems(app, '/v1/incidents?actor=iskp'))
  .flatMap((i) => i.responsibility.map((r: { source_id: string }) => r.source_id))[0] as string

/** The lists, each with filters that leave some records but not all. */
const lists: Array<{ url: string, resource: ExportResource }> = [
  { url: '/v1/incidents', resource: 'incidents' },
  { url: '/v1/incidents?province=Nangarhar,Kabul&start_date=2021-09-01&end_date=2022-12-31', resource: 'incidents' },
  { url: '/v1/incidents?attributed_to=iskp', resource: 'incidents' },
  { url: '/v1/incidents?actor=taliban&q=a', resource: 'incidents' },
  { url: '/v1/actors/iskp/incidents', resource: 'incidents' },
  { url: `/v1/sources/${someSourceWithIncidents}/incidents`, resource: 'incidents' },
  { url: '/v1/actors', resource: 'actors' },
  { url: '/v1/actors?kind=armed_group', resource: 'actors' },
  { url: '/v1/statements', resource: 'statements' },
  { url: '/v1/statements?speaker=zabihullah-mujahid&start_date=2021-08-15', resource: 'statements' },
  { url: '/v1/actors/taliban/statements', resource: 'statements' },
  { url: `/v1/incidents/${someIncidentWithStatements}/statements`, resource: 'statements' },
  { url: '/v1/sources', resource: 'sources' },
  { url: '/v1/sources?start_date=2022-01-01', resource: 'sources' }
]

for (const { url, resource } of lists) {
  t.test(`${url}: every format holds the JSON pages' records`, async (t) => {
    const items = await jsonItems(app, url)
    t.ok(items.length > 0, `the filters leave ${items.length} records`)
    const ids = items.map((i) => i.id)

    const ndjson = await exported(app, withParam(url, 'format=ndjson'))
    t.equal(ndjson.status, 200)
    t.same(parseNdjson(ndjson.body), items, 'NDJSON: the JSON items, in order, value for value')
    t.same(parseNdjson(ndjson.body).map((line) => Object.keys(line)), items.map((i) => Object.keys(i)), 'NDJSON: the same keys in the same order')

    const csv = await exported(app, withParam(url, 'format=csv'))
    t.equal(csv.status, 200)
    const { header, rows } = parseCsv(csv.body)
    const columns = csvColumns[resource] as Array<{ name: string, value: (view: any) => any }>
    t.same(header, columns.map((c) => c.name), 'CSV: the header names the documented columns')
    const sourceIds = resource === 'incidents' ? await incidentSourceIds(app, ids) : undefined
    const views = items.map((i) => (sourceIds ? { ...i, source_ids: sourceIds.get(i.id) } : i))
    t.same(rows, views.map((view) => columns.map((c) => csvCell(c.value(view)))), 'CSV: one row per JSON item, in order, each cell its flattened value')

    if (resource === 'incidents') {
      const geojson = await exported(app, withParam(url, 'format=geojson'))
      t.equal(geojson.status, 200)
      const body = JSON.parse(geojson.body)
      t.same(body.features.map((f: { id: string }) => f.id), ids, 'GeoJSON: one feature per incident, in order')
      t.same(body.features.map((f: { properties: Record<string, unknown> }) => f.properties),
        views.map((view) => Object.fromEntries(columns.map((c) => [c.name, c.value(view)]))), 'GeoJSON: the properties are the columns, typed')
      t.same(body.features.map((f: { geometry: unknown }) => f.geometry),
        items.map((i) => (i.latitude === null ? null : { type: 'Point', coordinates: [i.longitude, i.latitude] })), 'GeoJSON: [longitude, latitude], or null')
    } else {
      const geojson = await exported(app, withParam(url, 'format=geojson'))
      t.equal(geojson.status, 400, 'no GeoJSON for records without places: format=geojson is a 400')
    }
  })
}

t.test('a cursor resumes the export after its row; limit caps it only when sent', async (t) => {
  for (const { url } of [lists[0]!, lists[6]!, lists[8]!, lists[12]!]) {
    const all = await jsonItems(app, url)
    const first = (await app.inject({ method: 'GET', url: withParam(url, 'limit=3') })).json() as { data: Array<{ id: string }>, next_cursor: string }
    const rest = parseNdjson((await exported(app, withParam(url, `format=ndjson&cursor=${first.next_cursor}`))).body)
    t.same(rest.map((r) => r.id), all.slice(3).map((r) => r.id), `${url}: after the first page's cursor, the rest`)
    const three = parseNdjson((await exported(app, withParam(url, 'format=ndjson&limit=3'))).body)
    t.same(three.map((r) => r.id), all.slice(0, 3).map((r) => r.id), `${url}: limit=3, the first three`)
    t.ok(all.length > 50 || all.length > 3, `${url}: ${all.length} records, more than one small page`)
  }
  const unlimited = parseNdjson((await exported(app, '/v1/actors?format=ndjson')).body)
  t.ok(unlimited.length > 50, `no limit sent: every actor (${unlimited.length}), not the default page of 50`)
})

t.test('an export of nothing is a header, no lines, no features', async (t) => {
  const url = '/v1/incidents?q=no-incident-says-this'
  t.same(await jsonItems(app, url), [])
  const csv = parseCsv((await exported(app, withParam(url, 'format=csv'))).body)
  t.same(csv, { header: csvColumns.incidents.map((c) => c.name), rows: [] }, 'CSV: the header row alone')
  t.equal((await exported(app, withParam(url, 'format=ndjson'))).body, '', 'NDJSON: empty')
  t.same(JSON.parse((await exported(app, withParam(url, 'format=geojson'))).body).features, [], 'GeoJSON: no features')
})

t.test('errors before the export starts are problems, as for the JSON list', async (t) => {
  const badDate = await exported(app, '/v1/incidents?format=csv&start_date=2022-01-01&end_date=2021-01-01')
  t.equal(badDate.status, 400)
  t.match(badDate.headers['content-type'], /application\/problem\+json/)
  const unknownActor = await exported(app, '/v1/incidents?format=ndjson&claimed_by=nobody-at-all')
  t.equal(unknownActor.status, 400)
  t.equal(JSON.parse(unknownActor.body).errors[0].name, 'claimed_by')
  const badCursor = await exported(app, '/v1/statements?format=csv&cursor=abc')
  t.equal(badCursor.status, 400)
  const unknownItem = await exported(app, '/v1/actors/nobody-at-all/incidents?format=csv')
  t.equal(unknownItem.status, 404)
  t.equal(JSON.parse(unknownItem.body).code, 'not_found')
})
