/** npm run data:schema: writes the JSON Schema of each record file to src/seed/schema/. */
import { writeFile } from 'node:fs/promises'
import { dataSchemaFiles, schemaDir } from '../seed/data-schemas.ts'

for (const [name, text] of dataSchemaFiles()) {
  await writeFile(new URL(name, schemaDir), text)
  console.log(`wrote src/seed/schema/${name}`)
}
