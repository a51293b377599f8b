/** OpenAPI 3.1 from the route schemas, named components, /openapi.json and Swagger UI at /docs. */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { documentDatasetVersion } from '../openapi/dataset-version.ts'
import { apiDescription, tags } from '../openapi/document.ts'
import { components } from '../schemas/index.ts'
import { bearerAuth, keysTag } from '../schemas/keys.ts'

type Json = Record<string, any>

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/**
 * Swagger UI's Try it out fills every field from its parameter's `example` (and `default`) and sends them all,
 * so a user who types one filter gets it ANDed with every other example. Only the parameter a first-time user
 * tries keeps a value Try it out fills in: the path parameters of an item or nested list (required, and the
 * thing to try there), else the first of these filters a top-level list has. Never a cursor, limit, date or header.
 */
const tryItOutFilters = ['province', 'speaker', 'publisher', 'q']

function * operationsOf (document: Json): Generator<Json> {
  for (const item of Object.values<Json>(document.paths ?? {})) {
    for (const method of METHODS) if (item[method]) yield item[method]
  }
}

/** The parameters of `operation` that Try it out may fill in. */
function prefilled (operation: Json): Set<Json> {
  const parameters: Json[] = operation.parameters ?? []
  const path = parameters.filter((p) => p.in === 'path')
  if (path.length > 0) return new Set(path)
  for (const name of tryItOutFilters) {
    const filter = parameters.find((p) => p.in === 'query' && p.name === name)
    if (filter) return new Set([filter])
  }
  return new Set()
}

/** Each parameter not filled in, once: `$ref`'d parameters are shared and left as they are. */
function * notPrefilled (document: Json): Generator<Json> {
  for (const operation of operationsOf(document)) {
    const keep = prefilled(operation)
    for (const parameter of operation.parameters ?? []) {
      if (!keep.has(parameter) && parameter.$ref === undefined) yield parameter
    }
  }
}

const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``
const withSentence = (description: string | undefined, sentence: string) => (description ? `${description} ${sentence}` : sentence)

/**
 * In the document: a parameter that is not filled in keeps its examples in words ("Example: `iskp`.") and as the
 * JSON Schema `examples` of its schema (for SDKs and tests; Swagger UI fills in only `example`/`examples` of the
 * parameter and `example`/`default` of its schema).
 */
export function examplesInDescriptions (document: Json): Json {
  for (const parameter of notPrefilled(document)) {
    const values: unknown[] = parameter.example !== undefined
      ? [parameter.example]
      : Object.values<Json>(parameter.examples ?? {}).filter((e) => 'value' in e).map((e) => e.value)
    delete parameter.example
    delete parameter.examples
    if (values.length === 0) continue
    parameter.schema = { ...parameter.schema, examples: values }
    if (values.some((value) => value !== parameter.schema.default)) {
      parameter.description = withSentence(parameter.description, `${values.length > 1 ? 'Examples' : 'Example'}: ${values.map(code).join(', ')}.`)
    }
  }
  return document
}

/**
 * For Swagger UI only: it fills a schema `default` in too (`limit=50`, enum defaults), so the copy it reads
 * states the default in words instead. /openapi.json keeps `default`: it is what the server assumes.
 */
export function defaultsInDescriptions (document: Json): Json {
  for (const parameter of notPrefilled(document)) {
    if (parameter.schema?.default === undefined) continue
    const { default: value, ...schema } = parameter.schema
    parameter.schema = schema
    parameter.description = withSentence(parameter.description, `Default: ${code(value)}.`)
  }
  return document
}

/**
 * The Content-Security-Policy of /docs (Swagger UI, served from this app): its scripts, styles and the document from
 * this origin only, images inline too (the logo and icons are data: URIs), Try it out to this origin. The one inline
 * style allowed, by its hash, is the <style> of Swagger's own SVG logo (swagger-ui-standalone-preset), drawn for a
 * moment before the initializer swaps in ours. Not the plugin's `staticCSP: true`: its `upgrade-insecure-requests`
 * breaks the page on plain http (localhost, a private network) and it lets in styles from any https origin.
 */
export const docsCSP = [
  "default-src 'none'",
  "base-uri 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"
].join('; ')

export default fp(async function openapi (app: FastifyInstance, options: { version: string }) {
  for (const schema of components) app.addSchema(schema)

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Afghanistan Political Violence API',
        version: options.version,
        description: apiDescription,
        license: { name: 'MIT', identifier: 'MIT' }
      },
      // Relative: Swagger UI and clients resolve it against wherever the document was fetched from.
      servers: [{ url: '/', description: 'The server this document is served from' }],
      // Reads are public: no security by default. Routes that need a key get theirs from the auth plugin.
      security: [],
      components: { securitySchemes: { bearerAuth } },
      tags: [...tags, keysTag]
    },
    // Components are named by their $id (#/components/schemas/Incident), not def-0.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    transformObject: (documentObject) => 'openapiObject' in documentObject
      ? examplesInDescriptions(documentDatasetVersion(documentObject.openapiObject))
      : documentObject.swaggerObject
  })

  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, tryItOutEnabled: false },
    staticCSP: docsCSP,
    // Gets its own deep copy of the document (transformSpecificationClone defaults to true).
    transformSpecification: (document) => defaultsInDescriptions(document)
  })

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}, { name: 'openapi' })
