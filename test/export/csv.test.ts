/**
 * CSV that opens cleanly in a spreadsheet and parses back exactly: RFC 4180 quoting of commas, quotes and line
 * breaks, CRLF records, UTF-8 with a BOM, formulas neutralised and numbers untouched; GeoJSON with null geometry for
 * incidents without coordinates.
 */
import t from 'tap'
import { buildTestApp } from '../helper.ts'
import { injectClient, newIncident, writer } from '../writes/support.ts'
import { exported, jsonItems, parseCsv, parseNdjson } from './support.ts'

const { app, database } = await buildTestApp(t)
const client = injectClient(app)
const alice = await writer(database, 'alice')

const awkward = {
  ...newIncident('inc_2022_03_01_export_awkward_text', undefined, '=HYPERLINK("http://example.test","click")'),
  summary: 'Two blasts, "minutes apart", hit the market;\r\nwitnesses said: "a second, louder one".\nBoth were in the ننګرهار bazaar, 2 km apart.',
  district: '-2+3',
  place: '@SUM(A1:A9)',
  latitude: 34.5,
  longitude: -70.25,
  location_precision: 'city'
}
const leadingWhitespace = {
  ...newIncident('inc_2022_03_01_export_leading_tab', undefined, '\tTabbed title'),
  summary: '\r\nStarts with a line break',
  district: '+93 district',
  province: null
}

for (const incident of [awkward, leadingWhitespace]) {
  const created = await client({ method: 'POST', url: '/v1/incidents', headers: alice.auth, body: incident })
  if (created.status !== 201) throw new Error(`creating ${incident.id}: ${created.status} ${created.text}`)
}

const csv = await app.inject({ method: 'GET', url: '/v1/incidents?format=csv&start_date=2022-03-01&end_date=2022-03-01' })
const { header, rows } = parseCsv(csv.body)
const row = (id: string) => {
  const found = rows.find((r) => r[0] === id)
  if (!found) throw new Error(`no row for ${id}`)
  return Object.fromEntries(header.map((name, i) => [name, found[i]]))
}

t.test('the bytes: a BOM, CRLF after every record, UTF-8', async (t) => {
  t.same([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 byte order mark')
  const text = csv.rawPayload.toString('utf8')
  t.ok(text.endsWith('\r\n'), 'the last record ends with CRLF')
  t.ok(text.slice(1).startsWith(`${header.join(',')}\r\n`), 'the header row ends with CRLF')
  t.match(text, /"Two blasts, ""minutes apart"", hit the market;\r\nwitnesses/, 'a field with commas, quotes and line breaks is quoted, its quotes doubled')
  t.ok(text.includes('ننګرهار'), 'Pashto text is UTF-8 as it is')
})

t.test('every cell parses back to its value', async (t) => {
  const listed = await jsonItems(app, '/v1/incidents?start_date=2022-03-01&end_date=2022-03-01')
  t.same(rows.map((r) => r[0]), listed.map((i) => i.id), 'one row per incident of that day, none split or merged by the line breaks')
  t.ok(listed.length >= 2)
  const r = row(awkward.id)
  t.equal(r.summary, awkward.summary, 'a summary with commas, quotes, CRLF, LF and Pashto survives whole')
  t.equal(r.province_code, 'AF-KAB')
  t.equal(r.killed_best, '2')
  t.equal(r.killed_low, '1')
  t.equal(r.killed_high, '3')
  t.equal(r.wounded_best, '', 'an unknown figure is an empty cell')
  t.equal(r.source_ids, 'src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country')
  t.equal(r.url, `/v1/incidents/${awkward.id}`)
})

t.test('text a spreadsheet would run as a formula is neutralised; numbers are not', async (t) => {
  const r = row(awkward.id)
  t.equal(r.title, `'${awkward.title}`, '= gets a leading quote')
  t.equal(r.district, "'-2+3", '- gets a leading quote')
  t.equal(r.place, "'@SUM(A1:A9)", '@ gets a leading quote')
  t.equal(r.longitude, '-70.25', 'a negative number is written as it is')
  t.equal(r.latitude, '34.5')
  const l = row(leadingWhitespace.id)
  t.equal(l.title, "'\tTabbed title", 'a leading tab gets a leading quote')
  t.equal(l.summary, "'\r\nStarts with a line break", 'a leading carriage return gets a leading quote')
  t.equal(l.district, "'+93 district", '+ gets a leading quote')
  t.equal(l.province_code, '', 'no province: empty cells')
  t.equal(l.province_name, '')
})

t.test('NDJSON and GeoJSON keep the text as it is; GeoJSON has a null geometry without coordinates', async (t) => {
  const lines = parseNdjson((await exported(app, '/v1/incidents?format=ndjson&start_date=2022-03-01&end_date=2022-03-01')).body)
  t.equal(lines.find((l) => l.id === awkward.id)?.title, awkward.title, 'NDJSON: no formula quoting')
  t.equal(lines.find((l) => l.id === awkward.id)?.summary, awkward.summary)
  t.equal(lines.find((l) => l.id === leadingWhitespace.id)?.province, null, 'no province: null, as in the JSON list')
  const geojson = JSON.parse((await exported(app, '/v1/incidents?format=geojson&start_date=2022-03-01&end_date=2022-03-01')).body)
  const feature = (id: string) => geojson.features.find((f: { id: string }) => f.id === id)
  t.same(feature(awkward.id).geometry, { type: 'Point', coordinates: [-70.25, 34.5] }, 'a Point at [longitude, latitude]')
  t.equal(feature(leadingWhitespace.id).geometry, null, 'no coordinates: a null geometry')
  t.equal(feature(awkward.id).properties.title, awkward.title, 'properties are not formula-quoted')
  t.equal(feature(awkward.id).properties.killed_best, 2, 'numbers stay numbers')
  t.equal(feature(leadingWhitespace.id).properties.latitude, null)
  t.equal(geojson.type, 'FeatureCollection')
  t.match(geojson.dataset, { version: String, released_on: String, citation: String }, 'the dataset release as a foreign member')
})
