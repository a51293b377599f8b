/** The OpenAPI document's account of the dataset release: `info['x-dataset-version']` and the `Dataset-Version` response header. */
import { datasetRelease } from '../release/dataset-release.ts'

type Json = Record<string, any>

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** The header, once, as a component every response refers to. */
export const datasetVersionHeader = {
  description: 'The release of the dataset that answered (calendar version YEAR.MONTH.PATCH, as in `info.x-dataset-version`). Cite it with the data.',
  schema: { type: 'string', examples: [datasetRelease.version] }
}

const headerRef = '#/components/headers/DatasetVersion'

/**
 * Adds the release to `info` and the `Dataset-Version` header to every response of every operation, as a `$ref` to
 * `components.headers.DatasetVersion`. Idempotent: the document may be transformed more than once.
 */
export function documentDatasetVersion (document: Json): Json {
  document.info = { ...document.info, 'x-dataset-version': datasetRelease.version }
  document.components = { ...document.components, headers: { ...document.components?.headers, DatasetVersion: datasetVersionHeader } }
  for (const item of Object.values<Json>(document.paths ?? {})) {
    for (const method of METHODS) {
      for (const response of Object.values<Json>(item[method]?.responses ?? {})) {
        if (response.$ref !== undefined) continue
        response.headers = { ...response.headers, 'Dataset-Version': { $ref: headerRef } }
      }
    }
  }
  return document
}
