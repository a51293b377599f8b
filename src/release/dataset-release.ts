/** The dataset release the service publishes (src/seed/release.yaml): its version, date and how to cite it. */
import { readFileSync } from 'node:fs'
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { parse } from 'yaml'

export const DatasetRelease = Type.Object({
  version: Type.String({ pattern: '^[0-9]{4}\\.[0-9]{1,2}\\.[0-9]+$', description: 'Calendar version: YEAR.MONTH.PATCH.' }),
  // A pattern, not `format: 'date'`: TypeBox's Value.Errors knows no formats unless they are registered.
  released_on: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'YYYY-MM-DD.' }),
  title: Type.String({ minLength: 1 }),
  authors: Type.Array(Type.Object({ name: Type.String({ minLength: 1 }) }, { additionalProperties: false }), { minItems: 1 }),
  license: Type.String({ minLength: 1 })
}, { additionalProperties: false })

export type DatasetRelease = Static<typeof DatasetRelease>

function readRelease (): DatasetRelease {
  const value: unknown = parse(readFileSync(new URL('../seed/release.yaml', import.meta.url), 'utf8'))
  const errors = [...Value.Errors(DatasetRelease, value)]
  if (errors.length > 0) throw new Error(`src/seed/release.yaml: ${errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`)
  return value as DatasetRelease
}

export const datasetRelease: DatasetRelease = readRelease()

/** One line to cite the release by: authors (year). Title, release version [dataset]. Released on date. */
export function citationLine (release: DatasetRelease = datasetRelease): string {
  const authors = release.authors.map((a) => a.name).join(', ')
  return `${authors} (${release.released_on.slice(0, 4)}). ${release.title}, release ${release.version} [dataset]. Released ${release.released_on}.`
}
