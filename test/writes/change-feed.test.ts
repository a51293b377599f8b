/**
 * A replica kept in sync through the change feed alone. It loads the initial state from the feed (each change's
 * revision gives the record; a delete removes it), then follows the feed with resume_cursor while several workers
 * make hundreds of concurrent writes across kinds (creates, edits, deletes of incidents, sources and statements, and
 * contended edits of one seeded incident). Drained at the end, the replica equals the source of truth: every
 * record's /record, and the ids of every list, deletes included.
 *
 * The feed is numbered in commit order: the polling reader sees seq 1, 2, 3... with no gap at any poll (a change
 * committed later never takes a lower number than one already visible). On PostgreSQL the writers and the reader go
 * through a real listener, so transactions overlap on several pool connections.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { isDeepStrictEqual } from 'node:util'
import t from 'tap'
import { buildTestApp } from '../helper.ts'
import {
  changesFrom, injectClient, listIds, listenerClient, newIncident, newSource, newStatement, onPostgres, versionOf, writer,
  type Client, type Received, type Writer
} from './support.ts'

const kinds = ['sources', 'actors', 'statements', 'incidents', 'tallies'] as const
/** Workers and units of work per worker; a unit is 7 to 10 writes (fewer on PGlite, where writes queue one by one). */
const workers = onPostgres ? 6 : 3
const unitsPerWorker = onPostgres ? 6 : 3
const contended = 'inc_2021_09_jalalabad_blasts'

const { app, database } = await buildTestApp(t)
const inject = injectClient(app)
const client: Client = onPostgres ? await listenerClient(app) : inject
const keys: Writer[] = []
for (let w = 0; w < workers; w++) keys.push(await writer(database, `worker-${w}`))

interface Change { seq: number, resource: string, id: string, operation: string, version: number, revision_url: string }

/** Runs `each` over `items`, `width` at a time. */
async function inBatches<T> (items: T[], width: number, each: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(each))
}

/** A copy of every record, fed by the change feed and nothing else. */
class Replica {
  readonly records = new Map<string, { version: number, record: unknown }>()
  /** Every seq seen, in the order seen. */
  readonly seen: number[] = []
  /** Anything that breaks the feed's promises, with what was seen. */
  readonly problems: unknown[] = []
  polls = 0
  private cursor: string | null = null

  constructor (private readonly client: Client) {}

  get lastSeq (): number { return this.seen.at(-1) ?? 0 }

  /** Reads pages until the feed has nothing more right now; returns how many changes it applied. */
  async catchUp (): Promise<number> {
    let applied = 0
    for (;;) {
      const response = await this.client({ method: 'GET', url: `/v1/changes?limit=40${this.cursor ? `&since=${this.cursor}` : ''}` })
      this.polls++
      if (response.status !== 200) throw new Error(`GET /v1/changes: ${response.status} ${response.text}`)
      const page = response.json()
      let expected = this.lastSeq + 1
      // The page's revisions are fetched together, then applied one by one in feed order.
      const revisions = await Promise.all(page.data.map((change: Change) => this.client({ method: 'GET', url: change.revision_url })))
      for (const [n, change] of (page.data as Change[]).entries()) {
        if (change.seq !== expected) this.problems.push({ gap: { expected, found: change.seq, page: page.data.map((c: Change) => c.seq) } })
        expected = change.seq + 1
        this.apply(change, revisions[n]!)
        this.seen.push(change.seq)
        applied++
      }
      this.cursor = page.next_cursor ?? page.resume_cursor
      if (page.next_cursor === null) return applied
    }
  }

  private apply (change: Change, response: Received) {
    const key = `${change.resource}/${change.id}`
    const had = this.records.get(key)
    if (change.version !== (had?.version ?? 0) + 1) this.problems.push({ version: { change, had: had?.version ?? null } })
    if (response.status !== 200) {
      this.problems.push({ revision: { change, status: response.status } })
      return
    }
    const revision = response.json()
    if (revision.version !== change.version || revision.operation !== change.operation) this.problems.push({ revision: { change, found: [revision.version, revision.operation] } })
    if (change.operation === 'delete') this.records.delete(key)
    else this.records.set(key, { version: change.version, record: revision.record })
  }

  ids (kind: string): string[] {
    return [...this.records.keys()].filter((k) => k.startsWith(`${kind}/`)).map((k) => k.slice(kind.length + 1)).sort()
  }
}

/** What the workers did, to check the feed against. */
const made = { writes: 0, contendedWins: 0, deleted: [] as string[], failures: [] as unknown[] }

async function expect (status: number, response: { status: number, text: string }, what: string) {
  if (response.status !== status) {
    made.failures.push({ what, status: response.status, body: response.text.slice(0, 500) })
    throw new Error(`${what}: ${response.status}`)
  }
  made.writes++
}

/** One worker: units of create, edit, contended edit and (for some units) delete, each on its own records. */
async function work (w: number) {
  const auth = keys[w]!.auth
  const create = async (kind: string, body: { id: string }) => {
    const response = await client({ method: 'POST', url: `/v1/${kind}`, headers: auth, body })
    await expect(201, response, `create ${kind}/${body.id}`)
    return response.headers.etag!
  }
  const edit = async (kind: string, id: string, etag: string, body: unknown) => {
    const response = await client({ method: 'PATCH', url: `/v1/${kind}/${id}`, headers: { ...auth, 'if-match': etag }, body })
    await expect(200, response, `edit ${kind}/${id}`)
    return response.headers.etag!
  }
  const remove = async (kind: string, id: string, etag: string) => {
    const response = await client({ method: 'DELETE', url: `/v1/${kind}/${id}`, headers: { ...auth, 'if-match': etag } })
    await expect(204, response, `delete ${kind}/${id}`)
    made.deleted.push(`${kind}/${id}`)
  }
  /** Read, edit, and on 412 read again: every worker edits the one seeded incident, so most first tries lose. */
  const contend = async (tag: string) => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const current = await client({ method: 'GET', url: `/v1/incidents/${contended}/record` })
      const response = await client({ method: 'PATCH', url: `/v1/incidents/${contended}`, headers: { ...auth, 'if-match': current.headers.etag! }, body: { summary: `Contended edit ${tag}.` } })
      if (response.status === 412) continue
      await expect(200, response, `contended edit ${tag}`)
      made.contendedWins++
      return
    }
    throw new Error(`contended edit ${tag} never won`)
  }

  for (let u = 0; u < unitsPerWorker; u++) {
    const tag = `w${w}_u${u}`
    const [src, inc, stm] = [`src_feed_${tag}`, `inc_feed_${tag}`, `stm_feed_${tag}`]
    let s = await create('sources', newSource(src))
    let i = await create('incidents', newIncident(inc, src))
    let st = await create('statements', newStatement(stm, src, [inc]))
    i = await edit('incidents', inc, i, { title: `Edited ${tag}`, killed: { best: u, low: 0, high: u + 1 } })
    s = await edit('sources', src, s, { title: `Edited ${tag}`, cites: [{ source: 'src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country', context: 'Cited.' }] })
    st = await edit('statements', stm, st, { text: `Edited ${tag}.`, incident_ids: [] })
    await contend(tag)
    if ((w + u) % 3 === 0) {
      await remove('statements', stm, st)
      await remove('incidents', inc, i)
      await remove('sources', src, s)
    } else if ((w + u) % 3 === 1) {
      await remove('statements', stm, st)
    }
  }
}

const replica = new Replica(client)
/** Where the feed and the contended incident stood before the workers started. */
let initialSeq = 0
let contendedStart = 0

t.test('the replica loads the initial state from the feed', async (t) => {
  const applied = await replica.catchUp()
  t.ok(applied > 100, `the seeded dataset is in the feed (${applied} changes)`)
  t.same(replica.problems, [], 'seq 1, 2, 3... and each record\'s versions in order')
  t.ok(replica.records.has(`incidents/${contended}`), 'the contended incident is in the replica')
  initialSeq = replica.lastSeq
  contendedStart = replica.records.get(`incidents/${contended}`)?.version ?? 0
})

t.test('concurrent writes across kinds while a reader follows the feed', async (t) => {
  let writing = true
  const reader = (async () => {
    while (writing) {
      await replica.catchUp()
      // Give the writers room between polls (PGlite serves one query at a time); correctness does not depend on it.
      await sleep(10)
    }
  })()
  const results = await Promise.allSettled(Array.from({ length: workers }, (_, w) => work(w)))
  writing = false
  await reader
  await replica.catchUp()

  t.same(made.failures, [], 'every write answered as expected (201, 200, 204; 412 only for contended edits, retried)')
  t.same(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)), [], 'every worker finished')
  t.comment(`${made.writes} writes by ${workers} workers (${made.contendedWins} contended), ${replica.polls} feed reads`)
  t.ok(made.writes >= (onPostgres ? 250 : 60), `hundreds of writes on PostgreSQL, dozens on PGlite (${made.writes})`)
  t.same(replica.problems, [], 'the reader never saw a gap: seq strictly increasing by one at every poll, versions in order')
  t.equal(replica.lastSeq, initialSeq + made.writes, 'exactly one change per write')
})

t.test('drained, the replica equals the source of truth', async (t) => {
  t.equal(await replica.catchUp(), 0, 'nothing left in the feed')
  const { rows } = await changesFrom(inject)
  t.same(rows.map((c) => c.seq), Array.from({ length: rows.length }, (_, i) => i + 1), 'the whole feed is 1..n')
  t.same(replica.seen, rows.map((c) => c.seq), 'the reader saw every change, once, in order')

  for (const kind of kinds) {
    t.same((await listIds(inject, kind)).sort(), replica.ids(kind), `${kind}: the list and the replica hold the same ids`)
  }

  const mismatches: unknown[] = []
  await inBatches([...replica.records], 8, async ([key, { version, record }]) => {
    const response = await inject({ method: 'GET', url: `/v1/${key}/record` })
    if (response.status !== 200) {
      mismatches.push({ key, status: response.status })
      return
    }
    if (versionOf(response.headers.etag) !== version) mismatches.push({ key, version: { replica: version, api: versionOf(response.headers.etag) } })
    t.same(response.json(), record, `${key}: the replica's record is /record`)
  })
  t.same(mismatches, [], `every replica record reads at the replica's version (${replica.records.size} records)`)

  const stillThere = made.deleted.filter((key) => replica.records.has(key))
  t.same(stillThere, [], `the ${made.deleted.length} deleted records are out of the replica`)
  const notGone: unknown[] = []
  await inBatches(made.deleted, 8, async (key) => {
    const response = await inject({ method: 'GET', url: `/v1/${key}/record` })
    if (response.status !== 410) notGone.push({ key, status: response.status })
  })
  t.same(notGone, [], '... and answer 410')
  t.equal(replica.records.get(`incidents/${contended}`)?.version, contendedStart + made.contendedWins, 'the contended incident moved one version per winning edit')
})

// Records name actors by id, so renaming an actor's slug changes that actor alone: the records that name it, and a
// replica's copies of them, stay as they were and stay equal.
t.test('an actor\'s new slug reaches the replica\'s copies of the records that name it', async (t) => {
  const actor = await inject({ method: 'GET', url: '/v1/actors/islamic-state/record' })
  const renamed = await inject({ method: 'PATCH', url: `/v1/actors/${actor.json().id}`, headers: { ...keys[0]!.auth, 'if-match': actor.headers.etag! }, body: { slug: 'islamic-state-renamed' } })
  t.equal(renamed.status, 200, 'the slug changes')
  await replica.catchUp()
  const naming = [...replica.records].filter(([key, { record }]) => !key.startsWith('actors/') && JSON.stringify(record).includes(`"${actor.json().id}"`))
  t.ok(naming.length > 0, 'records name the actor (by its id)')
  const stale: string[] = []
  for (const [key, { record }] of naming) {
    const response = await inject({ method: 'GET', url: `/v1/${key}/record` })
    if (!isDeepStrictEqual(response.json(), record)) stale.push(key)
  }
  t.same(stale, [], 'the replica\'s copies equal /record: records name actors by id, so a slug change leaves them as they were')
})
