/** Example client: the same API through the SDK functions @hey-api/openapi-ts generates (listIncidents, getIncident, ...). */
// Run it against a server (generate the SDK first, see README.md):
//   node --import tsx openapi/clients/hey-api-example.ts http://localhost:3000
import { pathToFileURL } from 'node:url'
import { createClient, createConfig } from './generated/hey-api/client/index.ts'
import {
  getIncident,
  listActorStatements,
  listIncidents,
  type Incident,
  type IncidentReport,
  type Problem,
  type Statement
} from './generated/hey-api/index.ts'

export interface HeyApiSummary {
  /** Incidents in Nangarhar claimed by or attributed to ISKP in 2021 (first page). */
  filtered: Incident[]
  /** Every incident id, walking pages of 5. */
  walkedIds: string[]
  /** One incident's per-source reports. */
  incident: { id: string, reports: IncidentReport[] }
  /** Statements by or on behalf of zabihullah-mujahid (first page). */
  statements: Statement[]
  /** The problem details of a request with start_date after end_date. */
  invalidRequest: { status: number | undefined, problem: Problem }
}

/** Describes an SDK error: a Problem from the API, or whatever fetch threw. */
function describe (error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && 'detail' in error) {
    const problem = error as Problem
    return `HTTP ${problem.status} ${problem.code}: ${problem.detail}`
  }
  return error instanceof Error ? error.message : String(error)
}

/** Runs the SDK functions against the API at baseUrl and returns what they found. */
export async function runHeyApiExample (baseUrl: string, log: (line: string) => void = console.log): Promise<HeyApiSummary> {
  // One client per base URL, passed to each call; `throwOnError: true` makes a failed call throw its Problem
  // and types `data` as the success body.
  const client = createClient(createConfig({ baseUrl: baseUrl.replace(/\/+$/, '') }))

  const { data: filtered } = await listIncidents({
    client,
    throwOnError: true,
    query: { province: 'AF-NAN', attributed_to: 'iskp', start_date: '2021-01-01', end_date: '2021-12-31' }
  })
  log(`hey-api: ${filtered.data.length} Nangarhar incidents claimed by or attributed to ISKP in 2021`)

  const walkedIds: string[] = []
  let cursor: string | undefined
  do {
    const { data: page } = await listIncidents({ client, throwOnError: true, query: { limit: 5, cursor } })
    walkedIds.push(...page.data.map(incident => incident.id))
    cursor = page.next_cursor ?? undefined
  } while (cursor !== undefined)
  log(`hey-api: walked ${walkedIds.length} incidents`)

  const id = filtered.data[0]?.id ?? walkedIds[0]
  if (id === undefined) throw new Error('the API returned no incidents')
  const { data: detail } = await getIncident({ client, throwOnError: true, path: { id } })
  for (const report of detail.reports) {
    log(`hey-api: ${detail.id} per ${report.source.id}: killed ${report.killed.best ?? '?'}, wounded ${report.wounded.best ?? '?'}`)
  }

  const { data: statements } = await listActorStatements({ client, throwOnError: true, path: { id: 'zabihullah-mujahid' } })
  log(`hey-api: ${statements.data.length} statements by or for zabihullah-mujahid`)

  // Without throwOnError the call resolves to { data } or { error }, and `error` is typed as the Problem.
  const invalid = await listIncidents({ client, query: { start_date: '2022-01-01', end_date: '2021-01-01' } })
  if (invalid.error === undefined) throw new Error('expected a 400 for start_date after end_date')
  log(`hey-api: invalid request answered with ${describe(invalid.error)}`)

  return {
    filtered: filtered.data,
    walkedIds,
    incident: { id: detail.id, reports: detail.reports },
    statements: statements.data,
    invalidRequest: { status: invalid.response?.status, problem: invalid.error }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const baseUrl = process.argv[2] ?? process.env.API_URL ?? 'http://localhost:3000'
  try {
    await runHeyApiExample(baseUrl)
  } catch (error) {
    console.error(`hey-api example failed against ${baseUrl}: ${describe(error)}`)
    process.exitCode = 1
  }
}
