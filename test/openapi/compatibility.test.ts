/** The /v1 contract: the generated spec may not remove or narrow anything the last release published, and the comparer catches each kind of break. */
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { findBreakingChanges, formatBreakingChanges, newestRelease } from '../../src/openapi/compatibility.ts'
import { generateOpenApi } from '../../src/openapi/generate.ts'

const releases = fileURLToPath(new URL('../../openapi/releases/', import.meta.url))
const releaseFile = newestRelease(await readdir(releases)) ?? 'missing'
const release = JSON.parse(await readFile(`${releases}${releaseFile}`, 'utf8'))

/** The breaking changes between the release and a copy of it changed by `mutate`. */
function changesAfter (mutate: (spec: any) => void): Array<{ path: string, message: string }> {
  const spec = structuredClone(release)
  mutate(spec)
  return findBreakingChanges(release, spec)
}

const schemas = (spec: any): any => spec.components.schemas
const listIncidents = (spec: any): any => spec.paths['/v1/incidents'].get
const parameter = (spec: any, name: string): any => listIncidents(spec).parameters.find((p: any) => p.name === name)

t.test('the generated spec breaks nothing published in the last release', async (t) => {
  t.not(releaseFile, 'missing', 'openapi/releases/ holds a released spec')
  const changes = findBreakingChanges(release, JSON.parse(await generateOpenApi()))
  t.same(changes, [], `breaking changes since ${releaseFile}:\n${formatBreakingChanges(changes)}`)
})

t.test('each kind of breaking change is reported where it happens', async (t) => {
  const cases: Array<[string, (spec: any) => void, string, RegExp]> = [
    ['a response property removed', (s) => { delete schemas(s).Incident.properties.killed },
      'components.schemas.Incident.properties.killed', /property removed/],
    ['an enum value removed', (s) => { schemas(s).ResponsibilityKind.enum = schemas(s).ResponsibilityKind.enum.filter((v: string) => v !== 'claimed') },
      'components.schemas.ResponsibilityKind', /"claimed" removed/],
    ['a query parameter removed', (s) => { listIncidents(s).parameters = listIncidents(s).parameters.filter((p: any) => p.name !== 'province') },
      'GET /v1/incidents > query parameter "province"', /parameter removed/],
    ['a parameter maximum lowered', (s) => { parameter(s, 'limit').schema.maximum = 100 },
      'GET /v1/incidents > query parameter "limit"', /maximum lowered from 500 to 100/],
    ['an optional parameter made required', (s) => { parameter(s, 'q').required = true },
      'GET /v1/incidents > query parameter "q"', /now required/],
    ['a response status removed', (s) => { delete s.paths['/v1/incidents/{id}'].get.responses['404'] },
      'GET /v1/incidents/{id} > response 404', /status removed/],
    ['a component renamed', (s) => {
      schemas(s).IncidentSummary = schemas(s).Incident
      delete schemas(s).Incident
      Object.assign(s, JSON.parse(JSON.stringify(s).replaceAll('"#/components/schemas/Incident"', '"#/components/schemas/IncidentSummary"')))
    }, 'components.schemas.Incident', /removed or renamed/],
    ['a property made nullable', (s) => { schemas(s).Incident.properties.title = { anyOf: [{ type: 'null' }, { type: 'string' }] } },
      'components.schemas.Incident.properties.title', /may now be null/],
    ['a property no longer required', (s) => { schemas(s).Incident.required = schemas(s).Incident.required.filter((n: string) => n !== 'occurred_on') },
      'components.schemas.Incident.properties.occurred_on', /no longer required/],
    ['a response property type changed', (s) => { schemas(s).Incident.properties.id.type = 'integer' },
      'components.schemas.Incident.properties.id', /type changed from string to integer/],
    ['a parameter pattern changed', (s) => { parameter(s, 'cursor').schema.pattern = '^[a-z]+$' },
      'GET /v1/incidents > query parameter "cursor"', /pattern changed/],
    ['an operation removed', (s) => { delete s.paths['/v1/provinces/{code}'] },
      'GET /v1/provinces/{code}', /operation removed/],
    ['an operationId changed', (s) => { listIncidents(s).operationId = 'searchIncidents' },
      'GET /v1/incidents', /operationId changed from listIncidents to searchIncidents/],
    ['a content type removed', (s) => {
      const response = s.paths['/v1/incidents/{id}'].get.responses['404']
      response.content = { 'application/json': response.content['application/problem+json'] }
    }, 'GET /v1/incidents/{id} > response 404 > application/problem+json', /content type removed/]
  ]
  for (const [name, mutate, path, message] of cases) {
    const changes = changesAfter(mutate)
    t.ok(changes.some((c) => c.path === path && message.test(c.message)), `${name}: reported at ${path}`, { changes })
  }
  t.equal(changesAfter(cases[6]![1]).length, 1, 'a renamed component is reported once, its contents compared under the new name')
})

t.test('additions are not reported', async (t) => {
  const changes = changesAfter((s) => {
    listIncidents(s).parameters.push({ in: 'query', name: 'severity', required: false, schema: { type: 'string' } })
    schemas(s).Incident.properties.severity = { type: 'string' }
    schemas(s).Incident.required.push('severity')
    schemas(s).ResponsibilityKind.enum.push('disputed')
    schemas(s).Severity = { type: 'string', enum: ['low', 'high'] }
    s.paths['/v1/incidents/{id}/sources'] = { get: { operationId: 'listIncidentSources', responses: { 200: { description: 'Sources.' } } } }
    listIncidents(s).responses['429'] = { description: 'Too many requests.' }
    parameter(s, 'limit').schema.maximum = 1000
  })
  t.same(changes, [], formatBreakingChanges(changes))
})

t.test('an enum parameter that becomes a list pattern widens only if every old value still matches', async (t) => {
  const toPattern = (values: string[]) => (s: any) => {
    const schema = parameter(s, 'type').schema
    delete schema.enum
    schema.pattern = `^(${values.join('|')})(,(${values.join('|')}))*$`
  }
  const old: string[] = parameter(release, 'type').schema.enum
  t.ok(old.length > 1, 'the released `type` is an enum')
  t.same(changesAfter(toPattern([...old, 'raid'])), [], 'every released value still accepted, and more')
  t.match(changesAfter(toPattern(old.slice(1))), [{ path: 'GET /v1/incidents > query parameter "type"', message: /pattern added/ }],
    'a released value no longer accepted is a break')
})

t.test('recursive schemas are compared without looping', async (t) => {
  const tree = (children: object): object => ({
    openapi: '3.1.0',
    paths: { '/tree': { get: { responses: { 200: { description: 'A tree.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } } } } },
    components: { schemas: { Node: { type: 'object', required: ['children'], properties: { children: children } } } }
  })
  const before = tree({ type: 'array', items: { anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/Node' }] } })
  const after = tree({ type: 'array', items: { anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/Node' }] } })
  t.same(findBreakingChanges(before, after), [])
  t.same(findBreakingChanges(before, tree({ type: 'array', items: { type: 'string' } })), [
    { path: 'components.schemas.Node.properties.children.items', message: 'type changed from object to string' }
  ])
})

t.test('the newest release is chosen by semantic version, and the report is readable', async (t) => {
  t.equal(newestRelease(['v1.2.0.json', 'v1.10.0.json', 'v1.9.3.json', 'README.md']), 'v1.10.0.json')
  t.equal(newestRelease([]), undefined)
  t.equal(formatBreakingChanges([]), 'No breaking changes.')
  t.equal(formatBreakingChanges([{ path: 'GET /v1/x', message: 'operation removed' }]), '1 breaking change:\n  - GET /v1/x: operation removed')
})
