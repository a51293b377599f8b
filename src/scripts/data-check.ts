/**
 * npm run data:check [dir]: validates every record file against its JSON Schema and every reference between
 * records; prints each problem as `file:line /path: message` and exits 1 when there is any.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { checkRecordFiles, formatProblem } from '../seed/check.ts'
import { dataSchemaFiles, schemaDir } from '../seed/data-schemas.ts'
import { dataDir, readRecordFiles } from '../seed/records.ts'

const dir = process.argv[2] ? resolve(process.argv[2]) : dataDir
const files = readRecordFiles(dir)
const problems = checkRecordFiles(files).map(formatProblem)

for (const [name, text] of dataSchemaFiles()) {
  let committed = ''
  try {
    committed = readFileSync(new URL(name, schemaDir), 'utf8')
  } catch {
    // A missing file is reported as out of date below.
  }
  if (committed !== text) problems.push(`src/seed/schema/${name}: out of date with the TypeBox schemas; run npm run data:schema`)
}

for (const line of problems) console.log(line)
const counts = new Map<string, number>()
for (const f of files) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1)
const summary = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')
if (problems.length > 0) {
  console.log(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files.length} files (${summary})`)
  process.exit(1)
}
console.log(`${files.length} record files, no problems (${summary})`)
