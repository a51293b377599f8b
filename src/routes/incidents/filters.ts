/** Turns incident list parameters into a checked IncidentQuery (provinces, types and actors resolved). */
import type { Static, TObject } from '@sinclair/typebox'
import type { Database } from '../../db/client.ts'
import type { IncidentType } from '../../domain/vocabulary.ts'
import { checkDateRange, parseBbox, parseList, parseNear, parseProvinces } from '../../http/filters.ts'
import type { IncidentFilters } from '../../schemas/incidents.ts'
import { resolveActorFilters } from '../actors/queries.ts'
import type { IncidentQuery } from './queries.ts'

type IncidentParams = Static<TObject<typeof IncidentFilters>> & { actor?: string }

export async function toIncidentQuery (db: Database, params: IncidentParams): Promise<IncidentQuery> {
  const { province, claimed_by: claimedBy, attributed_to: attributedTo, actor, type, include_branches: branches, bbox, near, radius_km: radiusKm, ...rest } = params
  checkDateRange(rest)
  const provinceCodes = parseProvinces(province)
  const box = parseBbox(bbox)
  const point = parseNear(near, radiusKm)
  const types = parseList('type', type) as IncidentType[] | undefined
  const actors = await resolveActorFilters(db, { claimed_by: claimedBy, attributed_to: attributedTo, actor }, { branches: branches ?? false })
  return { ...rest, provinceCodes, types, claimedBy: actors.claimed_by, attributedTo: actors.attributed_to, actorIds: actors.actor, bbox: box, near: point }
}
