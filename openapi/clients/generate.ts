/** Generates both TypeScript clients from the committed openapi/openapi.json: openapi-typescript types and a @hey-api/openapi-ts SDK. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createClient } from '@hey-api/openapi-ts'
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript'

const here = dirname(fileURLToPath(import.meta.url))

export const specPath = join(here, '..', 'openapi.json')
export const generatedDir = join(here, 'generated')
export const openapiTypescriptFile = join(generatedDir, 'openapi-typescript', 'schema.d.ts')
export const heyApiDir = join(generatedDir, 'hey-api')

/** openapi-typescript: one `paths` / `components` / `operations` declaration file for openapi-fetch. */
export async function generateOpenapiTypescript (spec: object, quiet = false): Promise<string> {
  // The spec is passed as an object, so $refs resolve within it and nothing is fetched.
  const ast = await openapiTS(spec as Parameters<typeof openapiTS>[0], { silent: quiet })
  await mkdir(dirname(openapiTypescriptFile), { recursive: true })
  await writeFile(openapiTypescriptFile, COMMENT_HEADER + astToString(ast))
  return openapiTypescriptFile
}

/** @hey-api/openapi-ts: types.gen.ts (one type per component), sdk.gen.ts (one function per operationId) and a bundled fetch client. */
export async function generateHeyApi (spec: object, quiet = false): Promise<string> {
  await createClient({
    input: { path: spec as Record<string, unknown> },
    output: {
      path: heyApiDir,
      clean: true,
      // Relative imports end in .js, as NodeNext module resolution requires.
      module: { extension: '.js' },
      tsConfigPath: join(here, 'tsconfig.json')
    },
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    // No crash-report file in the working directory; errors still reject.
    logs: { level: quiet ? 'silent' : 'warn', file: false }
  })
  return heyApiDir
}

/** Regenerates everything under openapi/clients/generated/ from the committed spec; `quiet` silences the generators' own logs. */
export async function generateClients ({ quiet = false }: { quiet?: boolean } = {}): Promise<{ openapiTypescript: string, heyApi: string }> {
  const spec = JSON.parse(await readFile(specPath, 'utf8')) as object
  await rm(generatedDir, { recursive: true, force: true })
  const openapiTypescript = await generateOpenapiTypescript(structuredClone(spec), quiet)
  const heyApi = await generateHeyApi(structuredClone(spec), quiet)
  return { openapiTypescript, heyApi }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { openapiTypescript, heyApi } = await generateClients()
  console.log(`openapi-typescript: ${openapiTypescript}`)
  console.log(`@hey-api/openapi-ts: ${heyApi}`)
}
