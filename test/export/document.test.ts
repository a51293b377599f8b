/** The OpenAPI document describes the exports: the columns of each CSV, its media types with examples, `format` and 406. */
import t from 'tap'
import { buildApp } from '../../src/app.ts'
import { csvColumns } from '../../src/export/columns.ts'

type Json = Record<string, any>

// Built from the code, without a database, as `npm run openapi` does.
const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] })
await app.ready()
t.teardown(() => app.close())
const document = app.swagger() as Json
const schemas = document.components.schemas as Json

const exported: Record<string, { resource: keyof typeof csvColumns, geojson: boolean }> = {
  listIncidents: { resource: 'incidents', geojson: true },
  listActorIncidents: { resource: 'incidents', geojson: true },
  listSourceIncidents: { resource: 'incidents', geojson: true },
  listActors: { resource: 'actors', geojson: false },
  listStatements: { resource: 'statements', geojson: false },
  listActorStatements: { resource: 'statements', geojson: false },
  listIncidentStatements: { resource: 'statements', geojson: false },
  listSources: { resource: 'sources', geojson: false },
  listProvinces: { resource: 'provinces', geojson: false },
  listTallies: { resource: 'tallies', geojson: false },
  listChanges: { resource: 'changes', geojson: false }
}

const operations = Object.values<Json>(document.paths).flatMap((item) => Object.values<Json>(item))
const byId = (id: string) => operations.find((o) => o.operationId === id)!

t.test('each CSV documents its columns, in order, with their types', async (t) => {
  for (const [resource, component] of [['incidents', 'Incident'], ['actors', 'Actor'], ['statements', 'Statement'], ['sources', 'Source'], ['provinces', 'Province'], ['tallies', 'Tally'], ['changes', 'Change']] as const) {
    const names = csvColumns[resource].map((c) => c.name)
    t.same(Object.keys(schemas[`${component}Row`].properties), names, `${component}Row: the columns of the ${resource} CSV`)
    const table = schemas[`${component}Csv`].description as string
    for (const column of csvColumns[resource]) t.ok(table.includes(`| \`${column.name}\` | ${column.type} |`), `${component}Csv describes ${column.name} (${column.type})`)
    t.equal(schemas[`${component}Csv`].contentSchema.$ref, `#/components/schemas/${component}Row`)
    t.equal(schemas[`${component}Ndjson`].contentSchema.$ref, `#/components/schemas/${component}`, `${component}Ndjson: one ${component} per line`)
  }
})

t.test('every exported list offers its formats, with examples, a format parameter and a 406', async (t) => {
  for (const [id, { resource, geojson }] of Object.entries(exported)) {
    const operation = byId(id)
    const content = operation.responses['200'].content as Json
    const expected = ['application/json', 'text/csv', 'application/x-ndjson', ...(geojson ? ['application/geo+json'] : [])]
    t.same(Object.keys(content), expected, `${id}: 200 in ${expected.join(', ')}`)
    const csv = Object.values<Json>(content['text/csv'].examples)[0]!.value as string
    t.equal(csv.replace(/^\uFEFF/, '').split('\r\n')[0], csvColumns[resource].map((c) => c.name).join(','), `${id}: the CSV example's header is the columns`)
    const format = operation.parameters.find((p: Json) => p.name === 'format')
    t.same(format?.schema.enum, ['json', 'csv', 'ndjson', ...(geojson ? ['geojson'] : [])], `${id}: format takes json and its export formats`)
    t.equal(operation.responses['406']?.content['application/problem+json'].examples.not_acceptable.value.status, 406, `${id}: 406 documented with a problem example`)
    for (const name of ['Content-Disposition', 'Dataset-Citation', 'Vary']) t.ok(operation.responses['200'].headers[name], `${id}: 200 documents ${name}`)
  }
  // Not lists of the record: an operator's API keys, and one record's revisions (whole records as they were, in JSON).
  const notExported = (id: string) => id === 'listKeys' || id.endsWith('Revisions')
  const listed = operations.map((o) => o.operationId as string).filter((id) => id?.startsWith('list') && !notExported(id))
  t.same(listed.filter((id) => !(id in exported)), [], 'every list of the record is exported')
  const keys = byId('listKeys')
  t.notOk(keys.parameters?.some((p: Json) => p.name === 'format'), 'listKeys (an operator\'s own keys): not exported, no format parameter')
  t.same(Object.keys(keys.responses['200'].content), ['application/json'], 'listKeys: JSON only')
})
