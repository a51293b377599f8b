/** The document's examples: each error response shows a problem with its own status, and Try it out fills in one filter at most. */
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import t from 'tap'
import { buildApp } from '../../src/app.ts'

type Json = Record<string, any>

// Built from the code, without a database, as `npm run openapi` does (the committed file may lag behind).
const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] })
await app.ready()
t.teardown(() => app.close())
const document = app.swagger() as Json
const uiDocument = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as Json

const documentId = 'https://examples.test/openapi.json'
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema({ ...document, $id: documentId })
const validateProblem = ajv.compile({ $ref: `${documentId}#/components/schemas/Problem` })

interface Operation { id: string, operation: Json }

function operationsOf (doc: Json): Operation[] {
  return Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
    Object.entries<Json>(item).map(([method, operation]) => ({ id: operation.operationId ?? `${method} ${path}`, operation })))
}

const operations = operationsOf(document)

/** The examples shown for a media type: `example`, or each of `examples` by name. */
function mediaExamples (media: Json): Array<[string, unknown]> {
  if (media.example !== undefined) return [['example', media.example]]
  return Object.entries<Json>(media.examples ?? {}).map(([name, example]) => [name, example.value])
}

const expectedCode: Record<string, string> = { 400: 'invalid_parameter', 404: 'not_found', 500: 'internal_error' }

t.test('every error response shows a problem example with its own status, valid against Problem', async (t) => {
  t.ok(operations.length > 0, `${operations.length} operations`)
  for (const { id, operation } of operations) {
    for (const [status, response] of Object.entries<Json>(operation.responses)) {
      if (status === '304') {
        t.equal(response.content, undefined, `${id} 304 has no body`)
        continue
      }
      if (Number(status) < 400) continue
      const media = response.content?.['application/problem+json']
      t.ok(media, `${id} ${status} is application/problem+json`)
      const examples = mediaExamples(media ?? {})
      t.ok(examples.length > 0, `${id} ${status} has an example of its own`)
      for (const [name, value] of examples) {
        const body = value as Json
        const at = `${id} ${status} example "${name}"`
        t.equal(body.status, Number(status), `${at}: status ${status}`)
        t.ok(validateProblem(body), `${at} validates against Problem ${ajv.errorsText(validateProblem.errors)}`)
        if (expectedCode[status]) t.equal(body.code, expectedCode[status], `${at}: code ${expectedCode[status]}`)
        t.equal(body.type, `/problems/${body.code}`, `${at}: type names its code`)
        if (status === '400') t.ok(Array.isArray(body.errors) && body.errors.length > 0, `${at}: lists the invalid input in errors`)
      }
    }
  }
})

const key = (parameter: Json) => `${parameter.in}:${parameter.name}`
/** What Swagger UI's Try it out would fill in: the parameter's example(s), or its schema's example or default. */
const prefilled = (parameter: Json) =>
  parameter.example !== undefined || parameter.examples !== undefined ||
  parameter.schema?.example !== undefined || parameter.schema?.default !== undefined

/** The one filter each top-level list keeps filled in; nested lists and items fill in their path parameters only. */
const firstTry: Record<string, string> = {
  listIncidents: 'query:province',
  listActors: 'query:q',
  listStatements: 'query:speaker',
  listSources: 'query:publisher'
}
const neverPrefilled = new Set(['query:cursor', 'query:limit', 'query:start_date', 'query:end_date', 'header:if-none-match'])

t.test('Try it out (the copy Swagger UI reads) fills in only the parameter a first-time user tries', async (t) => {
  for (const { id, operation } of operationsOf(uiDocument)) {
    const parameters: Json[] = operation.parameters ?? []
    const filled = parameters.filter(prefilled).map(key)
    const path = parameters.filter((p) => p.in === 'path').map(key)
    const expected = path.length > 0 ? path : firstTry[id] ? [firstTry[id]] : []
    if (firstTry[id] || path.length > 0) t.same(filled.sort(), expected.sort(), `${id} fills in ${expected.join(', ') || 'nothing'}`)
    t.ok(filled.filter((k) => k.startsWith('query:') || k.startsWith('header:')).length <= 1, `${id} fills in one query parameter at most`)
    t.same(filled.filter((k) => neverPrefilled.has(k)), [], `${id} never fills in a cursor, limit, date or If-None-Match`)
  }
})

t.test('a parameter that is not filled in keeps its example in words and in its schema', async (t) => {
  for (const { id, operation } of operations) {
    for (const parameter of operation.parameters ?? []) {
      if (parameter.example !== undefined || parameter.examples !== undefined) continue
      const examples: unknown[] = parameter.schema?.examples ?? []
      t.ok(examples.length > 0 || parameter.schema?.enum, `${id} ${key(parameter)} still documents an example (schema examples) or its values`)
      for (const example of examples) {
        if (example === parameter.schema.default) continue
        const text = typeof example === 'string' ? example : JSON.stringify(example)
        t.ok(String(parameter.description).includes(`\`${text}\``), `${id} ${key(parameter)}: the description shows the example ${text}`)
      }
    }
  }
})

t.test('/openapi.json keeps defaults; the Swagger UI copy states them in words', async (t) => {
  const limit = (doc: Json) => (doc.paths['/v1/incidents'].get.parameters as Json[]).find((p) => p.name === 'limit') as Json
  t.equal(limit(document).schema.default, 50, 'the document: limit defaults to 50')
  t.equal(limit(uiDocument).schema.default, undefined, 'Swagger UI copy: no default to fill in')
  t.match(limit(uiDocument).description, 'Default: `50`.', 'Swagger UI copy: the default in words')
  t.equal(document.paths['/v1/incidents'].get.parameters.find((p: Json) => p.name === 'limit').schema.default, 50, 'the UI copy did not change the document')
})
