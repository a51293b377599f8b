/** Spec-driven contract test: every operation in openapi/openapi.json, sent valid and hostile requests, each response checked against the document. */
import t, { type Test } from 'tap'
import { buildTestApp } from '../helper.ts'
import {
  discoverPathValues, enumValues, exampleText, isListOperation, namesParameter, operations, parameterAccepts,
  parameterExamples, pathFor, resolveRef, schemaTypes, sendAndCheck, sent, validatorAt,
  type Operation, type Parameter, type RequestSpec, type UrlValue
} from './spec.ts'

const { app } = await buildTestApp(t)
const pathValues = await discoverPathValues(app)

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
  if (param.name === 'cursor') own.push(...hostileCursor)
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

const decoded = (value: UrlValue) => (typeof value === 'string' ? value : undefined)

function minimalRequest (op: Operation, index = 0): RequestSpec {
  return { path: pathFor(op, pathValues, index), query: [], headers: {} }
}

/** `base` with one parameter set (several values for a repeated query parameter). */
function withParam (base: RequestSpec, param: Parameter, values: UrlValue[]): RequestSpec {
  const next: RequestSpec = { path: { ...base.path }, query: (base.query ?? []).filter(([k]) => k !== param.name), headers: { ...base.headers } }
  if (param.in === 'query') for (const v of values) next.query!.push([param.name, v])
  if (param.in === 'path') next.path![param.name] = values[0]!
  if (param.in === 'header') next.headers![param.name] = String(decoded(values[0]!) ?? '')
  return next
}

/**
 * The oracle for a request that changes only `param`: a value the document rejects must be a 400 that names the
 * parameter; a value it accepts may still be refused on meaning (an unknown province or actor: a 400 that names the
 * parameter) or, in a path, be an unknown id (404); otherwise it is answered with 200.
 */
function checkOracle (t: Test, op: Operation, param: Parameter, accepts: boolean | undefined, result: Awaited<ReturnType<typeof sendAndCheck>>, label: string) {
  const { status, body, url } = result
  const where = `${op.operationId}: ${param.in} ${param.name} = ${label}`
  if (accepts === false) {
    t.ok(status === 400 && namesParameter(body, param.name, param.in),
      `${where} is invalid per the document -> expected 400 invalid_parameter naming ${param.in} "${param.name}", got ${status} ${body?.code ?? ''}`,
      { url: url.slice(0, 300), body })
  } else if (accepts === true) {
    const allowed = param.in === 'path' ? [200, 400, 404] : [200, 400]
    t.ok(allowed.includes(status) && (status !== 400 || namesParameter(body, param.name, param.in)),
      `${where} is valid per the document -> expected ${allowed.join('/')}${allowed.includes(400) ? ' (a 400 naming it)' : ''}, got ${status} ${body?.code ?? ''}`,
      { url: url.slice(0, 300), body })
  }
}

t.test('the document describes every operation fully', async (t) => {
  t.ok(operations.length > 0, `${operations.length} operations`)
  const withoutExamples: string[] = []
  for (const op of operations) {
    t.ok(op.operationId, `${op.method} ${op.path} has an operationId`)
    t.ok(op.responses['200']?.content?.['application/json']?.schema, `${op.operationId} documents a 200 application/json body`)
    for (const [status, response] of Object.entries(op.responses)) {
      if (Number(status) >= 400) {
        t.ok(response.content?.['application/problem+json']?.schema, `${op.operationId} ${status} is application/problem+json`)
      }
    }
    t.ok(op.responses['400'], `${op.operationId} documents 400`)
    if (op.parameters.some((p) => p.in === 'path')) t.ok(op.responses['404'], `${op.operationId} documents 404`)
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
})

for (const op of operations) {
  const isList = isListOperation(op)
  const pathParams = op.parameters.filter((p) => p.in === 'path')
  const optional = op.parameters.filter((p) => !p.required && p.in !== 'path')

  t.test(`${op.operationId}: ${op.method} ${op.path}`, async (t) => {
    t.test('valid requests', async (t) => {
      const minimal = await sendAndCheck(t, app, op, minimalRequest(op), 'minimal')
      t.equal(minimal.status, 200, `${op.operationId}: the minimal request with real path values is answered with 200`)

      for (const param of optional) {
        for (const example of parameterExamples(param)) {
          const res = await sendAndCheck(t, app, op, withParam(minimalRequest(op), param, [String(example)]), `${param.name} example`)
          t.equal(res.status, 200, `SPEC EXAMPLE ${op.operationId}: the documented example ${param.name}=${JSON.stringify(String(example)).slice(0, 70)} is accepted (200), got ${res.status} ${res.body?.detail ?? ''}`)
        }
      }

      // Every optional parameter at once (cursor aside: a cursor only means something when a page issued it).
      let together = minimalRequest(op)
      for (const param of optional) {
        const example = exampleText(param)
        if (param.name !== 'cursor' && example !== undefined) together = withParam(together, param, [example])
      }
      const all = await sendAndCheck(t, app, op, together, 'all optional parameters')
      t.equal(all.status, 200, `${op.operationId}: all documented examples together are accepted (200), got ${all.status} ${all.body?.detail ?? ''}`)

      const etag = minimal.response.headers.etag
      t.ok(typeof etag === 'string' && etag.length > 0, `${op.operationId}: 200 carries the documented ETag header`)
      if (typeof etag === 'string') {
        const revalidated = await sendAndCheck(t, app, op, { ...minimalRequest(op), headers: { 'if-none-match': etag } }, 'If-None-Match: its own ETag')
        t.equal(revalidated.status, 304, `${op.operationId}: revalidating with its own ETag gives 304`)
      }
    })

    if (isList && optional.some((p) => p.name === 'limit')) {
      t.test('pagination: next_cursor is followed once', async (t) => {
        const candidates = pathParams.length ? Math.min(10, Math.max(...pathParams.map((p) => pathValues.get(`${op.operationId}:${p.name}`)?.length ?? 1))) : 1
        let followed = false
        for (let i = 0; i < candidates && !followed; i++) {
          const base = minimalRequest(op, i)
          const first = await sendAndCheck(t, app, op, { ...base, query: [['limit', '1']] }, 'limit=1')
          if (first.status !== 200 || first.body?.next_cursor == null) continue
          const cursor: string = first.body.next_cursor
          const link = String(first.response.headers.link ?? '')
          const linked = link.split(/,\s*(?=<)/).map((part) => /^<([^>]+)>(.*)$/.exec(part.trim())).find((m) => m && /;\s*rel="?next"?/.test(m[2]!))?.[1]
          t.ok(linked, `${op.operationId}: a page with a next_cursor sends Link: <...>; rel="next" (got ${JSON.stringify(link)})`)
          t.equal(linked ? new URL(linked, 'http://x').searchParams.get('cursor') : null, cursor, `${op.operationId}: the Link URL carries next_cursor`)
          const second = await sendAndCheck(t, app, op, { ...base, query: [['limit', '1'], ['cursor', cursor]] }, 'next_cursor')
          t.equal(second.status, 200, `${op.operationId}: following next_cursor gives 200`)
          const ids = (page: any) => (page?.data ?? []).map((item: any) => item.id ?? item.code)
          t.ok(second.body?.data?.length === 1 && !ids(first.body).includes(ids(second.body)[0]),
            `${op.operationId}: the next page holds a different item (${ids(first.body)} then ${ids(second.body)})`)
          if (linked) {
            const viaLink = await sendAndCheck(t, app, op, new URL(linked, 'http://x').pathname + new URL(linked, 'http://x').search, 'Link rel=next')
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
          const res = await sendAndCheck(t, app, op, request, 'real id')
          t.equal(res.status, 200, `${op.operationId}: real ${JSON.stringify(request.path)} is found (200), got ${res.status}`)
          if (!isList && res.status === 200) {
            const [name, raw] = Object.entries(request.path!)[0]!
            const value = String(decoded(raw))
            const item = res.body ?? {}
            t.ok([item.id, item.slug, item.code, item.name].some((v) => typeof v === 'string' && v.toLowerCase() === value.toLowerCase()) ||
              (name === 'code' && typeof item.code === 'string'), `${op.operationId}: the item answered is the one asked for (${value})`)
          }
        }
        for (const param of pathParams) {
          for (const example of parameterExamples(param)) {
            const res = await sendAndCheck(t, app, op, { ...minimalRequest(op), path: { ...minimalRequest(op).path, [param.name]: String(example) } }, `${param.name} example`)
            t.equal(res.status, 200, `SPEC EXAMPLE ${op.operationId}: the documented example ${param.name}=${JSON.stringify(example)} names a record in the seeded data (200), got ${res.status}`)
          }
        }
        for (const unknown of ['does-not-exist', 'inc_1999_01_01_nowhere', 'ZZ-999']) {
          const path = Object.fromEntries(pathParams.map((p) => [p.name, unknown]))
          const res = await sendAndCheck(t, app, op, { path }, 'unknown id')
          t.ok(res.status === 404 && res.body?.code === 'not_found', `${op.operationId}: unknown ${unknown} is a 404 not_found problem, got ${res.status} ${res.body?.code ?? ''}`)
        }
      })
    }

    t.test('invalid and hostile requests', async (t) => {
      for (const param of op.parameters) {
        const values = hostileValuesFor(param)
        if (param.name === 'cursor') values.push(...await forgedCursors(t, op))
        for (const [label, value] of values) {
          const text = decoded(value)
          const accepts = text === undefined ? undefined : parameterAccepts(param, text)
          const res = await sendAndCheck(t, app, op, withParam(minimalRequest(op), param, [value]), `${param.name}: ${label}`)
          checkOracle(t, op, param, accepts, res, label)
        }
        if (param.in === 'query') {
          const example = exampleText(param) ?? 'a'
          const repeated = await sendAndCheck(t, app, op, withParam(minimalRequest(op), param, [example, example]), `${param.name} repeated`)
          checkOracle(t, op, param, parameterAccepts(param, [example, example]), repeated, 'repeated parameter')
          const twoValues = await sendAndCheck(t, app, op, withParam(minimalRequest(op), param, ['a', 'b']), `${param.name}=a&${param.name}=b`)
          checkOracle(t, op, param, parameterAccepts(param, ['a', 'b']), twoValues, `${param.name}=a&${param.name}=b`)
        }
      }

      for (const unknown of ['unknown_param', 'LIMIT', 'Province', 'sort', 'q[]', '__proto__', 'constructor']) {
        if (op.parameters.some((p) => p.in === 'query' && p.name === unknown)) continue
        const base = minimalRequest(op)
        const res = await sendAndCheck(t, app, op, { ...base, query: [[unknown, '1']] }, `unknown parameter ${unknown}`)
        t.ok(res.status === 400 && namesParameter(res.body, unknown, 'query'),
          `${op.operationId}: unknown query parameter "${unknown}" is a 400 naming it, got ${res.status} ${JSON.stringify(res.body?.errors ?? null)}`)
      }
    })
  })
}

/**
 * Cursors shaped like the real ones but carrying impossible values: a real next_cursor (base64url JSON, when it is
 * one) with each date-like key replaced by an impossible or out-of-range date, and each text key by NUL.
 */
async function forgedCursors (t: Test, op: Operation): Promise<Array<[string, UrlValue]>> {
  let cursor: unknown
  for (let i = 0; i < 10 && typeof cursor !== 'string'; i++) {
    const res = await sendAndCheck(t, app, op, { ...minimalRequest(op, i), query: [['limit', '1']] }, 'limit=1 for a real cursor')
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

t.test('requests sent', async (t) => {
  t.comment(`operations.test.ts sent ${sent.requests} requests over ${operations.length} operations`)
  t.pass(`${sent.requests} requests`)
})
