/**
 * The columns of every export, by resource: the one definition behind the CSV files, the GeoJSON properties, the
 * OpenAPI document's column tables and the release's Table Schemas (which read `name`, `type` and `description`; the
 * release packages the tables its datapackage names).
 */
import { actorColumns } from './columns/actors.ts'
import { changeColumns } from './columns/changes.ts'
import { incidentColumns } from './columns/incidents.ts'
import { provinceColumns } from './columns/provinces.ts'
import { sourceColumns } from './columns/sources.ts'
import { statementColumns } from './columns/statements.ts'
import { tallyColumns } from './columns/tallies.ts'

export const csvColumns = {
  incidents: incidentColumns,
  actors: actorColumns,
  statements: statementColumns,
  sources: sourceColumns,
  provinces: provinceColumns,
  tallies: tallyColumns,
  changes: changeColumns
}

export type ExportResource = keyof typeof csvColumns
