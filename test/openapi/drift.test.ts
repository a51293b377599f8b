/** The committed contract is what the code generates: a change to a route schema must come with openapi/openapi.json. */
import { readFile } from 'node:fs/promises'
import t from 'tap'
import { buildApp } from '../../src/app.ts'
import { generateOpenApi } from '../../src/openapi/generate.ts'

t.test('openapi/openapi.json matches the document generated from the route schemas', async (t) => {
  const committed = await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')
  const generated = await generateOpenApi()
  t.equal(committed, generated, 'run `npm run openapi` and commit openapi/openapi.json')
  const spec = JSON.parse(generated)
  t.equal(spec.openapi, '3.1.0')
  t.ok(Object.keys(spec.components.schemas).includes('Incident'), 'shared objects are named components')
  t.notOk(JSON.stringify(spec).includes('def-'), 'no anonymous def-N components')
})

t.test('/openapi.json serves the same document', async (t) => {
  const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] })
  t.teardown(() => app.close())
  const res = await app.inject('/openapi.json')
  t.equal(res.statusCode, 200)
  t.same(res.json(), JSON.parse(await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')))
  const docs = await app.inject('/docs/')
  t.equal(docs.statusCode, 200)
  t.match(docs.headers['content-type'], /text\/html/)
})
