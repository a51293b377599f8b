/** The document's security: the bearerAuth scheme, security and 401/403 on every operation that needs a key, none on public ones. */
import t from 'tap'
import { buildApp } from '../../src/app.ts'

type Json = Record<string, any>

// Built from the code, without a database, as `npm run openapi` does.
const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] })
await app.ready()
t.teardown(() => app.close())
const document = app.swagger() as Json
const uiDocument = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as Json

const operations = Object.entries<Json>(document.paths).flatMap(([path, item]) =>
  Object.entries<Json>(item).map(([method, operation]) => ({ path, method, operation, id: String(operation.operationId) })))
const adminOperations = ['listKeys', 'createKey', 'getKey', 'revokeKey']

t.test('the bearerAuth scheme: http bearer, and a description that says how to get a key', async (t) => {
  const scheme = document.components?.securitySchemes?.bearerAuth
  t.match(scheme, { type: 'http', scheme: 'bearer' }, 'bearerAuth is an http bearer scheme')
  t.match(scheme.description, 'npm run key:create -- --name <name> --scope write', 'how to get a key')
  t.match(scheme.description, /Reads are public/, 'that reads need none')
  t.match(scheme.description, /ignored/, 'that an Authorization header on a read is ignored')
  t.match(scheme.description, /Neither implies the other/, 'how the scopes relate')
  t.same(document.security, [], 'no security for the document as a whole: reads are public')
  t.ok(document.tags.some((tag: Json) => tag.name === 'keys'), 'the keys tag is declared')
})

t.test('admin operations carry security and documented 401 and 403 problems with their own examples', async (t) => {
  for (const id of adminOperations) {
    const found = operations.find((o) => o.id === id)
    t.ok(found, `${id} is in the document`)
    if (!found) continue
    t.same(found.operation.security, [{ bearerAuth: [] }], `${id}: security bearerAuth`)
    t.same(found.operation.tags, ['keys'], `${id}: tag keys`)
  }
})

t.test('every secured operation documents 401 and 403, every other none of it', async (t) => {
  const secured = operations.filter((o) => o.operation.security !== undefined)
  t.ok(secured.length >= adminOperations.length, `${secured.length} secured operations`)
  for (const { id, path, operation } of secured) {
    t.same(operation.security, [{ bearerAuth: [] }], `${id}: bearerAuth`)
    for (const [status, code] of [['401', 'unauthorized'], ['403', 'forbidden']] as const) {
      const response = operation.responses[status]
      t.ok(response, `${id} documents ${status}`)
      const media = response?.content?.['application/problem+json']
      t.same(media?.schema, { $ref: '#/components/schemas/Problem' }, `${id} ${status}: a Problem`)
      const examples = Object.values<Json>(media?.examples ?? {})
      t.ok(examples.length > 0, `${id} ${status}: has examples`)
      for (const example of examples) {
        t.match(example.value, { status: Number(status), code, type: `/problems/${code}` }, `${id} ${status} example "${example.summary}"`)
        const pathExample = path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
          encodeURIComponent(String(operation.parameters.find((p: Json) => p.in === 'path' && p.name === name)?.example ?? `{${name}}`)))
        t.equal(example.value.instance, pathExample, `${id} ${status}: the example is of this path (${pathExample})`)
      }
      t.match(response?.headers?.['WWW-Authenticate']?.schema?.examples?.[0], /^Bearer realm="v1"/, `${id} ${status}: documents WWW-Authenticate`)
    }
  }
  for (const { id, method, operation } of operations.filter((o) => o.operation.security === undefined)) {
    t.equal(method, 'get', `${id}: only reads are public`)
    t.notOk(operation.responses['401'] || operation.responses['403'], `${id}: public, so no 401 or 403`)
  }
  for (const { id, method, operation } of operations.filter((o) => o.method === 'get' && !adminOperations.includes(o.id))) {
    t.equal(operation.security, undefined, `${id} (${method.toUpperCase()}): public, no security`)
  }
})

t.test('the key schemas are named components and never expose a hash', async (t) => {
  const schemas = document.components.schemas
  for (const name of ['KeyScope', 'ApiKey', 'ApiKeyList', 'NewApiKey', 'IssuedApiKey']) t.ok(schemas[name], `${name} is a component`)
  t.same(schemas.KeyScope.enum, ['write', 'admin'])
  t.equal(schemas.NewApiKey.additionalProperties, false, 'NewApiKey: additionalProperties false')
  t.same(Object.keys(schemas.ApiKey.properties).sort(), ['created_at', 'id', 'name', 'revoked_at', 'scopes'])
  t.notOk(JSON.stringify(schemas).includes('"hash"'), 'no schema has a hash property')
  const create = operations.find((o) => o.id === 'createKey')?.operation
  t.same(create?.requestBody?.content?.['application/json']?.schema, { $ref: '#/components/schemas/NewApiKey' }, 'createKey takes a NewApiKey')
  t.ok(create?.responses['201']?.headers?.Location, 'createKey documents Location')
})

t.test('the copy Swagger UI reads keeps the scheme and the security (the Authorize button)', async (t) => {
  t.match(uiDocument.components.securitySchemes.bearerAuth, { type: 'http', scheme: 'bearer' })
  t.same(uiDocument.paths['/v1/keys'].get.security, [{ bearerAuth: [] }])
})
