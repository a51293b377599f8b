/**
 * Shared by the write tests: one way to send requests (app.inject, or fetch over a real listener so requests race on
 * several pool connections), API keys, records to create, and readers of revisions and the change feed.
 */
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { createKey, type IssuedKey } from '../../src/core/keys/index.ts'
import type { TestDatabase } from '../helper.ts'

/** True when the tests run on a PostgreSQL server (DATABASE_URL), false on embedded PGlite. */
export const onPostgres = Boolean(process.env.DATABASE_URL)

export interface Sent {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  url: string
  headers?: Record<string, string>
  /** A JSON body: an object is serialized, a string is sent as it is. */
  body?: unknown
}

export interface Received {
  status: number
  /** Lower-case header names. */
  headers: Record<string, string>
  /** The body as bytes were sent, decoded as UTF-8. */
  text: string
  json: () => any
}

/** Sends one request; `via` says how (inject, or fetch over a listener). */
export type Client = ((request: Sent) => Promise<Received>) & { via: 'inject' | 'listener' }

function payloadOf (request: Sent): string | undefined {
  if (request.body === undefined) return undefined
  return typeof request.body === 'string' ? request.body : JSON.stringify(request.body)
}

function defaultHeaders (request: Sent): Record<string, string> {
  if (request.body === undefined) return {}
  return { 'content-type': request.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }
}

export function injectClient (app: FastifyInstance): Client {
  const send = async (request: Sent): Promise<Received> => {
    const response = await app.inject({
      method: request.method,
      url: request.url,
      headers: { ...defaultHeaders(request), ...request.headers },
      payload: payloadOf(request)
    })
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
    }
    const text = response.body
    return { status: response.statusCode, headers, text, json: () => JSON.parse(text) }
  }
  return Object.assign(send, { via: 'inject' as const })
}

/** Starts a real listener on a free port (closed with the app) and returns a client that fetches over it. */
export async function listenerClient (app: FastifyInstance): Promise<Client> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const base = `http://127.0.0.1:${port}`
  const send = async (request: Sent): Promise<Received> => {
    const response = await fetch(base + request.url, {
      method: request.method,
      headers: { ...defaultHeaders(request), ...request.headers },
      body: payloadOf(request)
    })
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => { headers[name.toLowerCase()] = value })
    const text = await response.text()
    return { status: response.status, headers, text, json: () => JSON.parse(text) }
  }
  return Object.assign(send, { via: 'listener' as const })
}

export interface Writer {
  key: IssuedKey
  /** `{ authorization: 'Bearer …' }` */
  auth: Record<string, string>
}

/** A new API key with the write scope. */
export async function writer (database: TestDatabase, name: string): Promise<Writer> {
  const key = await createKey(database.handle.db, { name, scopes: ['write'] })
  return { key, auth: { authorization: `Bearer ${key.key}` } }
}

/** The version an ETag `"<version>-<digest>"` carries. */
export function versionOf (etag: string | undefined): number {
  const match = /^"(\d+)-[A-Za-z0-9_-]*"$/.exec(etag ?? '')
  if (!match) throw new Error(`not a version ETag: ${String(etag)}`)
  return Number(match[1])
}

/** A source of the seeded dataset that incidents and statements made by the tests cite. */
export const seededSource = 'src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country'
/** A seeded actor that speaks in statements made by the tests. */
export const seededSpeaker = 'zabihullah-mujahid'

export function newSource (id: string, title = `Source ${id}`) {
  return { id, title, published_on: '2022-03-01', date_precision: 'day', language: 'en', kind: 'news_article' }
}

export function newIncident (id: string, source = seededSource, title = `Incident ${id}`) {
  return {
    id,
    title,
    occurred_on: '2022-03-01',
    date_precision: 'day',
    date_start: '2022-03-01',
    date_end: '2022-03-01',
    province: 'AF-KAB',
    type: 'bombing',
    summary: `Made by the write tests (${id}).`,
    killed: { best: 2, low: 1, high: 3 },
    reports: [{ source, excerpt: 'A blast was reported.' }]
  }
}

export function newStatement (id: string, source = seededSource, incidents: string[] = [], text = `Statement ${id}.`) {
  return {
    id,
    speaker: seededSpeaker,
    said_on: '2022-03-02',
    date_precision: 'day',
    kind: 'condemnation',
    text,
    text_kind: 'quote',
    incident_ids: incidents,
    source_ids: [source]
  }
}

export function newActor (id: string, slug: string) {
  return { id, slug, name: `Actor ${slug}`, kind: 'person', description: 'Made by the write tests.' }
}

export interface FieldChange { before: unknown, after: unknown }

/**
 * A revision's changes as `{ field: { before, after } }`, from either shape the API has used: `changes` keyed by
 * field, or `changed_fields` with `before` and `after` objects of those fields.
 */
export function fieldChanges (revision: any): Record<string, FieldChange> {
  if (revision.changes && typeof revision.changes === 'object') return revision.changes
  const out: Record<string, FieldChange> = {}
  for (const field of (revision.changed_fields ?? []) as string[]) {
    out[field] = { before: revision.before?.[field] ?? null, after: revision.after?.[field] ?? null }
  }
  return out
}

/** Every revision of a record, oldest first (following next_cursor). */
export async function revisionsOf (client: Client, kind: string, id: string): Promise<any[]> {
  const out: any[] = []
  let cursor: string | null = null
  for (let pages = 0; pages < 1000; pages++) {
    const response: Received = await client({ method: 'GET', url: `/v1/${kind}/${id}/revisions?limit=500${cursor ? `&cursor=${cursor}` : ''}` })
    if (response.status !== 200) throw new Error(`revisions of ${kind}/${id}: ${response.status} ${response.text}`)
    const body: any = response.json()
    out.push(...body.data)
    cursor = body.next_cursor
    if (cursor === null) return out
  }
  throw new Error('revisions do not end')
}

/** Every row of the change feed from the start (or after `since`), following next_cursor. */
export async function changesFrom (client: Client, since: string | null = null, limit = 500): Promise<{ rows: any[], resume: string }> {
  const rows: any[] = []
  let cursor = since
  for (let pages = 0; pages < 10_000; pages++) {
    const response = await client({ method: 'GET', url: `/v1/changes?limit=${limit}${cursor ? `&since=${cursor}` : ''}` })
    if (response.status !== 200) throw new Error(`changes: ${response.status} ${response.text}`)
    const body: any = response.json()
    rows.push(...body.data)
    if (body.next_cursor === null) return { rows, resume: body.resume_cursor }
    cursor = body.next_cursor
  }
  throw new Error('the change feed does not end')
}

/** Every id a list endpoint returns (largest pages, following next_cursor). */
export async function listIds (client: Client, kind: string, query = ''): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  for (let pages = 0; pages < 1000; pages++) {
    const response: Received = await client({ method: 'GET', url: `/v1/${kind}?limit=500${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}` })
    if (response.status !== 200) throw new Error(`list ${kind}: ${response.status} ${response.text}`)
    const body: any = response.json()
    ids.push(...body.data.map((r: { id: string }) => r.id))
    cursor = body.next_cursor
    if (cursor === null) return ids
  }
  throw new Error(`list ${kind} does not end`)
}

/** Counts of each status in a list of responses, for messages: `{ 200: 1, 412: 39 }`. */
export function statusCounts (responses: Received[]): Record<number, number> {
  const counts: Record<number, number> = {}
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1
  return counts
}
