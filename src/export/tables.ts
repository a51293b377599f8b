/** What each exported resource is made of: its columns, the JSON object of an NDJSON line, and its place if it has one. */
import { datasetRelease, citationLine } from '../release/dataset-release.ts'
import type { Column } from './column.ts'
import { csvColumns, type ExportResource } from './columns.ts'
import type { IncidentExportView } from './columns/incidents.ts'
import type { ProvinceExportView } from './columns/provinces.ts'
import { csvEncoder } from './csv.ts'
import type { Encoder } from './encoder.ts'
import type { ExportFormat } from './formats.ts'
import { geojsonEncoder, pointOf, type Point } from './geojson.ts'
import { ndjsonEncoder } from './ndjson.ts'

export interface ExportTable<View> {
  resource: ExportResource
  columns: Array<Column<View>>
  /** The JSON list's item for a view (an NDJSON line). */
  record: (view: View) => unknown
  id: (view: View) => string
  /** Where a record is, for GeoJSON; resources without places have no GeoJSON export. */
  geometry?: (view: View) => Point | null
}

const byId = (view: { id: string }) => view.id

export const incidentTable: ExportTable<IncidentExportView> = {
  resource: 'incidents',
  columns: csvColumns.incidents,
  record: ({ source_ids: _sourceIds, ...incident }) => incident,
  id: byId,
  geometry: (view) => pointOf(view.latitude, view.longitude)
}

/** A resource whose view is the JSON list's item as it is. */
function plainTable<R extends Exclude<ExportResource, 'incidents' | 'provinces'>> (resource: R): ExportTable<Parameters<(typeof csvColumns)[R][number]['value']>[0]> {
  return { resource, columns: csvColumns[resource] as never, record: (view) => view, id: byId }
}

export const actorTable = plainTable('actors')
export const statementTable = plainTable('statements')
export const sourceTable = plainTable('sources')
export const tallyTable = plainTable('tallies')
export const changeTable = plainTable('changes')

/** Provinces are named by their ISO code (no GeoJSON: the centroid is a place on a map, not where incidents are). */
export const provinceTable: ExportTable<ProvinceExportView> = {
  resource: 'provinces',
  columns: csvColumns.provinces,
  record: (view) => view,
  id: (view) => view.code
}

/** The formats a table can be exported in. */
export function formatsOf (table: ExportTable<any>): ExportFormat[] {
  return table.geometry ? ['csv', 'ndjson', 'geojson'] : ['csv', 'ndjson']
}

/** The release an export carries (GeoJSON's `dataset` member, the Dataset-* headers). */
export const exportDataset = { version: datasetRelease.version, released_on: datasetRelease.released_on, citation: citationLine() }

/** A fresh encoder of one export (encoders keep state between batches). */
export function encoderFor<View> (table: ExportTable<View>, format: ExportFormat): Encoder<View> {
  if (format === 'csv') return csvEncoder(table.columns)
  if (format === 'ndjson') return ndjsonEncoder(table.record)
  if (!table.geometry) throw new Error(`${table.resource} have no places: no GeoJSON export`)
  return geojsonEncoder(table.columns, table.geometry, table.id, exportDataset)
}
