/** A page of incidents with its `total`: how many incidents the query matches, counted in SQL only when asked. */
import type { Database } from '../../db/client.ts'
import { countIncidents } from '../stats/queries.ts'
import { listIncidents, type IncidentQuery } from './queries.ts'

export async function listIncidentsWithTotal (db: Database, query: IncidentQuery, includeTotal: boolean | undefined) {
  const [page, total] = await Promise.all([listIncidents(db, query), includeTotal ? countIncidents(db, query) : null])
  return { ...page, total }
}
