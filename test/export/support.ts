/** Shared by the export tests: reading each format back, and what a JSON list says an export must hold. */
import { parse } from 'csv-parse/sync'
import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import type { Cell } from '../../src/export/column.ts'
import { csvColumns, type ExportResource } from '../../src/export/columns.ts'
import { csvCell } from '../../src/export/csv.ts'
import { walkPages } from '../helper.ts'

export interface Exported {
  status: number
  headers: Record<string, unknown>
  body: string
}

export async function exported (app: FastifyInstance, url: string, headers: Record<string, string> = {}): Promise<Exported> {
  const response = await app.inject({ method: 'GET', url, headers })
  return { status: response.statusCode, headers: response.headers, body: response.body }
}

/** CSV parsed as RFC 4180 (a BOM dropped): the header and the rows, every cell as text. */
export function parseCsv (body: string): { header: string[], rows: string[][] } {
  const [header = [], ...rows] = parse(body, { bom: true, relax_column_count: false }) as string[][]
  return { header, rows }
}

/** NDJSON lines parsed; the body must end with a newline. */
export function parseNdjson (body: string): any[] {
  if (body === '') return []
  if (!body.endsWith('\n')) throw new Error('NDJSON body does not end with a newline')
  return body.slice(0, -1).split('\n').map((line) => JSON.parse(line))
}

/** `url` with one more query parameter. */
export const withParam = (url: string, param: string) => `${url}${url.includes('?') ? '&' : '?'}${param}`

/** Every item of a JSON list, walking its pages (the largest page size). */
export async function jsonItems (app: FastifyInstance, url: string): Promise<any[]> {
  return (await walkPages(app, withParam(url, 'limit=500'))).items
}

/** The ids of the sources of each incident, as the incident's own page lists its reports. */
export async function incidentSourceIds (app: FastifyInstance, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  for (const id of ids) {
    const response = await app.inject({ method: 'GET', url: `/v1/incidents/${id}` })
    out.set(id, (response.json() as { reports: Array<{ source: { id: string } }> }).reports.map((r) => r.source.id))
  }
  return out
}

/**
 * The NDJSON and CSV exports of `url` hold `items` (what the JSON list gives): the same records in the same order,
 * value for value, each CSV cell its column's flattened value; GeoJSON is a 400 (no places).
 */
export async function checkExports (t: Test, app: FastifyInstance, url: string, resource: ExportResource, items: unknown[]): Promise<void> {
  const ndjson = await exported(app, withParam(url, 'format=ndjson'))
  t.equal(ndjson.status, 200, `${url}: NDJSON is a 200`)
  t.same(parseNdjson(ndjson.body), items, `${url}: NDJSON is the JSON items, in order, value for value`)
  t.same(parseNdjson(ndjson.body).map((line) => Object.keys(line)), items.map((i) => Object.keys(i as object)), `${url}: NDJSON has the same keys in the same order`)

  const csv = await exported(app, withParam(url, 'format=csv'))
  t.equal(csv.status, 200, `${url}: CSV is a 200`)
  const { header, rows } = parseCsv(csv.body)
  const columns = csvColumns[resource] as Array<{ name: string, value: (view: any) => Cell }>
  t.same(header, columns.map((c) => c.name), `${url}: the CSV header names the documented columns`)
  t.same(rows, items.map((item) => columns.map((c) => csvCell(c.value(item)))), `${url}: one CSV row per JSON item, in order, each cell its flattened value`)

  t.equal((await exported(app, withParam(url, 'format=geojson'))).status, 400, `${url}: no GeoJSON for records without places`)
}
