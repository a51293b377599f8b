/**
 * The spec-driven contract suite: every operation in openapi/openapi.json, sent valid and hostile requests, each
 * response checked against the document. Operations that need a key are called with one holding the scope they
 * document, and also without one (401), with a bad or revoked one (401) and with one lacking the scope (403). Writes
 * act on items the test creates itself. Run in two parts (reads, writes), each in its own test file and database.
 */
import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import { buildTestApp } from '../helper.ts'
import { authorize, contractKeys, keyLackingScope, type ContractKeys } from './auth.ts'
import {
  discoverPathValues, enumValues, exampleText, isListOperation, isSecured, namesParameter, operations, parameterAccepts,
  parameterExamples, pathFor, pointerOf, recordErrors, recordsSchema, requestSchemaPointer, requiredScope, resolveRef, schemaTypes,
  sendAndCheck, sent, spec, successStatuses, validatorAt, type Operation, type Parameter, type RequestSpec, type UrlValue
} from './spec.ts'
import {
  bodyMediaType, bodyOracle, collectionOf, createOperation, find, headerParam, hostileBodies,
  isRecordCollection, isWrite, itemOperation, recordCollections, recordOperation, WriteFixtures
} from './writes.ts'

let app: FastifyInstance
let keys: ContractKeys
let pathValues: Map<string, string[]>
let fixtures: WriteFixtures

/**
 * Runs one part of the suite in `t`: `reads` (the document's own completeness, then every GET) or `writes` (every
 * operation that changes data, then the change feed over all of them and deletes refused for records in use).
 */
export async function contractSuite (t: Test, part: 'reads' | 'writes', file: string) {
  const built = await buildTestApp(t)
  app = built.app
  keys = await contractKeys(built.database.handle.db, operations)
  pathValues = await discoverPathValues(app, (op) => authorize(op, keys))
  fixtures = new WriteFixtures(app, keys, pathValues)

  if (part === 'reads') t.test('the document describes every operation fully', documentTest)
  for (const op of operations.filter((o) => isWrite(o) === (part === 'writes'))) operationTest(t, op)
  if (part === 'writes') {
    t.test('the change feed: every write, in commit order', changeFeedTest)
    // Last: if the server wrongly deletes a record in use, nothing after it depends on that record.
    t.test('records other records refer to cannot be deleted (409)', inUseTest)
  }
  t.test('requests sent', async (t) => {
    t.comment(`${file} sent ${sent.requests} requests over ${operations.filter((o) => isWrite(o) === (part === 'writes')).length} operations`)
    t.pass(`${sent.requests} requests`)
  })
}

/** sendAndCheck, telling the fixtures what a write did to the item it acted on. */
async function check (t: Test, op: Operation, request: RequestSpec | string, label = '') {
  const res = await sendAndCheck(t, app, op, request, label)
  if (typeof request !== 'string' && isWrite(op)) fixtures.observe(op, request, res.status, res.response.headers.etag === undefined ? undefined : String(res.response.headers.etag))
  return res
}

/** Values any parameter must survive: never a 5xx, always a documented status and a body valid against its schema. */
const hostileText: Array<[string, UrlValue]> = [
  ['empty', ''],
  ['10,000 characters', 'a'.repeat(10_000)],
  ['201 characters', 'b'.repeat(201)],
  ['NUL byte', '\u0000'],
  ['NUL inside text', 'kabul\u0000x'],
  ['C0 control characters', '\u0001\u0002\u001b[31m'],
  ['tab, CR and LF', 'a\tb\r\nc'],
  ['DEL and C1 controls', '\u007f\u0085\u009b'],
  ['emoji', '💥🇦🇫👩‍👩‍👧'],
  ['Pashto (RTL)', 'ننګرهار'],
  ['Dari (RTL)', 'ننگرهار'],
  ['RTL override', '\u202Ekabul'],
  ['combining marks', 'Z̷̢̛a̶̞l̵̖g̸̠o'],
  ['zero-width characters', 'ka\u200Bbul\uFEFF'],
  ['lone surrogate', '\uD800'],
  ['invalid UTF-8', { raw: '%FF%FE' }],
  ['overlong UTF-8', { raw: '%C0%AF' }],
  ['SQL tautology', "' OR 1=1 --"],
  ['SQL drop', "%' ; drop table incidents; --"],
  ['SQL union', '1 UNION SELECT id, slug FROM actors'],
  ['LIKE wildcards', '%_%'],
  ['script tag', '<script>alert(1)</script>'],
  ['path traversal', '../../etc/passwd'],
  ['JNDI lookup', '${jndi:ldap://x}'],
  ['operator object', '{"$gt":""}'],
  ['backslash', '\\'],
  ['commas only', ',,,']
]

const hostileInteger: Array<[string, UrlValue]> = [
  ['word', 'abc'], ['zero', '0'], ['above maximum', '501'], ['negative', '-1'], ['1e309 (Infinity)', '1e309'],
  ['fraction', '1.5'], ['huge', '99999999999999999999'], ['hex', '0x10'], ['exponent', '1e2'], ['padded', ' 5'],
  ['boolean', 'true'], ['null', 'null'], ['NaN', 'NaN'], ['Infinity', 'Infinity'], ['negative zero', '-0']
]

const hostileDate: Array<[string, UrlValue]> = [
  ['word', 'yesterday'], ['30 February', '2021-02-30'], ['month 13', '2021-13-01'], ['month 00', '2021-00-10'],
  ['29 February, no leap year', '2021-02-29'], ['29 February, leap year', '2020-02-29'], ['unpadded', '2021-1-1'],
  ['compact', '20210101'], ['timestamp', '2021-01-01T00:00:00Z'], ['year 0000', '0000-01-01'], ['year 9999', '9999-12-31'],
  ['slashes', '2021/01/01'], ['day 32', '2021-01-32']
]

const hostileCursor: Array<[string, UrlValue]> = [
  ['not base64url', 'not a cursor'], ['short base64url', 'AAAA'], ['base64 of []', b64('[]')], ['base64 of {}', b64('{}')],
  ['base64 of null', b64('null')], ['base64 of a string', b64('"x"')], ['base64 of a number', b64('1e309')],
  ['padded base64', 'WyJ4Il0=='], ['513 characters', 'A'.repeat(513)]
]

function b64 (text: string): string {
  return Buffer.from(text).toString('base64url')
}

/** The hostile values for one parameter: its type's own, then the text ones. */
function hostileValuesFor (param: Parameter): Array<[string, UrlValue]> {
  const schema = resolveRef(param.schema)
  const types = schemaTypes(param.schema)
  const own: Array<[string, UrlValue]> = []
  if (types.has('integer') || types.has('number')) own.push(...hostileInteger)
  if (schema.format === 'date') own.push(...hostileDate)
  if (isCursorParam(param)) own.push(...hostileCursor)
  const closed = enumValues(param.schema)
  if (closed && closed.length > 0) {
    const first = String(closed[0])
    own.push(['unknown enum value', 'not_a_value'], ['enum value upper-cased', first.toUpperCase()], ['enum value with a space', `${first} `])
  }
  if (param.in === 'path') {
    own.push(['150 characters (within maxLength 200)', 'c'.repeat(150)], ['1,025 characters', 'd'.repeat(1025)], ['bare percent', { raw: '%' }])
  }
  if (param.in === 'header') {
    // Header values must be latin-1 without control characters to be sent at all.
    return [['1,024 characters', 'x'.repeat(1024)], ['1,025 characters', 'x'.repeat(1025)], ['wildcard', '*'],
      ['weak tag', 'W/"abc"'], ['SQL tautology', "' OR 1=1 --"], ['JNDI lookup', '"${jndi:ldap://x}"'], ['unquoted', 'abc']]
  }
  return [...own, ...hostileText]
}

/** A query parameter that takes a cursor a page issued (`cursor`, or the change feed's `since`). */
function isCursorParam (param: Parameter): boolean {
  return param.in === 'query' && (param.name === 'cursor' || param.name === 'since')
}

const decoded = (value: UrlValue) => (typeof value === 'string' ? value : undefined)

/** A GET with real path values (and the operation's key when it needs one). */
function minimalRequest (op: Operation, index = 0): RequestSpec {
  return { path: pathFor(op, pathValues, index), query: [], headers: { ...authorize(op, keys) } }
}

/** A valid request for any operation: a GET with real path values, or a write on something the test created. */
async function baseRequest (op: Operation, index = 0): Promise<RequestSpec> {
  return isWrite(op) ? fixtures.request(op) : minimalRequest(op, index)
}

/** `base` with one parameter set (several values for a repeated query parameter). */
function withParam (base: RequestSpec, param: Parameter, values: UrlValue[]): RequestSpec {
  const next: RequestSpec = { ...base, path: { ...base.path }, query: (base.query ?? []).filter(([k]) => k !== param.name), headers: { ...base.headers } }
  if (param.in === 'query') for (const v of values) next.query!.push([param.name, v])
  if (param.in === 'path') next.path![param.name] = values[0]!
  if (param.in === 'header') next.headers![param.name] = String(decoded(values[0]!) ?? '')
  return next
}

/**
 * The minimal request plus the parameters `param` needs to mean anything (its schema's `x-requires`, e.g. `near`
 * and `radius_km`), each at its documented example.
 */
function withCompanions (op: Operation, param: Parameter): RequestSpec {
  let request = minimalRequest(op)
  for (const name of (resolveRef(param.schema)['x-requires'] ?? []) as string[]) {
    const companion = op.parameters.find((p) => p.in === param.in && p.name === name)
    const example = companion && exampleText(companion)
    if (companion && example !== undefined) request = withParam(request, companion, [example])
  }
  return request
}

/**
 * The oracle for a request that changes only `param`: a value the document rejects must be a 400 that names the
 * parameter; a value it accepts may still be refused on meaning (an unknown province or actor: a 400 that names the
 * parameter) or, in a path, be an unknown id (404); otherwise it is answered with 200.
 */
function checkOracle (t: Test, op: Operation, param: Parameter, accepts: boolean | undefined, result: Awaited<ReturnType<typeof sendAndCheck>>, label: string) {
  const { status, body, url } = result
  const where = `${op.operationId}: ${param.in} ${param.name} = ${label}`
  const success = successStatuses(op)
  if (accepts === false) {
    t.ok(status === 400 && namesParameter(body, param.name, param.in),
      `${where} is invalid per the document -> expected 400 invalid_parameter naming ${param.in} "${param.name}", got ${status} ${body?.code ?? ''}`,
      { url: url.slice(0, 300), body })
  } else if (accepts === true) {
    const allowed = param.in === 'path' ? [...success, 400, 404] : [...success, 400]
    t.ok(allowed.includes(status) && (status !== 400 || namesParameter(body, param.name, param.in)),
      `${where} is valid per the document -> expected ${allowed.join('/')}${allowed.includes(400) ? ' (a 400 naming it)' : ''}, got ${status} ${body?.code ?? ''}`,
      { url: url.slice(0, 300), body })
  }
}

async function documentTest (t: Test) {
  t.ok(operations.length > 0, `${operations.length} operations`)
  const withoutExamples: string[] = []
  for (const op of operations) {
    t.ok(op.operationId, `${op.method} ${op.path} has an operationId`)
    const success = successStatuses(op)
    t.ok(success.length > 0, `${op.operationId} documents a success status (${success.join(', ')})`)
    if (op.method === 'GET') t.ok(op.responses['200']?.content?.['application/json']?.schema, `${op.operationId} documents a 200 application/json body`)
    for (const status of success) {
      const content = op.responses[String(status)]?.content
      if (status === 204) t.notOk(content && Object.keys(content).length > 0, `${op.operationId} 204 documents no body`)
      else t.ok(content?.['application/json']?.schema, `${op.operationId} documents a ${status} application/json body`)
    }
    for (const [type, media] of Object.entries<any>(op.responses['200']?.content ?? {})) {
      if (type === 'application/json') continue
      // Other representations of a 200: each with a schema, and examples valid against it (a list's exports: one at least).
      t.ok(media.schema, `${op.operationId} 200 ${type} has a schema`)
      const examples = Object.values<any>(media.examples ?? {}).map((e) => e.value)
      if (isListOperation(op)) t.ok(examples.length > 0, `${op.operationId} 200 ${type} has an example`)
      const records = recordsSchema(media.schema)
      for (const example of examples) {
        if (records) {
          t.same(recordErrors(type, records, String(example)), [], `${op.operationId} 200 ${type}: the example's records are valid against ${records}`)
        } else {
          t.ok(validatorAt(`${op.pointer}${pointerOf('responses', '200', 'content', type, 'schema')}`)(example), `${op.operationId} 200 ${type}: the example is valid against its schema`)
        }
      }
    }
    for (const [status, response] of Object.entries(op.responses)) {
      if (Number(status) >= 400) {
        t.ok(response.content?.['application/problem+json']?.schema, `${op.operationId} ${status} is application/problem+json`)
      }
    }
    t.ok(op.responses['400'], `${op.operationId} documents 400`)
    if (op.parameters.some((p) => p.in === 'path')) t.ok(op.responses['404'], `${op.operationId} documents 404`)
    if (isSecured(op)) {
      for (const requirement of op.security) {
        for (const scheme of Object.keys(requirement)) t.ok(spec.components?.securitySchemes?.[scheme], `${op.operationId}: security scheme ${scheme} is defined`)
      }
      for (const status of ['401', '403']) {
        t.ok(op.responses[status], `${op.operationId} needs a key and documents ${status}`)
        t.ok(Object.keys(op.responses[status]?.headers ?? {}).some((h) => h.toLowerCase() === 'www-authenticate'), `${op.operationId} ${status} documents WWW-Authenticate`)
      }
      t.ok(requiredScope(op), `${op.operationId}: its 403 names the scope it needs (${requiredScope(op)})`)
    }
    if (op.requestBody) {
      t.ok(op.requestBody.required, `${op.operationId}: the request body is required`)
      for (const [type, media] of Object.entries(op.requestBody.content)) {
        t.ok(media.schema, `${op.operationId}: request ${type} has a schema`)
        const schema = media.schema ? resolveRef(media.schema) : {}
        for (const example of [...(schema.examples ?? []), ...(schema.example === undefined ? [] : [schema.example])]) {
          t.ok(validatorAt(requestSchemaPointer(op, type)!)(example), `${op.operationId}: request example ${JSON.stringify(example).slice(0, 60)} validates against its schema`)
        }
      }
      if (!op.requestBody.content['application/json']) t.ok(op.responses['415'], `${op.operationId} takes only ${Object.keys(op.requestBody.content).join(', ')} and documents 415`)
    }
    if (headerParam(op, 'if-match')) {
      for (const status of ['412', '428']) t.ok(op.responses[status], `${op.operationId} takes If-Match and documents ${status}`)
    }
    for (const param of op.parameters) {
      const examples = parameterExamples(param)
      if (examples.length === 0) withoutExamples.push(`${op.operationId}.${param.name}`)
      for (const example of examples) {
        const text = String(example)
        t.ok(validatorAt(`${param.pointer}/schema`)(typeof example === 'number' || typeof example === 'boolean' ? example : text),
          `${op.operationId}: example ${JSON.stringify(text).slice(0, 60)} of ${param.name} validates against its schema`)
      }
    }
  }
  t.same(withoutExamples, [], 'every parameter has an example, examples or enum values')
}

function operationTest (t: Test, op: Operation) {
  const isList = isListOperation(op)
  const pathParams = op.parameters.filter((p) => p.in === 'path')
  const optional = op.parameters.filter((p) => !p.required && p.in !== 'path')

  t.test(`${op.operationId}: ${op.method} ${op.path}`, async (t) => {
    if (!isWrite(op)) await readTests(t, op, isList, pathParams, optional)
    else await writeTests(t, op)

    if (isSecured(op)) {
      t.test('security: no key is a 401, a key without the scope a 403', async (t) => securityTests(t, op))
    }

    t.test('invalid and hostile requests', async (t) => {
      for (const param of op.parameters) {
        const values = hostileValuesFor(param)
        if (isCursorParam(param)) values.push(...await forgedCursors(t, op))
        for (const [label, value] of values) {
          const text = decoded(value)
          const accepts = text === undefined ? undefined : parameterAccepts(param, text)
          const res = await check(t, op, withParam(await baseRequest(op), param, [value]), `${param.name}: ${label}`)
          checkOracle(t, op, param, accepts, res, label)
        }
        if (param.in === 'query') {
          const example = exampleText(param) ?? 'a'
          const repeated = await check(t, op, withParam(await baseRequest(op), param, [example, example]), `${param.name} repeated`)
          checkOracle(t, op, param, parameterAccepts(param, [example, example]), repeated, 'repeated parameter')
          const twoValues = await check(t, op, withParam(await baseRequest(op), param, ['a', 'b']), `${param.name}=a&${param.name}=b`)
          checkOracle(t, op, param, parameterAccepts(param, ['a', 'b']), twoValues, `${param.name}=a&${param.name}=b`)
        }
      }

      // Writes get one unknown parameter (each one is a write); reads all of them.
      const unknowns = isWrite(op) ? ['unknown_param'] : ['unknown_param', 'LIMIT', 'Province', 'sort', 'q[]', '__proto__', 'constructor']
      for (const unknown of unknowns) {
        if (op.parameters.some((p) => p.in === 'query' && p.name === unknown)) continue
        const base = await baseRequest(op)
        const res = await check(t, op, { ...base, query: [[unknown, '1']] }, `unknown parameter ${unknown}`)
        t.ok(res.status === 400 && namesParameter(res.body, unknown, 'query'),
          `${op.operationId}: unknown query parameter "${unknown}" is a 400 naming it, got ${res.status} ${JSON.stringify(res.body?.errors ?? null)}`)
      }

      if (op.requestBody) await hostileBodyTests(t, op)
      if (headerParam(op, 'if-match')) await ifMatchTests(t, op)
    })
  })
}

/** The response body's own identity: what an item GET must match its path value with. */
const identities = (item: any): unknown[] => [item?.id, item?.slug, item?.code, item?.name, item?.record?.id, item?.record?.slug]

/** Follows a list the way its pages say: the query parameter that carries next_cursor (`cursor`, or whichever the Link URL puts it in). */
function cursorParamName (op: Operation, cursor: string, link: string | undefined): string {
  if (op.parameters.some((p) => p.in === 'query' && p.name === 'cursor')) return 'cursor'
  if (link) for (const [name, value] of new URL(link, 'http://x').searchParams) if (value === cursor) return name
  return op.parameters.find(isCursorParam)?.name ?? 'cursor'
}

/** An unknown value of a path parameter's own type: text for ids, the largest allowed number for integers. */
function unknownValues (param: Parameter): string[] {
  const schema = resolveRef(param.schema)
  if (schemaTypes(param.schema).has('integer')) return [String(schema.maximum ?? 999_999_999)]
  return ['does-not-exist', 'inc_1999_01_01_nowhere', 'ZZ-999']
}

async function readTests (t: Test, op: Operation, isList: boolean, pathParams: Parameter[], optional: Parameter[]) {
  t.test('valid requests', async (t) => {
    const minimal = await check(t, op, minimalRequest(op), 'minimal')
    t.equal(minimal.status, 200, `${op.operationId}: the minimal request with real path values is answered with 200`)

    for (const param of optional) {
      for (const example of parameterExamples(param)) {
        const res = await check(t, op, withParam(withCompanions(op, param), param, [String(example)]), `${param.name} example`)
        t.equal(res.status, 200, `SPEC EXAMPLE ${op.operationId}: the documented example ${param.name}=${JSON.stringify(String(example)).slice(0, 70)} is accepted (200), got ${res.status} ${res.body?.detail ?? ''}`)
      }
    }

    // Every optional parameter at once (cursor aside: a cursor only means something when a page issued it).
    let together = minimalRequest(op)
    for (const param of optional) {
      const example = exampleText(param)
      if (!isCursorParam(param) && example !== undefined) together = withParam(together, param, [example])
    }
    const all = await check(t, op, together, 'all optional parameters')
    t.equal(all.status, 200, `${op.operationId}: all documented examples together are accepted (200), got ${all.status} ${all.body?.detail ?? ''}`)

    // A 200 that documents an ETag carries one; any ETag revalidates to 304. (Health checks are never cached: no ETag.)
    const etag = minimal.response.headers.etag
    const etagDocumented = Object.keys(op.responses['200']?.headers ?? {}).some((h) => h.toLowerCase() === 'etag')
    if (etagDocumented || !op.path.startsWith('/health/')) t.ok(typeof etag === 'string' && etag.length > 0, `${op.operationId}: 200 carries an ETag`)
    else t.equal(etag, undefined, `${op.operationId}: a health check carries no ETag`)
    if (typeof etag === 'string') {
      const revalidated = await check(t, op, { ...minimalRequest(op), headers: { ...minimalRequest(op).headers, 'if-none-match': etag } }, 'If-None-Match: its own ETag')
      t.equal(revalidated.status, 304, `${op.operationId}: revalidating with its own ETag gives 304`)
    }

    // A 200 in several media types: Accept chooses each (the body checked against its own schema); where a 406 is
    // documented, an Accept that allows none of them gets it.
    const mediaTypes = Object.keys(op.responses['200']?.content ?? {})
    if (mediaTypes.length > 1) {
      for (const type of mediaTypes) {
        const res = await check(t, op, { ...minimalRequest(op), headers: { ...minimalRequest(op).headers, accept: type } }, `Accept: ${type}`)
        t.ok(res.status === 200 && String(res.response.headers['content-type']).startsWith(type), `${op.operationId}: Accept: ${type} is answered with 200 ${type}, got ${res.status} ${String(res.response.headers['content-type'])}`)
      }
      if (op.responses['406']) {
        const refused = await check(t, op, { ...minimalRequest(op), headers: { ...minimalRequest(op).headers, accept: 'image/png' } }, 'Accept: image/png')
        t.equal(refused.status, 406, `${op.operationId}: an Accept that allows none of ${mediaTypes.join(', ')} is the documented 406`)
      }
    }

    if (!isSecured(op)) {
      // Reads are public: an Authorization header, even a bad one, is ignored.
      const withBadKey = await check(t, op, { ...minimalRequest(op), headers: { authorization: 'Bearer not-a-key' } }, 'a bad key on a public read')
      t.equal(withBadKey.status, 200, `${op.operationId}: a public read ignores an invalid Authorization header (200), got ${withBadKey.status}`)
    }
  })

  if (isList && optional.some((p) => p.name === 'limit')) {
    t.test('pagination: next_cursor is followed once', async (t) => {
      const candidates = pathParams.length ? Math.min(10, Math.max(...pathParams.map((p) => pathValues.get(`${op.operationId}:${p.name}`)?.length ?? 1))) : 1
      let followed = false
      for (let i = 0; i < candidates && !followed; i++) {
        const base = minimalRequest(op, i)
        const first = await check(t, op, { ...base, query: [['limit', '1']] }, 'limit=1')
        if (first.status !== 200 || first.body?.next_cursor == null) continue
        const cursor: string = first.body.next_cursor
        const link = String(first.response.headers.link ?? '')
        const linked = link.split(/,\s*(?=<)/).map((part) => /^<([^>]+)>(.*)$/.exec(part.trim())).find((m) => m && /;\s*rel="?next"?/.test(m[2]!))?.[1]
        const name = cursorParamName(op, cursor, linked)
        t.ok(linked, `${op.operationId}: a page with a next_cursor sends Link: <...>; rel="next" (got ${JSON.stringify(link)})`)
        t.equal(linked ? new URL(linked, 'http://x').searchParams.get(name) : null, cursor, `${op.operationId}: the Link URL carries next_cursor in ${name}`)
        const second = await check(t, op, { ...base, query: [['limit', '1'], [name, cursor]] }, 'next_cursor')
        t.equal(second.status, 200, `${op.operationId}: following next_cursor gives 200`)
        const ids = (page: any) => (page?.data ?? []).map((item: any) => item.seq ?? item.id ?? item.code ?? item.version)
        t.ok(second.body?.data?.length === 1 && !ids(first.body).includes(ids(second.body)[0]),
          `${op.operationId}: the next page holds a different item (${ids(first.body)} then ${ids(second.body)})`)
        if (linked) {
          const url = new URL(linked, 'http://x')
          const viaLink = await check(t, op, { ...base, query: [...url.searchParams.entries()] as Array<[string, string]> }, 'Link rel=next')
          t.same(viaLink.body, second.body, `${op.operationId}: the Link URL gives the same page as next_cursor`)
        }
        followed = true
      }
      if (!followed) t.comment(`${op.operationId}: no real path value gives a second page at limit=1; nothing to follow`)
    })
  }

  if (pathParams.length > 0) {
    t.test('items by real id, and unknown ids', async (t) => {
      const count = Math.max(...pathParams.map((p) => pathValues.get(`${op.operationId}:${p.name}`)?.length ?? 0))
      const limit = isList ? Math.min(count, 5) : count
      for (let i = 0; i < limit; i++) {
        const request = minimalRequest(op, i)
        const res = await check(t, op, request, 'real id')
        t.equal(res.status, 200, `${op.operationId}: real ${JSON.stringify(request.path)} is found (200), got ${res.status}`)
        if (!isList && res.status === 200) {
          const [name, raw] = Object.entries(request.path!)[0]!
          const value = String(decoded(raw))
          t.ok(identities(res.body).some((v) => typeof v === 'string' && v.toLowerCase() === value.toLowerCase()) ||
            (name === 'code' && typeof res.body?.code === 'string'), `${op.operationId}: the item answered is the one asked for (${value})`)
        }
      }
      // Items behind a key (API keys) exist only once made: their documented examples cannot name one.
      for (const param of isSecured(op) ? [] : pathParams) {
        for (const example of parameterExamples(param)) {
          const res = await check(t, op, { ...minimalRequest(op), path: { ...minimalRequest(op).path, [param.name]: String(example) } }, `${param.name} example`)
          t.equal(res.status, 200, `SPEC EXAMPLE ${op.operationId}: the documented example ${param.name}=${JSON.stringify(example)} names a record in the seeded data (200), got ${res.status}`)
        }
      }
      // One parameter unknown at a time, the others real.
      for (const param of pathParams) {
        for (const unknown of unknownValues(param)) {
          const res = await check(t, op, { ...minimalRequest(op), path: { ...minimalRequest(op).path, [param.name]: unknown } }, `unknown ${param.name}`)
          t.ok(res.status === 404 && res.body?.code === 'not_found', `${op.operationId}: unknown ${param.name} ${unknown} is a 404 not_found problem, got ${res.status} ${res.body?.code ?? ''}`)
        }
      }
    })
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writes

const jsonOf = (text: string | undefined) => {
  try {
    return JSON.parse(text ?? '')
  } catch {
    return undefined
  }
}
const header = (res: { response: { headers: Record<string, unknown> } }, name: string) => {
  const value = res.response.headers[name]
  return value === undefined ? undefined : String(value)
}

/** GETs `path` as operation `readOp` (validated against it). */
async function read (t: Test, readOp: Operation, path: Record<string, string>, label: string) {
  return check(t, readOp, { method: 'GET', path, query: [], headers: { ...authorize(readOp, keys) } }, label)
}

async function writeTests (t: Test, op: Operation) {
  t.test('valid requests', async (t) => {
    if (op.method === 'POST' && !op.parameters.some((p) => p.in === 'path')) await createTests(t, op)
    else if (op.method === 'PATCH') await updateTests(t, op)
    else if (op.method === 'DELETE') await deleteTests(t, op)
    else t.comment(`${op.operationId}: no valid-request scenario for ${op.method}`)
  })
}

async function createTests (t: Test, op: Operation) {
  const request = await fixtures.request(op)
  const type = bodyMediaType(op)!
  t.ok(validatorAt(requestSchemaPointer(op, type)!)(jsonOf(request.body)), `${op.operationId}: the body the test built (${isRecordCollection(op) ? 'an existing record with a fresh id' : 'the documented example'}) is valid per the document`)
  const sentBody = jsonOf(request.body)
  const created = await check(t, op, request, 'a fresh item')
  t.equal(created.status, 201, `${op.operationId}: creating a fresh item gives 201, got ${created.status} ${created.body?.detail ?? ''}`)
  const location = header(created, 'location')
  for (const name of Object.keys(op.responses['201']?.headers ?? {})) {
    t.ok(header(created, name.toLowerCase()), `${op.operationId}: 201 carries its documented ${name} header`)
  }
  const id = String(created.body?.id ?? location?.split('/').pop())
  t.equal(location, `${collectionOf(op)}/${id}`, `${op.operationId}: Location names the new item`)

  if (isRecordCollection(op)) {
    fixtures.created.push({ collection: collectionOf(op), id })
    t.equal(created.body?.id, sentBody.id, `${op.operationId}: the new record has the id sent`)
    const item = await read(t, itemOperation(op)!, { id }, 'the new record')
    t.equal(item.status, 200, `${op.operationId}: the new record is readable at its Location`)
    t.same(item.body, created.body, `${op.operationId}: the 201 body is what GET answers`)
    t.equal(header(item, 'etag'), header(created, 'etag'), `${op.operationId}: the 201 ETag is the record's ETag`)
    const record = await read(t, recordOperation(op)!, { id }, 'the new record, record format')
    t.same(record.body, sentBody, `${op.operationId}: the record format gives back the record sent`)

    // The same id again is a conflict.
    const again = await check(t, op, { ...await fixtures.request(op), body: request.body }, 'the same id again')
    t.equal(again.status, 409, `${op.operationId}: creating an id that exists is a 409, got ${again.status}`)

    // A reference to a record that does not exist is refused on meaning.
    const dangling = await fixtures.request(op)
    const body = jsonOf(dangling.body)
    const prefixes = await Promise.all(recordCollections.map(async (c) => String((await fixtures.template(c)).id).split('_')[0]!))
    const referencePath = findReference(body, prefixes)
    if (referencePath) {
      setAt(body, referencePath, `${String(getAt(body, referencePath)).split('_')[0]}_contract_test_nothing`)
      const res = await check(t, op, { ...dangling, body: JSON.stringify(body) }, `a reference to nothing at /${referencePath.join('/')}`)
      t.equal(res.status, 422, `${op.operationId}: a reference to a record that does not exist (/${referencePath.join('/')}) is a 422, got ${res.status} ${res.body?.detail ?? ''}`)
    } else {
      t.comment(`${op.operationId}: the record refers to no other record; no dangling reference to try`)
    }
  }

  // A key made over HTTP works, for what its scopes allow.
  if (typeof created.body?.key === 'string' && Array.isArray(created.body?.scopes)) {
    const target = operations.find((o) => isSecured(o) && created.body.scopes.includes(requiredScope(o)) && (o.method === 'GET' || createOperation(o) === o))
    if (target) {
      const base = await baseRequest(target)
      const res = await check(t, target, { ...base, headers: { ...base.headers, authorization: `Bearer ${String(created.body.key)}` } }, 'with the key just created')
      t.ok(successStatuses(target).includes(res.status), `${op.operationId}: the key it returned is accepted by ${target.operationId}, got ${res.status}`)
    }
  }

  const idempotency = headerParam(op, 'idempotency-key')
  if (idempotency) {
    const key = String(parameterExamples(idempotency)[0] ?? 'contract-idempotency-key')
    const first = await fixtures.request(op)
    first.headers = { ...first.headers, 'idempotency-key': key }
    const original = await check(t, op, first, `Idempotency-Key ${key}`)
    t.equal(original.status, 201, `SPEC EXAMPLE ${op.operationId}: the documented Idempotency-Key example is accepted (201), got ${original.status}`)
    const replay = await check(t, op, first, 'the same Idempotency-Key and body again')
    t.equal(replay.status, original.status, `${op.operationId}: a retry with the same Idempotency-Key and body gets the original status`)
    t.equal(replay.response.body, original.response.body, `${op.operationId}: ... and the original body`)
    t.equal(header(replay, 'location'), header(original, 'location'), `${op.operationId}: ... and the original Location`)
    t.equal(header(replay, 'etag'), header(original, 'etag'), `${op.operationId}: ... and the original ETag`)
    const newId = String(original.body?.id)
    if (isRecordCollection(op)) {
      const revisions = await read(t, find('GET', `${collectionOf(op)}/{id}/revisions`)!, { id: newId }, 'revisions after a replay')
      t.equal(revisions.body?.data?.length, 1, `${op.operationId}: the retry created nothing (one revision)`)
    }
    const other = await fixtures.request(op)
    const reused = await check(t, op, { ...other, headers: { ...other.headers, 'idempotency-key': key } }, 'the same Idempotency-Key, another body')
    t.ok(reused.status === 422 && namesParameter2(reused.body, 'idempotency-key', 'header'),
      `${op.operationId}: an Idempotency-Key reused with another body is a 422 naming the header, got ${reused.status} ${JSON.stringify(reused.body?.errors ?? null)}`)
    if (isRecordCollection(op)) {
      const otherId = String(jsonOf(other.body)?.id)
      const absent = await read(t, itemOperation(op)!, { id: otherId }, 'the refused record')
      t.equal(absent.status, 404, `${op.operationId}: the refused body created nothing`)
    }
  }
}

/** A 4xx naming the offending input in `errors` (any code; any name when none is given). */
function namesParameter2 (body: any, name: string | undefined, where?: string): boolean {
  return Boolean(body && Array.isArray(body.errors) && body.errors.some((e: any) => (name === undefined || e.name === name) && (where === undefined || e.in === where)))
}

async function updateTests (t: Test, op: Operation) {
  const item = await fixtures.create(op)
  const patch = fixtures.patchFor(op)
  const [field, value] = Object.entries(patch)[0]!
  const type = bodyMediaType(op)!
  t.ok(validatorAt(requestSchemaPointer(op, type)!)(patch), `${op.operationId}: the patch is valid per the document`)
  const base = { method: 'PATCH', path: { id: item.id }, query: [] as Array<[string, string]>, headers: fixtures.baseHeaders(op) }
  const ifMatch = (etag: string | undefined) => ({ ...base.headers, 'if-match': etag ?? '' })

  const edited = await check(t, op, { ...base, headers: ifMatch(item.etag), body: JSON.stringify(patch) }, `${field} with the current ETag`)
  t.equal(edited.status, 200, `${op.operationId}: a merge patch with the current ETag gives 200, got ${edited.status} ${edited.body?.detail ?? ''}`)
  const etag = header(edited, 'etag')
  t.ok(etag && etag !== item.etag, `${op.operationId}: the edit answers a new ETag (${item.etag} -> ${etag})`)

  const recordOp = recordOperation(op)
  if (recordOp) {
    const record = await read(t, recordOp, { id: item.id }, 'after the edit')
    t.equal(record.body?.[field], value, `${op.operationId}: the record shows the edit`)
  }
  const itemOp = itemOperation(op)
  if (itemOp) {
    const now = await read(t, itemOp, { id: item.id }, 'after the edit')
    t.equal(header(now, 'etag'), etag, `${op.operationId}: the ETag the edit answered is the item's ETag`)
  }

  const stale = await check(t, op, { ...base, headers: ifMatch(item.etag), body: JSON.stringify(patch) }, 'the ETag before the edit')
  t.equal(stale.status, 412, `${op.operationId}: a stale If-Match is a 412, got ${stale.status}`)
  if (stale.body && 'current_version' in stale.body) t.equal(stale.body.current_version, 2, `${op.operationId}: the 412 names the current version`)

  const noop = await check(t, op, { ...base, headers: ifMatch(etag), body: '{}' }, 'an empty patch')
  t.equal(noop.status, 200, `${op.operationId}: an empty merge patch gives 200, got ${noop.status}`)
  t.equal(header(noop, 'etag'), etag, `${op.operationId}: an empty merge patch changes nothing (same ETag)`)

  // If-None-Match is for reads: on a write it must not turn the answer into a 304 (RFC 9110 13.1.2: 412 when it matches, or ignored).
  const conditional = await check(t, op, { ...base, headers: { ...ifMatch(etag), 'if-none-match': etag ?? '' }, body: '{}' }, 'If-None-Match: the current ETag')
  t.ok([200, 412].includes(conditional.status), `${op.operationId}: If-None-Match with the current ETag on a PATCH gives 200 or 412, not a 304, got ${conditional.status}`)

  const example = parameterExamples(headerParam(op, 'if-match')!)[0]
  if (typeof example === 'string') {
    const fresh = await fixtures.create(op)
    const res = await check(t, op, { ...base, path: { id: fresh.id }, headers: ifMatch(example), body: JSON.stringify(patch) }, 'the documented If-Match example on a version 1 record')
    t.ok(/^"1-/.test(example) ? res.status === 200 : res.status !== 500, `SPEC EXAMPLE ${op.operationId}: the documented If-Match ${example} is accepted on a record at version 1, got ${res.status} ${res.body?.detail ?? ''}`)
  }

  const revisionsOp = find('GET', `${collectionOf(op)}/{id}/revisions`)
  const revisionOp = find('GET', `${collectionOf(op)}/{id}/revisions/{version}`)
  if (revisionsOp && revisionOp) {
    const revisions = await read(t, revisionsOp, { id: item.id }, 'revisions after an edit')
    t.same(revisions.body?.data?.map((r: any) => [r.version, r.operation]), [[1, 'create'], [2, 'update']], `${op.operationId}: the record has a create and an update revision`)
    const update = revisions.body?.data?.[1]
    t.equal(update?.key_id, keys.byOperation.get(op.operationId)?.id, `${op.operationId}: the update revision names the key that made it`)
    const changed: string[] = update?.changed_fields ?? Object.keys(update?.changes ?? {})
    t.same(changed, [field], `${op.operationId}: the update revision says ${field} changed, and only it`)
    const paged = await check(t, revisionsOp, { method: 'GET', path: { id: item.id }, query: [['limit', '1']], headers: {} }, 'revisions, limit=1')
    t.ok(typeof paged.body?.next_cursor === 'string', `${revisionsOp.operationId}: a page of one of two revisions has a next_cursor`)
    if (typeof paged.body?.next_cursor === 'string') {
      const next = await check(t, revisionsOp, { method: 'GET', path: { id: item.id }, query: [['limit', '1'], ['cursor', paged.body.next_cursor]], headers: {} }, 'revisions, next page')
      t.same(next.body?.data?.map((r: any) => r.version), [2], `${revisionsOp.operationId}: the next page holds version 2`)
    }
    for (const version of [1, 2]) {
      const revision = await read(t, revisionOp, { id: item.id, version: String(version) }, `revision ${version}`)
      t.equal(revision.status, 200, `${revisionOp.operationId}: version ${version} of an edited record is readable`)
      const then = version === 1 ? (await fixtures.template(collectionOf(op)))[field] : value
      t.equal(revision.body?.record?.[field] ?? null, then ?? null, `${revisionOp.operationId}: version ${version} holds the record as it was then`)
    }
    const beyond = await read(t, revisionOp, { id: item.id, version: '3' }, 'a version not yet made')
    t.equal(beyond.status, 404, `${revisionOp.operationId}: a version not yet made is a 404`)
  }
}

async function deleteTests (t: Test, op: Operation) {
  const item = await fixtures.create(op)
  const headers = { ...authorize(op, keys), ...(headerParam(op, 'if-match') && item.etag ? { 'if-match': item.etag } : {}) }
  const deleted = await check(t, op, { method: 'DELETE', path: { id: item.id }, query: [], headers }, 'an item the test created')
  t.equal(deleted.status, 204, `${op.operationId}: deleting an item the test created gives 204, got ${deleted.status} ${deleted.body?.detail ?? ''}`)

  if (isRecordCollection(op)) {
    const gone = await read(t, itemOperation(op)!, { id: item.id }, 'a deleted record')
    t.ok(gone.status === 410 && gone.body?.code === 'gone', `${op.operationId}: a deleted record answers 410 gone, got ${gone.status}`)
    if (gone.body?.last_revision) {
      const last = await check(t, find('GET', `${collectionOf(op)}/{id}/revisions/{version}`)!, gone.body.last_revision, 'last_revision of a 410')
      t.ok(last.status === 200 && last.body?.operation === 'delete' && last.body?.record === null, `${op.operationId}: last_revision is the delete, with no record`)
    }
    const record = await read(t, recordOperation(op)!, { id: item.id }, 'a deleted record, record format')
    t.equal(record.status, 410, `${op.operationId}: the record format of a deleted record is a 410`)
    const again = await check(t, op, { method: 'DELETE', path: { id: item.id }, query: [], headers }, 'deleted already')
    t.equal(again.status, 410, `${op.operationId}: deleting it again is a 410, got ${again.status}`)
    const update = find('PATCH', `${collectionOf(op)}/{id}`)
    if (update) {
      const patch = { ...fixtures.baseHeaders(update), 'if-match': item.etag ?? '' }
      const res = await check(t, update, { method: 'PATCH', path: { id: item.id }, query: [], headers: patch, body: JSON.stringify(fixtures.patchFor(update)) }, 'editing a deleted record')
      t.equal(res.status, 410, `${update.operationId}: editing a deleted record is a 410, got ${res.status}`)
    }
    const revisions = await read(t, find('GET', `${collectionOf(op)}/{id}/revisions`)!, { id: item.id }, 'revisions of a deleted record')
    t.same(revisions.body?.data?.map((r: any) => r.operation), ['create', 'delete'], `${op.operationId}: the revisions of a deleted record stay readable and end with the delete`)
    t.equal(revisions.body?.data?.at(-1)?.key_id, keys.byOperation.get(op.operationId)?.id, `${op.operationId}: the delete revision names the key that made it`)
    const recreate = createOperation(op)
    if (recreate) {
      const body = { ...(await fixtures.validBody(recreate)), id: item.id, ...(typeof item.body?.slug === 'string' ? { slug: `${String(item.body.slug)}-again` } : {}) }
      const res = await check(t, recreate, { method: 'POST', path: {}, query: [], headers: fixtures.baseHeaders(recreate), body: JSON.stringify(body) }, 'the id of a deleted record')
      t.ok(res.status < 500, `${recreate.operationId}: creating a record with a deleted record's id is answered as documented (${res.status})`)
    }
  } else {
    const again = await check(t, op, { method: 'DELETE', path: { id: item.id }, query: [], headers }, 'deleted already')
    t.ok(successStatuses(op).includes(again.status) || again.status === 410 || again.status === 404, `${op.operationId}: deleting it again is answered as documented, got ${again.status}`)
    const list = find('GET', collectionOf(op))
    if (list) {
      const res = await check(t, list, { method: 'GET', path: {}, query: [], headers: { ...authorize(list, keys) } }, 'after the delete')
      const listed = res.body?.data?.find((k: any) => k.id === item.id)
      t.ok(listed && listed.revoked_at !== null, `${list.operationId}: the revoked item is still listed, revoked (revoked_at ${listed?.revoked_at})`)
    }
    if (typeof item.body?.key === 'string') {
      const target = operations.find((o) => isSecured(o) && item.body.scopes?.includes(requiredScope(o)))
      if (target) {
        const base = await baseRequest(target)
        const res = await check(t, target, { ...base, headers: { ...base.headers, authorization: `Bearer ${String(item.body.key)}` } }, 'with the revoked key')
        t.equal(res.status, 401, `${op.operationId}: a revoked key is refused with 401 by ${target.operationId}, got ${res.status}`)
      }
    }
  }
}

/** The path (as keys) of the first string in `value` that looks like a reference to a record (`src_…`), the record's own id aside. */
function findReference (value: unknown, prefixes: string[], path: string[] = []): string[] | undefined {
  if (typeof value === 'string') {
    return path.length > 1 || (path.length === 1 && path[0] !== 'id')
      ? (prefixes.some((p) => value.startsWith(`${p}_`)) ? path : undefined)
      : undefined
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findReference(v, prefixes, [...path, k])
      if (found) return found
    }
  }
  return undefined
}
const getAt = (value: any, path: string[]) => path.reduce((v, k) => v?.[k], value)
const setAt = (value: any, path: string[], to: unknown) => { getAt(value, path.slice(0, -1))[path.at(-1)!] = to }

async function securityTests (t: Test, op: Operation) {
  const lacking = keyLackingScope(op, keys)
  const variants: Array<[string, string | undefined, number]> = [
    ['no Authorization header', undefined, 401],
    ['an empty Authorization header', '', 401],
    ['Basic credentials', 'Basic dXNlcjpwYXNz', 401],
    ['Bearer and no key', 'Bearer', 401],
    ['Bearer and garbage', 'Bearer not-a-key', 401],
    ['Bearer and a key with a space in it', `Bearer ${keys.unknown.slice(0, 10)} ${keys.unknown.slice(10)}`, 401],
    ['a well-formed key never issued', `Bearer ${keys.unknown}`, 401],
    ['a revoked key', `Bearer ${keys.revoked}`, 401],
    ...(lacking ? [['a valid key without the scope', `Bearer ${lacking}`, 403] as [string, string, number]] : [])
  ]
  for (const [label, authorization, expected] of variants) {
    const base = await baseRequest(op)
    const headers = { ...base.headers }
    delete headers.authorization
    if (authorization !== undefined) headers.authorization = authorization
    const res = await check(t, op, { ...base, headers }, label)
    const code = expected === 401 ? 'unauthorized' : 'forbidden'
    t.ok(res.status === expected && res.body?.code === code, `${op.operationId}: ${label} is a ${expected} ${code} problem, got ${res.status} ${res.body?.code ?? ''}`)
    const challenge = header(res, 'www-authenticate')
    t.ok(challenge && /^Bearer\b/.test(challenge) && (expected !== 403 || challenge.includes(`scope="${requiredScope(op)}"`)),
      `${op.operationId}: the ${expected} carries WWW-Authenticate: Bearer${expected === 403 ? ` with scope="${requiredScope(op)}"` : ''} (got ${challenge})`)
    if (expected === 403 && isRecordCollection(op) && op.method === 'POST' && base.body) {
      const id = String(jsonOf(base.body)?.id)
      const absent = await read(t, itemOperation(op)!, { id }, 'after a 403')
      t.equal(absent.status, 404, `${op.operationId}: a refused key changed nothing`)
    }
  }
  const base = await baseRequest(op)
  const own = String(base.headers?.authorization ?? '')
  const lower = await check(t, op, { ...base, headers: { ...base.headers, authorization: own.replace(/^Bearer/, 'bearer') } }, 'scheme in lower case')
  t.ok(successStatuses(op).includes(lower.status), `${op.operationId}: the auth scheme is case-insensitive (bearer <key>), got ${lower.status}`)
}

async function hostileBodyTests (t: Test, op: Operation) {
  const count = hostileBodies(op, jsonOf((await fixtures.request(op)).body) ?? {}).length
  for (let i = 0; i < count; i++) {
    // Each case is built on a fresh valid request (a fresh id, the current ETag), so it conflicts with nothing.
    const base = await fixtures.request(op)
    const c = hostileBodies(op, jsonOf(base.body) ?? {})[i]!
    const headers = { ...base.headers }
    const contentType = c.contentType === undefined ? bodyMediaType(op)! : c.contentType
    if (contentType === null) delete headers['content-type']
    else headers['content-type'] = contentType
    const res = await check(t, op, { ...base, headers, body: c.body }, `body: ${c.label}`)
    const oracle = bodyOracle(op, contentType, c.body)
    // As with parameters, a body the document accepts may still be refused on meaning by a 400 that names the field.
    const refusedOnMeaning = oracle.accepted && res.status === 400 && namesParameter2(res.body, undefined, 'body')
    if (refusedOnMeaning) t.comment(`${op.operationId}: body ${c.label} is valid per the document but refused: ${JSON.stringify(res.body?.errors)}`)
    t.ok(oracle.statuses.includes(res.status) || refusedOnMeaning, `${op.operationId}: body ${c.label}: ${oracle.reason} -> expected ${oracle.statuses.join('/')}${oracle.accepted ? ' (or a 400 naming a body field)' : ''}, got ${res.status} ${res.body?.code ?? ''} ${String(res.body?.detail ?? '').slice(0, 120)}`)
  }
}

async function ifMatchTests (t: Test, op: Operation) {
  const cases: Array<[string, (etag: string) => string | string[] | undefined, number[]]> = [
    ['missing', () => undefined, [428]],
    ['empty', () => '', [428, 400]],
    ['garbage', () => 'garbage', [400]],
    ['*', () => '*', [400]],
    ['weak', (e) => `W/${e}`, [400]],
    ['unquoted', (e) => e.replace(/"/g, ''), [400]],
    ['the ETag twice (two headers)', (e) => [e, e], [400]],
    ['a list of two', (e) => `${e}, ${e}`, [400]],
    ['version 0', () => '"0"', [400]],
    ['an exponent', () => '"1e3"', [400]],
    ['20 digits', () => '"99999999999999999999"', [400]],
    ['a version ahead', (e) => `"${Number(/^"(\d+)/.exec(e)?.[1] ?? 1) + 1}"`, [412]],
    ['a far future version', () => '"999999999"', [412]],
    ['the version alone', (e) => `"${/^"(\d+)/.exec(e)?.[1] ?? 1}"`, successStatuses(op)]
  ]
  for (const [label, make, expected] of cases) {
    const base = await fixtures.request(op)
    const headers: Record<string, string | string[]> = { ...base.headers }
    const value = make(String(base.headers?.['if-match'] ?? '"1"'))
    delete headers['if-match']
    if (value !== undefined) headers['if-match'] = value
    const res = await check(t, op, { ...base, headers }, `If-Match: ${label}`)
    const named = res.status !== 400 || namesParameter(res.body, 'if-match', 'header')
    t.ok(expected.includes(res.status) && named, `${op.operationId}: If-Match ${label} -> expected ${expected.join('/')}${expected.includes(400) ? ' (a 400 naming if-match)' : ''}, got ${res.status} ${res.body?.code ?? ''}`)
    if (res.status === 412 && res.body && 'current_version' in res.body) {
      t.equal(typeof res.body.current_version, 'number', `${op.operationId}: the 412 says which version is current`)
    }
  }
}

async function inUseTest (t: Test) {
  const templates = await Promise.all(recordCollections.map(async (c) => fixtures.template(c)))
  for (const collection of recordCollections) {
    const del = find('DELETE', `${collection}/{id}`)
    const recordOp = find('GET', `${collection}/{id}/record`)
    if (!del || !recordOp) continue
    // A reference is an id with the collection's prefix (`src_…`), or a known id or slug (actors are named by slug).
    const known = new Set(pathValues.get(`${recordOp.operationId}:id`) ?? [])
    const prefix = `${String((await fixtures.template(collection)).id).split('_')[0]}_`
    const referenced = templates.flatMap((tpl) => strings(tpl).filter((s) => s !== tpl.id && (known.has(s) || (s.startsWith(prefix) && /^[a-z0-9_]+$/.test(s)))))[0]
    if (!referenced) {
      t.comment(`${collection}: no template refers to one; nothing to try`)
      continue
    }
    const etag = await fixtures.currentTag(del, referenced)
    const res = await check(t, del, { method: 'DELETE', path: { id: referenced }, query: [], headers: { ...authorize(del, keys), 'if-match': etag ?? '"1"' } }, 'a record others refer to')
    t.equal(res.status, 409, `${del.operationId}: deleting ${referenced}, which other records refer to, is a 409, got ${res.status}`)
  }
}

function strings (value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

async function changeFeedTest (t: Test) {
  const feed = find('GET', '/v1/changes')
  if (!feed) return t.comment('the document has no change feed')
  const since = feed.parameters.find(isCursorParam)?.name ?? 'since'
  const changes: any[] = []
  let cursor: string | null = null
  let resume: string | undefined
  for (let pages = 0; pages < 1000; pages++) {
    const res = await check(t, feed, { method: 'GET', path: {}, query: [['limit', '500'], ...(cursor ? [[since, cursor] as [string, string]] : [])], headers: {} }, `page ${pages + 1}`)
    if (res.status !== 200) break
    changes.push(...res.body.data)
    resume = res.body.resume_cursor
    cursor = res.body.next_cursor
    if (cursor === null) break
  }
  const seqs = changes.map((c) => c.seq)
  t.ok(seqs.every((s, i) => i === 0 || s > seqs[i - 1]), `${feed.operationId}: seq strictly increases over ${changes.length} changes`)
  const byRecord = new Map<string, number[]>()
  for (const c of changes) byRecord.set(`${c.resource}/${c.id}`, [...(byRecord.get(`${c.resource}/${c.id}`) ?? []), c.version])
  const unordered = [...byRecord].filter(([, versions]) => !versions.every((v, i) => i === 0 || v > versions[i - 1]!))
  t.same(unordered, [], `${feed.operationId}: each record's versions increase along the feed`)
  const missing = fixtures.created.filter(({ collection, id }) => !changes.some((c) => `/v1/${c.resource}` === collection && c.id === id && c.operation === 'create'))
  t.same(missing, [], `${feed.operationId}: every record the test created has its create in the feed (${fixtures.created.length} records)`)

  if (resume) {
    const post = find('POST', recordCollections[0]!)!
    const created = await fixtures.create(post)
    const res = await check(t, feed, { method: 'GET', path: {}, query: [[since, resume]], headers: {} }, 'resume_cursor after one more write')
    t.same(res.body?.data?.map((c: any) => [c.id, c.operation, c.version]), [[created.id, 'create', 1]], `${feed.operationId}: resume_cursor gives exactly what changed after the last page`)
    t.ok(res.body?.data?.[0]?.seq > (seqs.at(-1) ?? 0), `${feed.operationId}: the new change is numbered after every earlier one`)
  }
}

/**
 * Cursors shaped like the real ones but carrying impossible values: a real next_cursor (base64url JSON, when it is
 * one) with each date-like key replaced by an impossible or out-of-range date, and each text key by NUL.
 */
async function forgedCursors (t: Test, op: Operation): Promise<Array<[string, UrlValue]>> {
  let cursor: unknown
  for (let i = 0; i < 10 && typeof cursor !== 'string'; i++) {
    const res = await check(t, op, { ...minimalRequest(op, i), query: [['limit', '1']] }, 'limit=1 for a real cursor')
    cursor = res.body?.next_cursor
  }
  if (typeof cursor !== 'string') return []
  let keys: unknown
  try {
    keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    return []
  }
  if (!Array.isArray(keys)) return []
  const forged: Array<[string, UrlValue]> = []
  const replace = (from: (v: unknown) => boolean, to: unknown) => b64(JSON.stringify(keys.map((v) => (from(v) ? to : v))))
  const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
  if (keys.some(isDate)) {
    forged.push(['real cursor with date 2021-13-45', replace(isDate, '2021-13-45')])
    forged.push(['real cursor with date 2021-02-30', replace(isDate, '2021-02-30')])
    forged.push(['real cursor with date 0000-01-01', replace(isDate, '0000-01-01')])
  }
  const isText = (v: unknown, i = 0) => typeof v === 'string' && !isDate(v) && i > 0
  forged.push(['real cursor with a 10,000-character key', b64(JSON.stringify(keys.map((v, i) => (isText(v, i) ? 'k'.repeat(10_000) : v))))])
  forged.push(['real cursor with a number key', b64(JSON.stringify(keys.map((v, i) => (i > 0 ? 12345 : v))))])
  forged.push(['real cursor with lone surrogates in a key', b64(JSON.stringify(keys.map((v, i) => (isText(v, i) ? '\udc00\udc00' : v))))])
  forged.push(['real cursor with an SQL key', b64(JSON.stringify(keys.map((v, i) => (isText(v, i) ? "x') OR 1=1 --" : v))))])
  return forged
}

