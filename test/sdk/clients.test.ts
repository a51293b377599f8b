/** Generated SDKs work: both clients generate from the committed spec, type-check, keep its names and run against a live server. */
import { spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { generateClients } from '../../openapi/clients/generate.ts'
import { createKey } from '../../src/core/keys/index.ts'
import { buildTestApp } from '../helper.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Runs a command in the repository root and resolves with its exit code and combined output. */
function run (command: string, args: string[]): Promise<{ code: number | null, output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.on('error', reject)
    child.on('close', code => resolve({ code, output }))
  })
}

/**
 * The example modules import the generated code, so they load only after generation, by a specifier tsc does not
 * follow (the root `tsc --noEmit` covers test/ but not the generated folder).
 */
function load (file: string): Promise<any> {
  return import(new URL(`../../openapi/clients/${file}`, import.meta.url).href)
}

/** A live server on a free port over this file's own seeded database, and a key that may write. */
async function startServer (): Promise<{ url: string, key: string }> {
  const { app, database } = await buildTestApp(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { key } = await createKey(database.handle.db, { name: 'sdk example', scopes: ['write'] })
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, key }
}

// The slow steps overlap: the database starts while the clients generate, and tsc (as
// `npx tsc -p openapi/clients/tsconfig.json`, with the project's own tsc) runs in a child process meanwhile.
const server = startServer()
await generateClients({ quiet: true })
const typecheck = run(process.execPath, [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-p', 'openapi/clients/tsconfig.json'])
const { url: baseUrl, key: writeKey } = await server

/** Every incident in one request, as the reference the clients' answers are compared with. */
const everything = await (await fetch(`${baseUrl}/v1/incidents?limit=500`)).json() as { data: any[], next_cursor: string | null }

/** What `attributed_to=iskp` means: a claim by ISKP or an attribution to it. */
const isClaimedByIskp = (incident: any): boolean =>
  incident.responsibility.some((r: any) => (r.kind === 'claimed' || r.kind === 'attributed') && r.actor.slug === 'iskp')
const speaksFor = (statement: any, slug: string): boolean =>
  statement.speaker.slug === slug || statement.on_behalf_of?.slug === slug

t.test('both generated clients and the examples type-check (tsc -p openapi/clients/tsconfig.json)', async t => {
  const { code, output } = await typecheck
  t.equal(code, 0, 'tsc exits 0')
  if (code !== 0) t.comment(output)
})

t.test('generated types keep every component name and no field is unknown', async t => {
  const { checkGeneratedTypes } = await load('check-types.ts')
  t.same(checkGeneratedTypes(), [], 'check-types finds no problem')
})

t.test('openapi-fetch example (openapi/clients/example.ts) against a live server', async t => {
  const { runExample } = await load('example.ts')
  const lines: string[] = []
  const summary = await runExample(baseUrl, (line: string) => { lines.push(line) }, writeKey)

  t.equal(everything.next_cursor, null, 'the reference request holds every incident')
  const ids = everything.data.map(incident => incident.id)

  t.test('the filtered list holds exactly the Nangarhar incidents claimed by or attributed to ISKP in 2021', async t => {
    const { query, incidents } = summary.filtered
    t.same(query, { province: 'Nangarhar', attributed_to: 'iskp', start_date: '2021-01-01', end_date: '2021-12-31' })
    t.ok(incidents.length > 0, 'the dataset has such incidents')
    for (const incident of incidents) {
      t.equal(incident.province?.code, 'AF-NAN', `${incident.id} is in Nangarhar`)
      t.ok(isClaimedByIskp(incident), `${incident.id} is claimed by or attributed to iskp`)
      t.ok(incident.date_end >= '2021-01-01' && incident.date_start <= '2021-12-31', `${incident.id} is in 2021`)
    }
    const expected = everything.data
      .filter(i => i.province?.code === 'AF-NAN' && isClaimedByIskp(i) && i.date_end >= '2021-01-01' && i.date_start <= '2021-12-31')
      .map(i => i.id)
    t.same(incidents.map((i: any) => i.id), expected, 'no matching incident is left out')
  })

  t.test('walking every page of 5 sees every incident exactly once, in order', async t => {
    t.equal(summary.walk.limit, 5)
    t.equal(new Set(summary.walk.ids).size, summary.walk.ids.length, 'no incident twice')
    t.same(summary.walk.ids, ids, 'the same incidents as one limit=500 request')
    t.equal(summary.walk.count, ids.length)
    t.equal(summary.walk.pages, Math.max(1, Math.ceil(ids.length / 5)), 'pages of 5')
    t.ok(summary.walk.pages > 1, 'the walk crossed pages')
  })

  t.test('the fetched incident carries each source\'s own report', async t => {
    t.equal(summary.incident.id, summary.filtered.incidents[0]?.id, 'the first filtered incident')
    t.ok(summary.incident.reports.length > 0, 'it has reports')
    for (const report of summary.incident.reports) {
      t.match(report.source_id, /^\S+$/, 'each report names its source')
      for (const figures of [report.killed, report.wounded]) {
        t.ok(['best', 'low', 'high'].every(k => figures[k] === null || Number.isInteger(figures[k])), 'figures are counts or null')
      }
    }
    t.ok(lines.some(line => line.includes(summary.incident.title)), 'the output names the incident')
    t.ok(summary.incident.reports.every((r: any) => lines.some(line => line.includes(r.source_id))), 'the output names each source')
  })

  t.test('the statements are all by or on behalf of zabihullah-mujahid', async t => {
    t.equal(summary.statements.actor, 'zabihullah-mujahid')
    t.ok(summary.statements.statements.length > 0, 'there are statements')
    for (const statement of summary.statements.statements) {
      t.ok(speaksFor(statement, 'zabihullah-mujahid'), `${statement.id} is by or for zabihullah-mujahid`)
    }
  })

  t.test('an invalid request comes back as problem details', async t => {
    t.equal(summary.invalidRequest.status, 400)
    t.match(summary.invalidRequest.problem, { status: 400, code: 'invalid_parameter', errors: [{ in: 'query', name: 'start_date' }] })
    t.ok(lines.some(line => line.includes('invalid_parameter')), 'the output shows the problem')
  })

  t.test('with a key, the typed client creates, edits with If-Match and deletes a record', async t => {
    const writes = summary.writes
    t.ok(writes, 'the write steps ran')
    t.match(writes, {
      created: { status: 201, version: 1, location: `/v1/incidents/${writes.id}` },
      edited: { status: 200, title: 'Example copy, corrected', version: 2 },
      stale: { status: 412, code: 'stale_version' },
      deleted: { status: 204 },
      afterDelete: { status: 410, code: 'gone', lastRevision: `/v1/incidents/${writes.id}/revisions/3` }
    })
    t.match(writes.created.etag, /^"1-/, 'the ETag carries version 1')
    t.match(writes.edited.etag, /^"2-/, 'and then version 2')
    const revisions = await (await fetch(`${baseUrl}/v1/incidents/${writes.id}/revisions`)).json() as { data: Array<{ operation: string }> }
    t.same(revisions.data.map(r => r.operation), ['create', 'update', 'delete'], 'the history the server kept')
  })
})

t.test('@hey-api/openapi-ts SDK example (openapi/clients/hey-api-example.ts) against a live server', async t => {
  const { runHeyApiExample } = await load('hey-api-example.ts')
  const summary = await runHeyApiExample(baseUrl, () => {})

  t.ok(summary.filtered.length > 0, 'filtered incidents')
  for (const incident of summary.filtered) {
    t.equal(incident.province?.code, 'AF-NAN', `${incident.id} is in Nangarhar`)
    t.ok(isClaimedByIskp(incident), `${incident.id} is claimed by or attributed to iskp`)
    t.ok(incident.date_end >= '2021-01-01' && incident.date_start <= '2021-12-31', `${incident.id} is in 2021`)
  }
  t.same(summary.walkedIds, everything.data.map(incident => incident.id), 'walking pages sees every incident once')
  t.ok(summary.incident.reports.length > 0, 'the incident has reports')
  for (const report of summary.incident.reports) t.match(report.source.id, /^\S+$/, 'each report names its source')
  t.ok(summary.statements.length > 0, 'statements')
  for (const statement of summary.statements) t.ok(speaksFor(statement, 'zabihullah-mujahid'), `${statement.id} is by or for zabihullah-mujahid`)
  t.equal(summary.invalidRequest.status, 400)
  t.match(summary.invalidRequest.problem, { status: 400, code: 'invalid_parameter' })
})
