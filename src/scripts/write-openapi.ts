/** npm run openapi: writes openapi/openapi.json from the route schemas, without a server or a database. */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { generateOpenApi } from '../openapi/generate.ts'

const target = fileURLToPath(new URL('../../openapi/openapi.json', import.meta.url))
const generated = await generateOpenApi()

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '')
  if (committed !== generated) {
    console.error('openapi/openapi.json differs from what the code generates: run `npm run openapi` and commit the result.')
    process.exit(1)
  }
  console.log('openapi/openapi.json is up to date')
} else {
  await writeFile(target, generated)
  console.log(`wrote ${target}`)
}
