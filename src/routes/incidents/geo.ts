/** The `bbox` and `near` filters as conditions on an incident's coordinates (incidents without them never match). */
import { sql, type Placeholder, type SQL } from 'drizzle-orm'
import { incidents } from '../../db/schema.ts'
import type { BoundingBox, NearPoint } from '../../http/filters.ts'

/** A value of the query: a placeholder of a prepared statement, or a bound parameter. */
export type Bind = (name: string) => Placeholder | SQL

/** The mean Earth radius (IUGG), in kilometres. */
export const earthRadiusKm = 6371.0088
/** Kilometres per degree of latitude on that sphere. */
const kmPerDegree = (Math.PI * earthRadiusKm) / 180

/** Values `bboxCondition` and `nearCondition` bind by name. */
export function geoValues (bbox: BoundingBox | undefined, near: NearPoint | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  if (bbox) Object.assign(values, bbox)
  if (near) {
    const reach = near.radiusKm / kmPerDegree
    Object.assign(values, {
      nearLatitude: near.latitude,
      nearLongitude: near.longitude,
      nearKm: near.radiusKm,
      nearSouth: Math.max(-90, near.latitude - reach),
      nearNorth: Math.min(90, near.latitude + reach)
    })
  }
  return values
}

export function bboxCondition (v: Bind): SQL {
  return sql`${incidents.latitude} between ${v('south')}::float8 and ${v('north')}::float8 and ${incidents.longitude} between ${v('west')}::float8 and ${v('east')}::float8`
}

/**
 * Great-circle distance (haversine) at most the radius; the latitude band it implies comes first, as a cheap
 * prefilter. No longitude band: near a pole a circle spans every longitude.
 */
export function nearCondition (v: Bind): SQL {
  const lat = sql`${v('nearLatitude')}::float8`
  const lon = sql`${v('nearLongitude')}::float8`
  const haversine = sql`power(sin(radians(${incidents.latitude} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${incidents.latitude})) * power(sin(radians(${incidents.longitude} - ${lon}) / 2), 2)`
  return sql`${incidents.latitude} between ${v('nearSouth')}::float8 and ${v('nearNorth')}::float8 and ${sql.raw(String(2 * earthRadiusKm))} * asin(least(1, sqrt(${haversine}))) <= ${v('nearKm')}::float8`
}
