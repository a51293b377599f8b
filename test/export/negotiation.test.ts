/** Choosing the format (Accept with q-values, `format` over Accept, 406) and the headers every export carries. */
import { gunzipSync } from 'node:zlib'
import t from 'tap'
import { citationLine, datasetRelease } from '../../src/release/dataset-release.ts'
import { buildTestApp } from '../helper.ts'
import { exported } from './support.ts'

const { app } = await buildTestApp(t)

const mediaType = (headers: Record<string, unknown>) => String(headers['content-type'] ?? '').split(';')[0]

t.test('Accept chooses the format, q-values honoured, JSON by default', async (t) => {
  const cases: Array<[string, string | undefined, string]> = [
    ['/v1/incidents', undefined, 'application/json'],
    ['/v1/incidents', '*/*', 'application/json'],
    ['/v1/incidents', 'application/json', 'application/json'],
    ['/v1/incidents', 'text/csv', 'text/csv'],
    ['/v1/incidents', 'text/*', 'text/csv'],
    ['/v1/incidents', 'application/x-ndjson', 'application/x-ndjson'],
    ['/v1/incidents', 'application/geo+json', 'application/geo+json'],
    ['/v1/incidents', 'text/csv;q=0.5, application/x-ndjson;q=0.9', 'application/x-ndjson'],
    ['/v1/incidents', 'application/json;q=0.1, text/csv', 'text/csv'],
    ['/v1/incidents', 'text/csv;q=0, */*;q=0.5', 'application/json'],
    ['/v1/incidents', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/json'],
    ['/v1/actors', 'text/csv', 'text/csv'],
    ['/v1/statements', 'application/x-ndjson', 'application/x-ndjson'],
    ['/v1/sources', 'text/csv', 'text/csv'],
    ['/v1/actors/iskp/incidents', 'application/geo+json', 'application/geo+json'],
    ['/v1/actors/taliban/statements', 'text/csv', 'text/csv'],
    ['/v1/provinces', undefined, 'application/json'],
    ['/v1/provinces', 'text/csv', 'text/csv'],
    ['/v1/tallies', 'application/x-ndjson', 'application/x-ndjson'],
    ['/v1/tallies', 'text/csv;q=0.5, application/json', 'application/json'],
    ['/v1/changes', 'text/csv', 'text/csv'],
    ['/v1/changes', '*/*', 'application/json']
  ]
  for (const [url, accept, expected] of cases) {
    const response = await exported(app, url, accept === undefined ? {} : { accept })
    t.equal(response.status, 200, `${url} Accept: ${accept ?? '(none)'} -> 200`)
    t.equal(mediaType(response.headers), expected, `${url} Accept: ${accept ?? '(none)'} -> ${expected}`)
  }
})

t.test('an Accept that allows none of the list\'s formats is a 406 problem', async (t) => {
  for (const [url, accept] of [['/v1/incidents', 'image/png'], ['/v1/incidents', 'text/csv;q=0, application/json;q=0'], ['/v1/actors', 'application/geo+json'], ['/v1/sources', 'application/xml'], ['/v1/provinces', 'application/geo+json'], ['/v1/tallies', 'image/png'], ['/v1/changes', 'text/html']]) {
    const response = await exported(app, url!, { accept: accept! })
    t.equal(response.status, 406, `${url} Accept: ${accept} -> 406`)
    t.equal(mediaType(response.headers), 'application/problem+json')
    const body = JSON.parse(response.body)
    t.equal(body.code, 'not_acceptable')
    t.equal(body.status, 406)
  }
})

t.test('format wins over Accept', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['/v1/incidents?format=csv', 'application/json', 'text/csv'],
    ['/v1/incidents?format=json', 'text/csv', 'application/json'],
    ['/v1/incidents?format=ndjson', 'image/png', 'application/x-ndjson'],
    ['/v1/actors?format=ndjson', 'text/csv', 'application/x-ndjson'],
    ['/v1/provinces?format=ndjson', 'text/csv', 'application/x-ndjson'],
    ['/v1/tallies?format=json', 'text/csv', 'application/json'],
    ['/v1/changes?format=csv', 'application/json', 'text/csv']
  ]
  for (const [url, accept, expected] of cases) {
    const response = await exported(app, url, { accept })
    t.equal(response.status, 200)
    t.equal(mediaType(response.headers), expected, `${url} Accept: ${accept} -> ${expected}`)
  }
  const geojsonOfActors = await exported(app, '/v1/actors?format=geojson')
  t.equal(geojsonOfActors.status, 400, 'format=geojson on a list without places is a 400 naming format')
  t.equal(JSON.parse(geojsonOfActors.body).errors[0].name, 'format')
})

t.test('the headers of an export', async (t) => {
  for (const [url, file, type] of [
    ['/v1/incidents?format=csv', `incidents-${datasetRelease.version}.csv`, 'text/csv; charset=utf-8; header=present'],
    ['/v1/incidents?format=geojson', `incidents-${datasetRelease.version}.geojson`, 'application/geo+json'],
    ['/v1/statements?format=ndjson', `statements-${datasetRelease.version}.ndjson`, 'application/x-ndjson'],
    ['/v1/actors/iskp/incidents?format=csv', `incidents-${datasetRelease.version}.csv`, 'text/csv; charset=utf-8; header=present'],
    ['/v1/provinces?format=csv', `provinces-${datasetRelease.version}.csv`, 'text/csv; charset=utf-8; header=present'],
    ['/v1/tallies?format=ndjson', `tallies-${datasetRelease.version}.ndjson`, 'application/x-ndjson'],
    ['/v1/changes?format=csv', `changes-${datasetRelease.version}.csv`, 'text/csv; charset=utf-8; header=present']
  ]) {
    const { headers } = await exported(app, url!)
    t.equal(headers['content-type'], type, `${url}: Content-Type`)
    t.equal(headers['content-disposition'], `attachment; filename="${file}"`, `${url}: a file named by resource and release`)
    t.equal(headers['dataset-version'], datasetRelease.version, `${url}: Dataset-Version`)
    t.equal(headers['dataset-citation'], citationLine(), `${url}: Dataset-Citation`)
    t.match(String(headers.vary), /\bAccept\b/, `${url}: Vary: Accept`)
    t.equal(headers.etag, undefined, `${url}: no ETag on a streamed export`)
    t.equal(headers.link, undefined, `${url}: no Link: an export has no pages`)
  }
  const page = await exported(app, '/v1/incidents?limit=1')
  t.match(String(page.headers.vary), /\bAccept\b/, 'a JSON page varies with Accept too')
  for (const url of ['/v1/provinces', '/v1/tallies', '/v1/changes']) t.match(String((await exported(app, url)).headers.vary), /\bAccept\b/, `${url}: the JSON list varies with Accept`)
  t.ok(page.headers.etag, 'a JSON page keeps its ETag')
})

t.test('HEAD of an export: its headers, no body', async (t) => {
  const head = await app.inject({ method: 'HEAD', url: '/v1/incidents?format=csv' })
  t.equal(head.statusCode, 200)
  t.equal(head.headers['content-type'], 'text/csv; charset=utf-8; header=present')
  t.equal(head.headers['content-disposition'], `attachment; filename="incidents-${datasetRelease.version}.csv"`)
  t.equal(head.body, '')
  const provinces = await app.inject({ method: 'HEAD', url: '/v1/provinces?format=ndjson' })
  t.equal(provinces.statusCode, 200)
  t.equal(provinces.headers['content-disposition'], `attachment; filename="provinces-${datasetRelease.version}.ndjson"`)
  t.equal(provinces.body, '')
})

t.test('exports are compressed when the client asks', async (t) => {
  for (const url of ['/v1/incidents?format=csv', '/v1/statements?format=ndjson', '/v1/incidents?format=geojson']) {
    const plain = await app.inject({ method: 'GET', url })
    const zipped = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } })
    t.equal(zipped.headers['content-encoding'], 'gzip', `${url}: gzip`)
    t.equal(gunzipSync(zipped.rawPayload).toString('utf8'), plain.body, `${url}: the same export once unzipped`)
  }
})
