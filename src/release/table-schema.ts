/** A Frictionless Table Schema (v1) for each CSV export, from the export's own column definitions. */
import type { Column, ColumnType } from '../export/column.ts'
import type { ExportResource } from '../export/columns.ts'

export interface TableSchemaField { name: string, type: ColumnType, format?: 'any', description: string }
export interface ForeignKey { fields: string, reference: { resource: string, fields: string } }
export interface TableSchema {
  fields: TableSchemaField[]
  primaryKey: string
  foreignKeys?: ForeignKey[]
  missingValues: string[]
}

/**
 * Single-valued columns that hold another table's id (`""` is Table Schema's name for the table itself). Lists of
 * ids (`source_ids`, `claimed_by`) are `;`-joined text, which a v1 foreign key cannot describe.
 */
const references: Partial<Record<ExportResource, Record<string, ExportResource | ''>>> = {
  actors: { parent_id: '' },
  statements: { speaker_id: 'actors', on_behalf_of_id: 'actors' }
}

/**
 * The schema of one export. Column types already are Table Schema types (`date` is YYYY-MM-DD); a `datetime` is RFC
 * 3339 in UTC with milliseconds, which v1's default datetime format (whole seconds) does not admit, so it is
 * `format: any`. A list column is a `string` whose description says its values are joined by `;`. An empty cell is null.
 */
export function tableSchema (resource: ExportResource, columns: ReadonlyArray<Column<never>>): TableSchema {
  const fields = columns.map(({ name, type, description }): TableSchemaField =>
    type === 'datetime' ? { name, type, format: 'any', description } : { name, type, description })
  const names = new Set(fields.map((f) => f.name))
  const foreignKeys = Object.entries(references[resource] ?? {})
    .filter(([field]) => names.has(field))
    .map(([field, table]) => ({ fields: field, reference: { resource: table, fields: 'id' } }))
  return { fields, primaryKey: 'id', ...(foreignKeys.length > 0 && { foreignKeys }), missingValues: [''] }
}
