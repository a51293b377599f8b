/**
 * No lost updates: dozens of clients edit one incident at once, each from the same ETag. In every round exactly one
 * edit wins (200) and every other one is refused (412 with the new version), never a 500 and never two winners; the
 * record ends as the winning edits applied in order, and its history holds exactly those edits.
 *
 * On PostgreSQL the rounds run twice: through app.inject and through a real listener, so that the requests really
 * race on several pool connections. On PGlite the embedded database serves one request at a time; the same
 * properties hold.
 */
import t, { type Test } from 'tap'
import { buildTestApp } from '../helper.ts'
import {
  changesFrom, fieldChanges, injectClient, listenerClient, onPostgres, revisionsOf, statusCounts, versionOf, writer,
  type Client, type Writer
} from './support.ts'

const target = 'inc_2021_09_jalalabad_blasts'
const url = `/v1/incidents/${target}`
/** Clients per round and rounds per way of sending (smaller on PGlite, where each request waits for the last). */
const clients = onPostgres ? 40 : 24
const rounds = onPostgres ? 4 : 3

const { app, database } = await buildTestApp(t)
const writers: Writer[] = []
for (let i = 0; i < 4; i++) writers.push(await writer(database, `racer-${i}`))

interface Win { label: string, value: string, keyId: string, version: number }
const wins: Win[] = []

const inject = injectClient(app)
const initial = await inject({ method: 'GET', url: `${url}/record` })
const initialRecord = initial.json()
const initialVersion = versionOf(initial.headers.etag)

/** One round: every client reads the record's ETag once; when all have read, all PATCH at once with what they read. */
async function round (t: Test, client: Client, label: string): Promise<void> {
  const reads = await Promise.all(Array.from({ length: clients }, () => client({ method: 'GET', url: `${url}/record` })))
  t.same(statusCounts(reads), { 200: clients }, `${label}: every client reads the record`)
  const etags = new Set(reads.map((r) => r.headers.etag))
  t.equal(etags.size, 1, `${label}: all read the same ETag`)
  const version = versionOf(reads[0]!.headers.etag)

  const attempts = Array.from({ length: clients }, (_, n) => ({ value: `edit ${label} client ${n}`, writer: writers[n % writers.length]!, etag: reads[n]!.headers.etag! }))
  const responses = await Promise.all(attempts.map((a) => client({
    method: 'PATCH',
    url,
    headers: { ...a.writer.auth, 'if-match': a.etag },
    body: { title: a.value, summary: a.value }
  })))

  t.same(statusCounts(responses), { 200: 1, 412: clients - 1 }, `${label}: exactly one 200, every other 412`)
  const winners = responses.flatMap((r, n) => r.status === 200 ? [n] : [])
  for (const [n, response] of responses.entries()) {
    if (response.status !== 412) continue
    const problem = response.json()
    if (problem.code !== 'stale_version' || problem.current_version !== version + 1) {
      t.fail(`${label}: client ${n}'s 412 names the version the winner made`, { found: problem, wanted: { code: 'stale_version', current_version: version + 1 } })
    }
  }
  if (winners.length !== 1) return

  const n = winners[0]!
  const winner = responses[n]!
  const value = attempts[n]!.value
  t.equal(versionOf(winner.headers.etag), version + 1, `${label}: the winner's ETag carries the next version`)
  t.equal(winner.json().title, value, `${label}: the winner's response shows its edit`)
  wins.push({ label, value, keyId: attempts[n]!.writer.key.id, version: version + 1 })

  const after = await client({ method: 'GET', url: `${url}/record` })
  t.equal(versionOf(after.headers.etag), version + 1, `${label}: the version moved by exactly one`)
  t.match(after.json(), { title: value, summary: value }, `${label}: the record holds the winner's edit`)
}

t.test('rounds of conflicting PATCHes through app.inject', async (t) => {
  for (let r = 1; r <= rounds; r++) await round(t, inject, `inject round ${r}`)
})

t.test('rounds of conflicting PATCHes over a real listener', { skip: onPostgres ? false : 'PGlite serves one request at a time; app.inject covers it' }, async (t) => {
  const listener = await listenerClient(app)
  for (let r = 1; r <= rounds; r++) await round(t, listener, `listener round ${r}`)
})

t.test('the record is the winning edits applied in order, and its history holds exactly them', async (t) => {
  const expectedWins = onPostgres ? rounds * 2 : rounds
  t.equal(wins.length, expectedWins, 'one winner per round')
  const last = wins.at(-1)!

  const final = await inject({ method: 'GET', url: `${url}/record` })
  t.equal(versionOf(final.headers.etag), initialVersion + wins.length, 'one version per winning edit')
  t.same(final.json(), { ...initialRecord, title: last.value, summary: last.value }, 'nothing but title and summary changed, to the last winner\'s')

  const revisions = (await revisionsOf(inject, 'incidents', target)).filter((r) => r.version > initialVersion)
  t.same(revisions.map((r) => r.version), wins.map((w) => w.version), 'exactly one revision per winning edit, in order')
  let previous = { title: initialRecord.title, summary: initialRecord.summary }
  for (const [i, win] of wins.entries()) {
    const revision = revisions[i]
    if (!revision) break
    t.equal(revision.operation, 'update', `${win.label}: an update`)
    t.equal(revision.key_id, win.keyId, `${win.label}: made with the winner's key`)
    t.same(fieldChanges(revision), {
      title: { before: previous.title, after: win.value },
      summary: { before: previous.summary, after: win.value }
    }, `${win.label}: changes name the fields the winner set, before and after`)
    t.match(revision.record, { title: win.value, summary: win.value }, `${win.label}: the revision's record is the winner's`)
    previous = { title: win.value, summary: win.value }
  }

  const { rows } = await changesFrom(inject)
  const ours = rows.filter((c) => c.resource === 'incidents' && c.id === target && c.version > initialVersion)
  t.same(ours.map((c) => [c.operation, c.version]), wins.map((w) => ['update', w.version]), 'the change feed has one update per winning edit, in order')
})
