/**
 * Write fixtures for the contract tests, all read off the document: for each operation that changes data, a valid
 * request against something the test itself created (records are copied from an existing one's record format, with
 * a fresh id), and the hostile bodies every write must survive.
 */
import type { FastifyInstance } from 'fastify'
import { authorize, type ContractKeys } from './auth.ts'
import {
  buildUrl, operations, pathFor, requestSchemaPointer, resolveRef, schemaTypes, send, successStatuses, validatorAt,
  type Operation, type RequestSpec, type SchemaObject
} from './spec.ts'

export const isWrite = (op: Operation) => !['GET', 'HEAD', 'OPTIONS'].includes(op.method)

export const find = (method: string, path: string) => operations.find((o) => o.method === method && o.path === path)

/** The collection an operation on `/v1/<c>` or `/v1/<c>/{id}...` belongs to. */
export const collectionOf = (op: Operation) => op.path.split('/').slice(0, 3).join('/')

/** Collections whose items have a record format (`GET /v1/<c>/{id}/record`): the writable records. */
export const recordCollections = [...new Set(operations
  .filter((op) => op.method === 'GET' && /^\/v1\/[^/]+\/\{id\}\/record$/.test(op.path)).map(collectionOf))]

export const isRecordCollection = (op: Operation) => recordCollections.includes(collectionOf(op))

/** The POST that creates items of the operation's collection, and the GET of an item's record (when it has one). */
export const createOperation = (op: Operation) => find('POST', collectionOf(op))
export const recordOperation = (op: Operation) => find('GET', `${collectionOf(op)}/{id}/record`)
export const itemOperation = (op: Operation) => find('GET', `${collectionOf(op)}/{id}`)
export const headerParam = (op: Operation, name: string) => op.parameters.find((p) => p.in === 'header' && p.name === name)

/** The documented media type of a request body: `application/json`, or the only one documented. */
export function bodyMediaType (op: Operation): string | undefined {
  const types = Object.keys(op.requestBody?.content ?? {})
  return types.includes('application/json') ? 'application/json' : types[0]
}

/** The object schema of the operation's request body (refs resolved), or undefined. */
export function bodySchema (op: Operation): SchemaObject | undefined {
  const type = bodyMediaType(op)
  const schema = type ? op.requestBody?.content[type]?.schema : undefined
  return schema ? resolveRef(schema) : undefined
}

/** A property of an object schema the tests may overwrite freely: optional free text, the first of notes/description/summary or any nullable string. */
export function editableField (schema: SchemaObject): string | undefined {
  const properties: Record<string, SchemaObject> = schema.properties ?? {}
  const required: string[] = schema.required ?? []
  const isFreeText = (name: string) => {
    const types = schemaTypes(properties[name]!)
    return types.has('string') && !required.includes(name) && !['id', 'slug', 'url'].includes(name)
  }
  return ['notes', 'description', 'summary'].find((n) => n in properties && isFreeText(n)) ??
    Object.keys(properties).find((n) => isFreeText(n) && schemaTypes(properties[n]!).has('null'))
}

/** A string property the document requires (other than id), to drop or null out. */
export function requiredField (schema: SchemaObject): string | undefined {
  return (schema.required ?? []).find((n: string) => n !== 'id')
}

export interface Created { id: string, etag: string | undefined, location: string | undefined, body: any }

export class WriteFixtures {
  private n = 0
  private templates = new Map<string, Record<string, any>>()
  private live = new Map<string, Created>()
  /** Every record the tests created, by collection. */
  readonly created: Array<{ collection: string, id: string }> = []

  constructor (private app: FastifyInstance, private keys: ContractKeys, private pathValues: Map<string, string[]>) {}

  /** A number no earlier fixture used: ids, slugs and names stay unique. */
  next (): number {
    return ++this.n
  }

  /** An existing record in the record format, read from `GET /v1/<c>/{id}/record` for the first real id. */
  async template (collection: string): Promise<Record<string, any>> {
    let template = this.templates.get(collection)
    if (!template) {
      const op = find('GET', `${collection}/{id}/record`)!
      const url = buildUrl(op, { path: pathFor(op, this.pathValues) })
      const res = await send(this.app, { url })
      if (res.statusCode !== 200) throw new Error(`GET ${url} returned ${res.statusCode}; no record to copy`)
      template = JSON.parse(res.body) as Record<string, any>
      this.templates.set(collection, template)
    }
    return structuredClone(template)
  }

  /** A valid body for a POST: a copy of an existing record with a fresh id (and slug, without aliases, for actors), else the body schema's example. */
  async validBody (post: Operation): Promise<Record<string, any>> {
    const n = this.next()
    if (isRecordCollection(post)) {
      const record = await this.template(collectionOf(post))
      record.id = `${String(record.id)}_ct${n}`
      if (typeof record.slug === 'string') record.slug = `${record.slug}-ct${n}`
      if (Array.isArray(record.aliases)) record.aliases = []
      return record
    }
    const schema = bodySchema(post) ?? {}
    const example = schema.examples?.[0] ?? schema.example
    if (example === undefined) throw new Error(`${post.operationId}: no documented example body to send`)
    const body = structuredClone(example) as Record<string, any>
    if (typeof body.name === 'string') body.name = `${body.name} ${n}`.slice(0, 100)
    return body
  }

  /** Headers every request of `op` carries: its key, and the media type of its body. */
  baseHeaders (op: Operation): Record<string, string> {
    const type = bodyMediaType(op)
    return { ...authorize(op, this.keys), ...(type ? { 'content-type': type } : {}) }
  }

  /** Creates an item of the operation's collection through its POST; throws unless 201. */
  async create (op: Operation): Promise<Created> {
    const post = createOperation(op)
    if (!post) throw new Error(`${op.operationId}: no POST ${collectionOf(op)} to create an item with`)
    const body = await this.validBody(post)
    const res = await send(this.app, { method: 'POST', url: post.path, headers: this.baseHeaders(post), body: JSON.stringify(body) })
    if (res.statusCode !== 201) throw new Error(`POST ${post.path} returned ${res.statusCode}, not 201: ${res.body.slice(0, 500)}`)
    const created = JSON.parse(res.body)
    const location = res.headers.location === undefined ? undefined : String(res.headers.location)
    const id = String(created.id ?? location?.split('/').pop())
    if (isRecordCollection(op)) this.created.push({ collection: collectionOf(op), id })
    return { id, etag: res.headers.etag === undefined ? undefined : String(res.headers.etag), location, body: created }
  }

  /** The current ETag of an item: from its record when it has one, else from the item GET; undefined when it is gone. */
  async currentTag (op: Operation, id: string): Promise<string | undefined> {
    const read = recordOperation(op) ?? itemOperation(op)
    if (!read) return undefined
    const res = await send(this.app, { url: buildUrl(read, { path: { id } }) })
    return res.statusCode === 200 && res.headers.etag !== undefined ? String(res.headers.etag) : undefined
  }

  /** An item of this operation's own, created on first use and again whenever it has been deleted. */
  async liveItem (op: Operation): Promise<Created> {
    let item = this.live.get(op.operationId)
    if (item && this.unsure.has(op.operationId)) {
      // A success without an ETag: read where the item stands.
      const etag = await this.currentTag(op, item.id)
      item = etag === undefined && (recordOperation(op) || itemOperation(op)) ? undefined : { ...item, etag }
      this.unsure.delete(op.operationId)
    }
    if (!item) item = await this.create(op)
    this.live.set(op.operationId, item)
    return item
  }

  private unsure = new Set<string>()

  /**
   * What a request did to the operation's live item, from its answer: a success with an ETag moved it to that
   * version, a 204 deleted it, another success leaves it unsure; a refusal changed nothing.
   */
  observe (op: Operation, request: RequestSpec, status: number, etag: string | undefined): void {
    const item = this.live.get(op.operationId)
    if (!item || request.path?.id !== item.id || status < 200 || status >= 300) return
    if (status === 204) this.live.delete(op.operationId)
    else if (etag !== undefined) this.live.set(op.operationId, { ...item, etag })
    else this.unsure.add(op.operationId)
  }

  /** A small merge patch for a PATCH: one free-text field set to new text. */
  patchFor (op: Operation): Record<string, unknown> {
    const field = editableField(bodySchema(op) ?? {})
    if (!field) throw new Error(`${op.operationId}: no free-text field to patch`)
    return { [field]: `Contract test edit ${this.next()}` }
  }

  /**
   * A valid request for any write operation, against an item of the test's own: a POST with a fresh body, a PATCH
   * with a small merge patch, a DELETE; If-Match the item's current ETag where the operation takes one.
   */
  async request (op: Operation): Promise<RequestSpec> {
    const headers: Record<string, string> = this.baseHeaders(op)
    const hasPath = op.parameters.some((p) => p.in === 'path')
    if (op.method === 'POST' && !hasPath) {
      return { method: 'POST', path: {}, query: [], headers, body: JSON.stringify(await this.validBody(op)) }
    }
    const item = await this.liveItem(op)
    if (headerParam(op, 'if-match') && item.etag !== undefined) headers['if-match'] = item.etag
    const body = op.method === 'PATCH' ? JSON.stringify(this.patchFor(op)) : undefined
    return { method: op.method, path: { id: item.id }, query: [], headers, ...(body === undefined ? {} : { body }) }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile bodies

export interface BodyCase {
  label: string
  body?: string
  /** The Content-Type sent; null sends none. The operation's documented type unless given. */
  contentType?: string | null
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

/**
 * Bodies a write must refuse or accept as the document says: not JSON, not an object, unknown fields, a required
 * field missing, wrong types, control characters, huge text and a body over any sane limit, prototype keys,
 * duplicate keys, unicode, and media types the operation does not take.
 */
export function hostileBodies (op: Operation, valid: Record<string, any>): BodyCase[] {
  const schema = bodySchema(op) ?? {}
  const text = editableField(schema) ?? requiredField(schema) ?? Object.keys(valid)[0] ?? 'name'
  const big = 'title' in (schema.properties ?? {}) ? 'title' : text
  const required = requiredField(schema)
  const json = (value: unknown) => JSON.stringify(value)
  const set = (field: string, value: unknown) => json({ ...valid, [field]: value })
  const validText = json(valid)
  const cases: BodyCase[] = [
    { label: 'not JSON', body: '{"nope' },
    { label: 'empty body', body: '' },
    { label: 'JSON array', body: json([valid]) },
    { label: 'JSON string', body: '"text"' },
    { label: 'JSON null', body: 'null' },
    { label: 'JSON number', body: '42' },
    { label: 'JSON true', body: 'true' },
    { label: 'trailing garbage', body: `${validText} x` },
    { label: 'unknown field', body: set('contract_unknown_field', 1) },
    { label: `wrong type: object for ${text}`, body: set(text, { a: 1 }) },
    { label: `wrong type: array for ${text}`, body: set(text, ['a']) },
    { label: `wrong type: number for ${text}`, body: set(text, 12345) },
    { label: `wrong type: boolean for ${text}`, body: set(text, true) },
    { label: `NUL in ${text}`, body: set(text, 'a\u0000b') },
    { label: `C0 control characters in ${text}`, body: set(text, 'a\u0001\u0002\u001b[31mb') },
    { label: `tab, CR and LF in ${text}`, body: set(text, 'a\tb\r\nc') },
    { label: `DEL and C1 controls in ${text}`, body: set(text, 'a\u007f\u0085\u009bb') },
    { label: `emoji and RTL text in ${text}`, body: set(text, '💥🇦🇫 ننګرهار \u202Ekabul') },
    // JSON.stringify writes a lone surrogate as the escape \ud800: valid JSON, not valid UTF-16 text.
    { label: `lone surrogate in ${text}`, body: set(text, 'a\uD800b') },
    { label: `empty ${text}`, body: set(text, '') },
    { label: `1 MB ${big}`, body: set(big, 'x'.repeat(1_000_000)) },
    { label: 'a 2 MB body', body: set(big, 'y'.repeat(2_000_000)) },
    { label: `deeply nested ${text}`, body: set(text, JSON.parse(nested(2000))) },
    { label: '__proto__ key', body: validText.replace(/^\{/, '{"__proto__":{"polluted":true},') },
    { label: 'constructor.prototype key', body: validText.replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},') },
    { label: `duplicate ${text} key`, body: validText.replace(/}$/, `${validText === '{}' ? '' : ','}"${text}":"second"}`) },
    { label: 'SQL in text', body: set(text, "'); drop table incidents; --") },
    { label: 'Content-Type text/plain', body: validText, contentType: 'text/plain' },
    { label: 'Content-Type application/xml', body: '<record/>', contentType: 'application/xml' },
    { label: 'Content-Type form', body: 'a=b', contentType: 'application/x-www-form-urlencoded' },
    { label: 'no Content-Type', body: validText, contentType: null },
    { label: 'Content-Type with charset', body: validText, contentType: `${bodyMediaType(op)}; charset=utf-8` }
  ]
  if (required && required !== text) {
    const { [required]: _dropped, ...rest } = valid
    cases.push({ label: `missing ${required}`, body: json(rest) }, { label: `null ${required}`, body: set(required, null) })
  }
  if (bodyMediaType(op) !== 'application/json') cases.push({ label: 'Content-Type application/json', body: validText, contentType: 'application/json' })
  return cases
}

/**
 * What the document lets a body come back as: a media type it does not take is a 415 (or, where no 415 is
 * documented, some documented 4xx); a body its schema rejects is a 400; one it accepts succeeds or is refused on
 * meaning (409, 422).
 */
export function bodyOracle (op: Operation, contentType: string | null, body: string | undefined): { statuses: number[], reason: string, accepted: boolean } {
  const pointer = contentType === null ? undefined : requestSchemaPointer(op, contentType)
  const documented = Object.keys(op.responses).map(Number)
  // Past the documented size limit the body is refused before it is read.
  if (documented.includes(413) && Buffer.byteLength(body ?? '') > 1_048_576) return { statuses: [413], reason: 'the body is over the 1 MiB limit', accepted: false }
  if (!pointer) {
    if (documented.includes(415)) return { statuses: [415], reason: `${contentType ?? 'no media type'} is not a documented request media type`, accepted: false }
    return { statuses: documented.filter((s) => s >= 400 && s < 500 && s !== 401 && s !== 403), reason: `${contentType ?? 'no media type'} is not documented (and no 415 is)`, accepted: false }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body ?? '')
  } catch {
    return { statuses: [400], reason: 'the body is not JSON', accepted: false }
  }
  if (!validatorAt(pointer)(parsed)) return { statuses: [400], reason: 'the documented request schema rejects the body', accepted: false }
  return { statuses: [...successStatuses(op), 409, 422].filter((s) => documented.includes(s)), reason: 'the documented request schema accepts the body', accepted: true }
}
