/** One flat column of an export (a CSV column, a GeoJSON property): its name, type, meaning and value from a view. */

/** Table Schema (Frictionless) field types, which CSV readers and the OpenAPI document share. */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime'

/** A value as an export writes it: null is an empty CSV cell (a JSON null in GeoJSON properties). */
export type Cell = string | number | boolean | null

export interface Column<View> {
  /** snake_case, as the JSON property it comes from (`killed_best` for `killed.best`). */
  name: string
  type: ColumnType
  description: string
  value: (view: View) => Cell
}

/** The separator of the values of a list column. */
export const listSeparator = ';'

/**
 * A list as one cell: distinct values, sorted (a stable order, whatever order the record lists them in), joined by
 * `;` without spaces; null (an empty cell) when the list is empty.
 */
export function listCell (values: Iterable<string>): string | null {
  const distinct = [...new Set(values)].sort()
  return distinct.length === 0 ? null : distinct.join(listSeparator)
}

/** A column whose value is a list (`list of …` said in its description). */
export function listColumn<View> (name: string, description: string, values: (view: View) => Iterable<string>): Column<View> {
  return { name, type: 'string', description: `${description} Several are joined by \`${listSeparator}\`, sorted; empty when none.`, value: (view) => listCell(values(view)) }
}
