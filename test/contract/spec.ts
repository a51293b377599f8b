/** Contract-test helpers: the published OpenAPI document, Ajv over its schemas, its operations, requests built from it and responses checked against it. */
import { readFileSync } from 'node:fs'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse as parseCsv } from 'csv-parse/sync'
import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'

export type SchemaObject = Record<string, any>

export interface Parameter {
  name: string
  in: 'query' | 'path' | 'header' | 'cookie'
  required?: boolean
  description?: string
  schema: SchemaObject
  example?: unknown
  examples?: Record<string, { value?: unknown }>
  /** JSON pointer of this parameter in the document. */
  pointer: string
}

export interface ResponseSpec {
  description: string
  headers?: Record<string, { schema?: SchemaObject, description?: string }>
  content?: Record<string, { schema?: SchemaObject }>
}

export interface Operation {
  method: string
  /** Path template, e.g. `/v1/incidents/{id}`. */
  path: string
  operationId: string
  parameters: Parameter[]
  responses: Record<string, ResponseSpec>
  /** Security requirements: the operation's own, else the document's. Empty (or one empty requirement): public. */
  security: Array<Record<string, string[]>>
  /** The documented request body, with the JSON pointer of its object in the document. */
  requestBody?: { required: boolean, content: Record<string, { schema?: SchemaObject }>, pointer: string }
  /** JSON pointer of the operation object in the document. */
  pointer: string
}

export const documentPath = new URL('../../openapi/openapi.json', import.meta.url)

/** The committed OpenAPI document, parsed once per process. */
export const spec: Record<string, any> = JSON.parse(readFileSync(documentPath, 'utf8'))

const documentId = 'https://contract.test/openapi.json'

/** Ajv (JSON Schema 2020-12) holding the whole document under one `$id`, so `#/components/schemas/X` resolves inside it. */
export const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
addFormats.default(ajv)
ajv.addSchema({ ...spec, $id: documentId })

const escapeToken = (token: string) => encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'))

/** JSON pointer (as a URI fragment) from path segments. */
export function pointerOf (...tokens: Array<string | number>): string {
  return tokens.map((t) => '/' + escapeToken(String(t))).join('')
}

const validators = new Map<string, ValidateFunction>()

/** A compiled validator for the schema at `pointer` in the document (refs resolve against the document). */
export function validatorAt (pointer: string): ValidateFunction {
  let validate = validators.get(pointer)
  if (!validate) {
    validate = ajv.compile({ $ref: `${documentId}#${pointer}` })
    validators.set(pointer, validate)
  }
  return validate
}

/** Resolves a local `$ref` (`#/components/schemas/X`) against the document. */
export function resolveRef (schema: SchemaObject): SchemaObject {
  let current = schema
  for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops++) {
    const ref: string = current.$ref
    if (!ref.startsWith('#/')) throw new Error(`Unsupported $ref ${ref}`)
    current = ref.slice(2).split('/').reduce<any>((node, token) => node?.[token.replace(/~1/g, '/').replace(/~0/g, '~')], spec)
    if (current === undefined) throw new Error(`Unresolvable $ref ${ref}`)
  }
  return current
}

/** The JSON type(s) a schema allows, following $ref and anyOf/oneOf. */
export function schemaTypes (schema: SchemaObject): Set<string> {
  const s = resolveRef(schema)
  const types = new Set<string>()
  if (typeof s.type === 'string') types.add(s.type)
  if (Array.isArray(s.type)) for (const t of s.type) types.add(t)
  for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) for (const t of schemaTypes(branch)) types.add(t)
  return types
}

/** The closed set of values a schema allows (enum/const, through $ref, allOf, anyOf and oneOf), or undefined when open. */
export function enumValues (schema: SchemaObject): unknown[] | undefined {
  const s = resolveRef(schema)
  if (Array.isArray(s.enum)) return s.enum
  if ('const' in s) return [s.const]
  if (Array.isArray(s.allOf)) {
    const closed = s.allOf.map((branch: SchemaObject) => enumValues(branch)).filter((v: unknown[] | undefined): v is unknown[] => v !== undefined)
    if (closed.length > 0) return closed.reduce((a: unknown[], b: unknown[]) => a.filter((v) => b.includes(v)))
  }
  const branches = s.anyOf ?? s.oneOf
  if (!Array.isArray(branches)) return undefined
  const values: unknown[] = []
  for (const branch of branches) {
    const v = enumValues(branch)
    if (!v) return undefined
    values.push(...v)
  }
  return values
}

/** Every operation of the document, in document order, with path-level parameters merged in. */
export function listOperations (): Operation[] {
  const ops: Operation[] = []
  for (const [path, item] of Object.entries<any>(spec.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
      const op = item[method]
      if (!op) continue
      const pointer = pointerOf('paths', path, method)
      const shared: Parameter[] = (item.parameters ?? []).map((p: any, i: number) => ({ ...resolveRef(p), pointer: pointerOf('paths', path, 'parameters', i) }))
      const own: Parameter[] = (op.parameters ?? []).map((p: any, i: number) => ({ ...resolveRef(p), pointer: `${pointer}${pointerOf('parameters', i)}` }))
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own]
      const security: Array<Record<string, string[]>> = op.security ?? spec.security ?? []
      const requestBody = op.requestBody
        ? { required: false, content: {}, ...resolveRef(op.requestBody), pointer: `${pointer}${pointerOf('requestBody')}` }
        : undefined
      ops.push({ method: method.toUpperCase(), path, operationId: op.operationId, parameters, responses: op.responses ?? {}, security, requestBody, pointer })
    }
  }
  return ops
}

export const operations = listOperations()

export function operation (operationId: string): Operation {
  const op = operations.find((o) => o.operationId === operationId)
  if (!op) throw new Error(`No operation ${operationId} in the document`)
  return op
}

/** Does the operation need credentials (every documented security requirement names a scheme)? */
export const isSecured = (op: Operation) => op.security.length > 0 && op.security.every((requirement) => Object.keys(requirement).length > 0)

/**
 * The scope a secured operation needs, as its 403 documents it: `scope="write"` in the WWW-Authenticate example,
 * else "the `write` scope" in the description. Undefined when the document does not say.
 */
export function requiredScope (op: Operation): string | undefined {
  const forbidden = op.responses['403']
  if (!forbidden) return undefined
  const header = Object.entries(forbidden.headers ?? {}).find(([name]) => name.toLowerCase() === 'www-authenticate')?.[1] as Record<string, any> | undefined
  const texts = [header?.example, ...(header?.schema?.examples ?? []), header?.schema?.example].filter((v): v is string => typeof v === 'string')
  for (const text of texts) {
    const match = /scope="([^"]+)"/.exec(text)
    if (match) return match[1]
  }
  return /the `([a-z_]+)` scope/.exec(forbidden.description ?? '')?.[1]
}

/** The pointer of the documented request body schema for a media type (parameters such as charset ignored), if any. */
export function requestSchemaPointer (op: Operation, mediaType: string): string | undefined {
  const type = mediaType.split(';')[0]!.trim().toLowerCase()
  if (!op.requestBody?.content[type]?.schema) return undefined
  return `${op.requestBody.pointer}${pointerOf('content', type, 'schema')}`
}

/** The documented success statuses (2xx) of an operation. */
export const successStatuses = (op: Operation) => Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s)).map(Number)

export const isListOperation = (op: Operation) => {
  const ok = op.responses['200']?.content?.['application/json']?.schema
  if (!ok) return false
  const body = resolveRef(ok)
  return body.type === 'object' && body.properties?.data?.type === 'array'
}

/** The example values documented for a parameter: `example`, `examples`, the schema's examples, enum values, default. */
export function parameterExamples (param: Parameter): unknown[] {
  const values: unknown[] = []
  if (param.example !== undefined) values.push(param.example)
  for (const e of Object.values(param.examples ?? {})) if (e && 'value' in e) values.push(e.value)
  const schema = resolveRef(param.schema)
  if (schema.example !== undefined) values.push(schema.example)
  if (Array.isArray(schema.examples)) values.push(...schema.examples)
  values.push(...(enumValues(param.schema) ?? []))
  if (schema.default !== undefined) values.push(schema.default)
  return [...new Set(values)]
}

/**
 * Would the document accept this raw (as-sent, decoded) parameter value? Query strings are text, so integer
 * parameters are judged on plain decimal numerals; other numeric spellings (`1e2`, `0x10`, ` 5`) are
 * ambiguous (undefined): servers may or may not coerce them.
 */
export function parameterAccepts (param: Parameter, value: string | string[]): boolean | undefined {
  const types = schemaTypes(param.schema)
  if (Array.isArray(value)) {
    if (types.has('array')) return validatorAt(`${param.pointer}/schema`)(value) as boolean
    return false
  }
  let candidate: unknown = value
  // Query text "true"/"false" is a boolean, as Ajv's type coercion reads it.
  if (types.has('boolean') && (value === 'true' || value === 'false')) candidate = value === 'true'
  if (types.has('integer') || types.has('number')) {
    if (/^-?\d+$/.test(value)) candidate = Number(value)
    else if (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value) || /^\s*0[xXoObB][0-9a-fA-F]+\s*$/.test(value)) return undefined
  }
  return validatorAt(`${param.pointer}/schema`)(candidate) as boolean
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

/** A value put into a URL: text to percent-encode, or `{ raw }` inserted as-is (already percent-encoded). */
export type UrlValue = string | { raw: string }

export interface RequestSpec {
  /** The operation's own method unless given. */
  method?: string
  path?: Record<string, UrlValue>
  query?: Array<[string, UrlValue]>
  /** A header given as an array is sent that many times. */
  headers?: Record<string, string | string[]>
  /** The raw request body. */
  body?: string
}

/** encodeURIComponent, tolerating lone surrogates (sent as their UTF-8 replacement). */
export function encode (value: UrlValue): string {
  if (typeof value !== 'string') return value.raw
  try {
    return encodeURIComponent(value)
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('')
  }
}

export function buildUrl (op: Operation, request: RequestSpec = {}): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = request.path?.[name]
    if (value === undefined) throw new Error(`${op.operationId}: no value for path parameter ${name}`)
    return encode(value)
  })
  const query = (request.query ?? []).map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')
  return query ? `${path}?${query}` : path
}

/** A value from a parameter's documented examples, as query-string text. */
export function exampleText (param: Parameter): string | undefined {
  const [first] = parameterExamples(param)
  return first === undefined ? undefined : String(first)
}

/**
 * Real path values, read from the live API: for `/v1/<collection>/{name}`, the `name` (or `slug`) of items on
 * the first page of `/v1/<collection>`; for a list under an item (`/v1/incidents/{id}/revisions`), the first page
 * under the first real item. Documented examples are not mixed in: they need not exist in the data. Secured lists
 * are read with the headers `authorize` gives them, and skipped when it gives none.
 */
export async function discoverPathValues (app: FastifyInstance, authorize: (op: Operation) => Record<string, string> | undefined = () => undefined): Promise<Map<string, string[]>> {
  const pages = new Map<string, Array<Record<string, unknown>>>()
  const values = new Map<string, string[]>()
  const lists = operations.filter((op) => op.method === 'GET' && isListOperation(op))
  const collectionOf = (op: Operation, param: Parameter) => op.path.slice(0, op.path.indexOf(`/{${param.name}}`))
  const valuesFor = () => {
    for (const op of operations) {
      for (const param of op.parameters.filter((p) => p.in === 'path')) {
        const items = pages.get(collectionOf(op, param)) ?? []
        const real = items.flatMap((item) => [item[param.name], item.slug])
          .filter((v) => typeof v === 'string' || typeof v === 'number').map(String)
        values.set(`${op.operationId}:${param.name}`, [...new Set(real)])
      }
    }
  }
  // Top-level lists first, then lists under an item once that item's values are known.
  for (let round = 0; round < 3; round++) {
    for (const op of lists) {
      if (pages.has(op.path)) continue
      const pathParams = op.parameters.filter((p) => p.in === 'path')
      if (round === 0 && pathParams.length > 0) continue
      const headers = isSecured(op) ? authorize(op) : {}
      if (headers === undefined) continue
      let path: Record<string, string>
      try {
        path = pathFor(op, values)
      } catch {
        continue
      }
      const url = buildUrl(op, { path })
      const res = await inject(app, url, headers)
      if (res.statusCode !== 200) throw new Error(`GET ${url} returned ${res.statusCode}; cannot discover ids`)
      pages.set(op.path, (JSON.parse(res.body) as { data: Array<Record<string, unknown>> }).data)
    }
    valuesFor()
  }
  return values
}

/** Real values for each path parameter of `op`: the first value of each, or a chosen index. */
export function pathFor (op: Operation, values: Map<string, string[]>, index = 0): Record<string, string> {
  const path: Record<string, string> = {}
  for (const param of op.parameters.filter((p) => p.in === 'path')) {
    const candidates = values.get(`${op.operationId}:${param.name}`) ?? []
    const value = candidates[index % Math.max(candidates.length, 1)]
    if (value === undefined) throw new Error(`${op.operationId}: no real value for path parameter ${param.name}`)
    path[param.name] = value
  }
  return path
}

// ---------------------------------------------------------------------------------------------------------------
// Responses

export interface HttpResponse {
  statusCode: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

export interface Verdict {
  ok: boolean
  /** Every way the response disagrees with the document (empty when ok). */
  errors: string[]
  /** Ajv's findings on the body, when the body failed its schema. */
  schemaErrors: ErrorObject[]
  mediaType: string | null
  /** The parsed body (undefined when empty or not JSON). */
  body: any
}

export function mediaTypeOf (response: HttpResponse): string | null {
  const raw = response.headers['content-type']
  const value = Array.isArray(raw) ? raw[0] : raw
  return value === undefined ? null : String(value).split(';')[0]!.trim().toLowerCase()
}

/** The response object documented for this status (exact, then `4XX`-style ranges, then `default`). */
export function documentedResponse (op: Operation, status: number): { key: string, response: ResponseSpec } | undefined {
  for (const key of [String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`, 'default']) {
    const response = op.responses[key]
    if (response) return { key, response }
  }
  return undefined
}

/**
 * Checks one response against the document: the status is documented for the operation (and is not a 5xx: the
 * contract promises none), the Content-Type is a documented media type for that status (no body where none is
 * documented, e.g. 304), the body parses and validates against the documented schema, and a problem's `status`
 * equals the HTTP status. An undocumented error status is still judged as a problem (API.md: every error is
 * problem+json), against the schema the operation documents for its 400.
 */
export function validateResponse (op: Operation, response: HttpResponse): Verdict {
  const errors: string[] = []
  let schemaErrors: ErrorObject[] = []
  const status = response.statusCode
  const mediaType = mediaTypeOf(response)
  let body: any
  if (status >= 500) errors.push(`server error ${status} (the contract allows no 5xx)`)
  let documented = documentedResponse(op, status)
  if (!documented) {
    errors.push(`status ${status} is not documented for ${op.operationId} (documented: ${Object.keys(op.responses).join(', ')})`)
    if (status >= 400) documented = documentedResponse(op, 400)
  }
  const content = documented?.response.content ?? {}
  if (documented && Object.keys(content).length === 0) {
    if (response.body.length > 0) errors.push(`status ${status} documents no body, got ${response.body.length} bytes`)
    return { ok: errors.length === 0, errors, schemaErrors, mediaType, body }
  }
  const textSchema = documented && mediaType !== null ? recordsSchema(content[mediaType]?.schema) : undefined
  if (textSchema) {
    // A text body made of records (CSV rows, NDJSON lines): each record is checked against the documented schema.
    errors.push(...recordErrors(mediaType!, textSchema, response.body))
    return { ok: errors.length === 0, errors, schemaErrors, mediaType, body }
  }
  if (response.body.length > 0 && mediaType !== null && /[/+]json$/.test(mediaType)) {
    try {
      body = JSON.parse(response.body)
    } catch (err) {
      errors.push(`body is not JSON (${(err as Error).message})`)
    }
  }
  if (documented) {
    const documentedType = mediaType !== null && mediaType in content
    if (!documentedType) {
      errors.push(`content-type ${String(response.headers['content-type'])} is not documented for ${status} (documented: ${Object.keys(content).join(', ')})`)
    }
    // With an undocumented content type, the body is still judged by the schema documented for the status.
    const schemaType = documentedType ? mediaType! : Object.keys(content).find((type) => content[type]?.schema)
    if (schemaType !== undefined && content[schemaType]?.schema) {
      if (body === undefined) {
        errors.push(`status ${status} documents a ${schemaType} body, got ${response.body.length === 0 ? 'none' : 'one that is not JSON'}`)
      } else {
        const validate = validatorAt(`${op.pointer}${pointerOf('responses', documented.key, 'content', schemaType, 'schema')}`)
        if (!validate(body)) {
          schemaErrors = validate.errors ?? []
          errors.push(`body fails the ${documented.key} ${schemaType} schema: ${describeSchemaErrors(schemaErrors)}`)
        }
      }
    }
  }
  if (mediaType === 'application/problem+json' && body && typeof body === 'object' && body.status !== status) {
    errors.push(`problem status ${String(body.status)} differs from the HTTP status ${status}`)
  }
  return { ok: errors.length === 0, errors, schemaErrors, mediaType, body }
}

/**
 * The schema of each record of a text body, for a media type documented as a string with a `contentSchema` (CSV:
 * one row; NDJSON: one line), as a JSON pointer into the document; undefined for any other body.
 */
export function recordsSchema (schema: SchemaObject | undefined): string | undefined {
  if (!schema) return undefined
  const described = resolveRef(schema)
  if (described.type !== 'string' || typeof described.contentSchema?.$ref !== 'string') return undefined
  return (described.contentSchema.$ref as string).slice(1)
}

/** A CSV cell as the value of its documented type: empty is null; numbers, booleans as such; text as it is. */
function cellValue (cell: string, types: Set<string>): unknown {
  if (cell === '') return null
  if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(cell)) return Number(cell)
  if (types.has('boolean') && (cell === 'true' || cell === 'false')) return cell === 'true'
  return cell
}

/**
 * How a text body of records disagrees with the document. CSV: RFC 4180, a header naming the documented columns in
 * order (the properties of the row schema), CRLF line ends, every row as wide as the header, each cell of its
 * column's type. NDJSON: `\n`-terminated lines, each a JSON value valid against the line schema.
 */
export function recordErrors (mediaType: string, schemaPointer: string, body: string): string[] {
  const validate = validatorAt(schemaPointer)
  const errors: string[] = []
  const invalid = (what: string, record: unknown) => {
    if (!validate(record)) errors.push(`${what} fails ${schemaPointer}: ${describeSchemaErrors(validate.errors ?? [])}`)
  }
  if (mediaType === 'text/csv') {
    const columns = resolveRef({ $ref: `#${schemaPointer}` }).properties as Record<string, SchemaObject>
    let rows: string[][]
    try {
      rows = parseCsv(body, { bom: true }) as string[][]
    } catch (err) {
      return [`body is not RFC 4180 CSV (${(err as Error).message})`]
    }
    const [header = [], ...records] = rows
    if (JSON.stringify(header) !== JSON.stringify(Object.keys(columns))) errors.push(`CSV header ${header.join(',')} is not the documented columns ${Object.keys(columns).join(',')}`)
    if (body.length > 0 && !body.endsWith('\r\n')) errors.push('CSV records do not end with CRLF')
    records.slice(0, 200).forEach((row, i) => {
      invalid(`CSV row ${i + 1}`, Object.fromEntries(header.map((name, c) => [name, cellValue(row[c] ?? '', schemaTypes(columns[name] ?? {}))])))
    })
    return errors.slice(0, 10)
  }
  if (body.length > 0 && !body.endsWith('\n')) return ['NDJSON body does not end with a newline']
  const lines = body.length === 0 ? [] : body.slice(0, -1).split('\n')
  lines.slice(0, 200).forEach((line, i) => {
    let record: unknown
    try {
      record = JSON.parse(line)
    } catch (err) {
      errors.push(`line ${i + 1} is not JSON (${(err as Error).message})`)
      return
    }
    invalid(`line ${i + 1}`, record)
  })
  return errors.slice(0, 10)
}

/** Ajv's findings in one line, naming the offending property where Ajv keeps it in params. */
export function describeSchemaErrors (errors: ErrorObject[], max = 8): string {
  const lines = [...new Set(errors.map((e) => {
    const where = `body${e.instancePath}`
    if (e.keyword === 'additionalProperties') return `${where} has unexpected property "${String(e.params.additionalProperty)}"`
    return `${where} ${e.message ?? e.keyword}`
  }))]
  return lines.slice(0, max).join(', ') + (lines.length > max ? `, and ${lines.length - max} more` : '')
}

const shorten = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text)

/** Sends a request built from `request` (a GET unless it names a method), validates the response against `op`, and records one assertion. */
export async function sendAndCheck (t: Test, app: FastifyInstance, op: Operation, request: RequestSpec | string, label = '') {
  const url = typeof request === 'string' ? request : buildUrl(op, request)
  const headers = typeof request === 'string' ? {} : request.headers ?? {}
  const method = typeof request === 'string' ? 'GET' : request.method ?? op.method
  const body = typeof request === 'string' ? undefined : request.body
  const response = await send(app, { method, url, headers, body })
  const verdict = validateResponse(op, response)
  const shown = Object.keys(headers).filter((h) => h !== 'authorization' && h !== 'content-type')
  const what = `${method} ${shorten(url)}${shown.length ? ` [${shorten(shown.join(','), 40)}]` : ''}${label ? ` (${label})` : ''}`
  t.ok(verdict.ok, verdict.ok
    ? `${what} -> ${response.statusCode} conforms to ${op.operationId}`
    : `CONTRACT VIOLATION ${what} -> ${response.statusCode}: ${verdict.errors.join('; ')}`, {
    status: response.statusCode,
    contentType: response.headers['content-type'],
    body: shorten(response.body, 600)
  })
  return { url, response, verdict, body: verdict.body, status: response.statusCode }
}

/** A 400 that names the offending parameter in `errors` (problem+json, code invalid_parameter). */
export function namesParameter (body: any, name: string, where?: string): boolean {
  return Boolean(body && body.code === 'invalid_parameter' && Array.isArray(body.errors) &&
    body.errors.some((e: any) => e.name === name && (where === undefined || e.in === where)))
}

/** How many requests this process sent through `inject`, for each file's summary line. */
export const sent = { requests: 0 }

/** app.inject, counted: any method, headers (an array is sent as repeated headers) and a raw body. */
export function send (app: FastifyInstance, request: { method?: string, url: string, headers?: Record<string, string | string[]>, body?: string }) {
  sent.requests++
  return app.inject({ method: (request.method ?? 'GET') as 'GET', url: request.url, headers: request.headers ?? {}, ...(request.body === undefined ? {} : { payload: request.body }) })
}

/** A GET through app.inject, counted. */
export function inject (app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  return send(app, { method: 'GET', url, headers })
}
