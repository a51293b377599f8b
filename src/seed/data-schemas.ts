/** The JSON Schema of each record file, as written to src/seed/schema/ for editors and other tools. */
import { recordSchemas } from '../schemas/input/index.ts'

export const schemaDir = new URL('./schema/', import.meta.url)

/** File name -> JSON text, generated from the TypeBox input schemas. */
export function dataSchemaFiles (): Map<string, string> {
  const files = new Map<string, string>()
  for (const [kind, schema] of Object.entries(recordSchemas)) {
    const { $id, ...rest } = schema as typeof schema & { $id: string }
    const document = { $schema: 'http://json-schema.org/draft-07/schema#', $id: `${kind}.schema.json`, title: $id, ...rest }
    files.set(`${kind}.schema.json`, `${JSON.stringify(document, null, 2)}\n`)
  }
  return files
}
