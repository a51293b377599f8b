/** GET /v1/sources/{id}/citation: every seeded source as a valid CSL-JSON item, ETag and 304, plain JSON on request, 404 and 410. */
import { Ajv2020 } from 'ajv/dist/2020.js'
import t from 'tap'
import { toCslItem } from '../../src/core/citation/csl.ts'
import { cslMediaType } from '../../src/routes/sources/citation-route.ts'
import { buildTestApp, getJson, walkPages } from '../helper.ts'
import { injectClient, newSource, writer } from '../writes/support.ts'

const { app, database } = await buildTestApp(t)
const document = app.swagger() as Record<string, any>
const ajv = new Ajv2020({ strict: false, allErrors: true })
ajv.addSchema({ ...document, $id: 'https://citation.test/openapi.json' })
const validate = ajv.compile({ $ref: 'https://citation.test/openapi.json#/components/schemas/CslItem' })

t.test('every source: 200, the CSL-JSON media type, an item valid against CslItem and equal to the mapping of the source', async (t) => {
  const { items: sources } = await walkPages(app, '/v1/sources?limit=500')
  t.ok(sources.length > 10, `${sources.length} sources`)
  for (const source of sources) {
    const response = await app.inject(`/v1/sources/${source.id}/citation`)
    t.equal(response.statusCode, 200, source.id)
    t.equal(response.headers['content-type'], `${cslMediaType}; charset=utf-8`, `${source.id}: ${cslMediaType}`)
    const item = response.json()
    t.ok(validate(item), `${source.id}: valid ${ajv.errorsText(validate.errors)}`)
    t.same(item, toCslItem(source), `${source.id}: the mapping of GET /v1/sources/{id}`)
    if (source.url === null) t.notOk('URL' in item, `${source.id}: no URL made up`)
  }
})

t.test('a seeded article, field by field', async (t) => {
  const { status, body } = await getJson(app, '/v1/sources/src_hasht_e_subh_2022_12_05_96_people_killed_iskp_attacks/citation')
  t.equal(status, 200)
  t.same(body, document.components.schemas.CslItem.examples[0], 'the documented example is this source')
  const { body: desk } = await getJson(app, '/v1/sources/src_2021_11_07_twin_blasts_rock_jalalabad/citation')
  t.same(desk.author, [{ literal: 'News Desk' }], 'a desk byline stays literal')
})

t.test('an ETag, 304 on revalidation, Vary: Accept; application/json for a client that asks for it alone', async (t) => {
  const url = '/v1/sources/src_2021_11_07_twin_blasts_rock_jalalabad/citation'
  const first = await app.inject(url)
  t.ok(first.headers.etag, 'an ETag')
  t.match(String(first.headers.vary), /\bAccept\b/)
  const again = await app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } })
  t.equal(again.statusCode, 304)
  t.equal(again.body, '')
  for (const [accept, type] of [['application/json', 'application/json'], [cslMediaType, cslMediaType], ['*/*', cslMediaType], [`application/json, ${cslMediaType}`, cslMediaType]]) {
    const response = await app.inject({ url, headers: { accept } })
    t.equal(response.headers['content-type'], `${type}; charset=utf-8`, `Accept: ${accept}`)
    t.equal(response.body, first.body, `Accept: ${accept}: the same item`)
  }
})

t.test('an unknown source is a 404, a deleted one a 410 pointing to its last revision, an unknown parameter a 400', async (t) => {
  const missing = await getJson(app, '/v1/sources/src_nothing_here/citation')
  t.equal(missing.status, 404)
  t.equal(missing.body.code, 'not_found')
  t.match(String(missing.headers['content-type']), /^application\/problem\+json/)

  const client = injectClient(app)
  const { auth } = await writer(database, 'citation test')
  const created = await client({ method: 'POST', url: '/v1/sources', headers: auth, body: newSource('src_citation_gone') })
  t.equal(created.status, 201)
  t.equal((await app.inject('/v1/sources/src_citation_gone/citation')).statusCode, 200)
  const removed = await client({ method: 'DELETE', url: '/v1/sources/src_citation_gone', headers: { ...auth, 'if-match': created.headers.etag! } })
  t.equal(removed.status, 204)
  const gone = await getJson(app, '/v1/sources/src_citation_gone/citation')
  t.equal(gone.status, 410)
  t.equal(gone.body.last_revision, '/v1/sources/src_citation_gone/revisions/2')

  t.equal((await app.inject('/v1/sources/src_2021_11_07_twin_blasts_rock_jalalabad/citation?style=apa')).statusCode, 400)
})
