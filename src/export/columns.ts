/**
 * The columns of every export, by resource: the one definition behind the CSV files, the GeoJSON properties, the
 * OpenAPI document's column tables and the release's Table Schemas (which read `name`, `type` and `description`).
 */
import { actorColumns } from './columns/actors.ts'
import { incidentColumns } from './columns/incidents.ts'
import { sourceColumns } from './columns/sources.ts'
import { statementColumns } from './columns/statements.ts'

export const csvColumns = {
  incidents: incidentColumns,
  actors: actorColumns,
  statements: statementColumns,
  sources: sourceColumns
}

export type ExportResource = keyof typeof csvColumns
