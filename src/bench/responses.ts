/**
 * A fixed list of GET requests formed from the data (the bench scenarios, each list with filters, items, nested
 * lists, pages 2 and 3 by cursor, two errors) and a fingerprint of each response: status, content type, length and
 * the SHA-256 of the body, to compare a service before and after a change byte for byte.
 */
import { createHash } from 'node:crypto'
import type postgres from 'postgres'
import { formScenarios, pickData, type Get } from './scenarios.ts'

export interface Fingerprint { status: number, contentType: string | null, length: number, sha256: string }

export type Fingerprints = Record<string, Fingerprint>

/** The requests, in a fixed order for the same data. */
export async function responseRequests (sql: postgres.Sql, get: Get): Promise<string[]> {
  const picks = await pickData(sql, get, { ids: 5 })
  const { scenarios } = await formScenarios(picks, get)
  const first = async <T extends Record<string, unknown>>(query: postgres.PendingQuery<T[]>) => (await query)[0]
  const source = await first(sql<Array<{ id: string }>>`
    select source_id as id from incident_reports group by 1 order by count(*) desc, 1 limit 1`)
  const statement = await first(sql<Array<{ id: string }>>`select id from statements order by id limit 1`)
  const tally = await first(sql<Array<{ id: string }>>`select id from tallies order by id limit 1`)
  const discussed = await first(sql<Array<{ id: string }>>`
    select incident_id as id from statement_incidents group by 1 order by count(*) desc, 1 limit 1`)
  const type = await first(sql<Array<{ type: string }>>`select type::text from incidents group by 1 order by count(*) desc, 1 limit 1`)

  const paths: string[] = []
  for (const s of scenarios) paths.push(...s.paths.slice(0, 5))
  const lists = ['/v1/incidents', '/v1/statements', '/v1/sources', '/v1/actors']
  if (type) lists.push(`/v1/incidents?type=${type.type}`)
  if (picks.province) {
    lists.push(`/v1/incidents?province=${picks.province}&start_date=${picks.year}-01-01&end_date=${picks.year}-12-31&date_match=within`)
  }
  if (picks.actor) lists.push(`/v1/incidents?claimed_by=${picks.actor}`, `/v1/incidents?attributed_to=${picks.actor}&include_branches=true`,
    `/v1/actors/${picks.actor}/incidents`)
  if (picks.speaker) lists.push(`/v1/statements?speaker=${picks.speaker}`, `/v1/actors/${picks.speaker}/statements`)
  if (source) lists.push(`/v1/sources/${encodeURIComponent(source.id)}/incidents`)
  if (discussed) lists.push(`/v1/incidents/${encodeURIComponent(discussed.id)}/statements`)
  lists.push('/v1/provinces', '/v1/tallies')
  for (const list of lists) {
    paths.push(list)
    // Pages 2 and 3, by the cursors the service hands out.
    let path = list
    for (let page = 2; page <= 3; page++) {
      const { status, body } = await get(path)
      if (status !== 200 || !body?.next_cursor) break
      path = `${list}${list.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(body.next_cursor)}`
      paths.push(path)
    }
  }
  if (picks.actor) paths.push(`/v1/actors/${picks.actor}`)
  if (picks.province) paths.push(`/v1/provinces/${picks.province}`)
  if (source) paths.push(`/v1/sources/${encodeURIComponent(source.id)}`)
  if (statement) paths.push(`/v1/statements/${encodeURIComponent(statement.id)}`)
  if (tally) paths.push(`/v1/tallies/${encodeURIComponent(tally.id)}`)
  paths.push('/v1/incidents/inc_no_such_incident', '/v1/incidents?limit=0')
  return [...new Set(paths)]
}

/**
 * Fetches each path in turn. The request id is fixed per request (problem bodies carry it) and the body is asked
 * for uncompressed, so the same service and data give the same bytes.
 */
export async function fingerprint (baseUrl: string, paths: string[]): Promise<Fingerprints> {
  const result: Fingerprints = {}
  for (const [i, path] of paths.entries()) {
    const response = await fetch(baseUrl + path, { headers: { 'x-request-id': `responses-${i}`, 'accept-encoding': 'identity' } })
    const body = Buffer.from(await response.arrayBuffer())
    result[path] = {
      status: response.status,
      contentType: response.headers.get('content-type'),
      length: body.length,
      sha256: createHash('sha256').update(body).digest('hex')
    }
  }
  return result
}

/** Differences between two sets of fingerprints, one line each; bodyDiffers counts those whose body or status differ. */
export function compare (before: Fingerprints, after: Fingerprints): { lines: string[], bodyDiffers: number } {
  const lines: string[] = []
  let bodyDiffers = 0
  for (const path of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[path]
    const b = after[path]
    if (!a || !b) {
      lines.push(`${a ? 'only before' : 'only after'}: ${path}`)
      bodyDiffers++
      continue
    }
    const changes: string[] = []
    if (a.status !== b.status) changes.push(`status ${a.status} → ${b.status}`)
    if (a.contentType !== b.contentType) changes.push(`content-type ${a.contentType} → ${b.contentType}`)
    if (a.sha256 !== b.sha256) changes.push(`body differs (${a.length} → ${b.length} bytes)`)
    if (a.status !== b.status || a.sha256 !== b.sha256) bodyDiffers++
    if (changes.length > 0) lines.push(`${path}: ${changes.join('; ')}`)
  }
  return { lines, bodyDiffers }
}
