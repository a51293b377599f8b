/** Checks and conversions of list filters that a JSON schema alone cannot express. */
import { findProvince } from '../domain/provinces.ts'
import { invalidParameter } from './problem.ts'

/** A start after the end is a mistake to report, not an empty list. */
export function checkDateRange (query: { start_date?: string, end_date?: string }): void {
  if (query.start_date && query.end_date && query.start_date > query.end_date) {
    throw invalidParameter('start_date', `(${query.start_date}) must not be after end_date (${query.end_date})`)
  }
}

/** `Nangarhar,af-kab` -> ['AF-NAN', 'AF-KAB']; an unknown province is a 400 that names it. */
export function parseProvinces (value: string | undefined): string[] | undefined {
  const names = parseList('province', value)
  if (names === undefined) return undefined
  const codes = names.map((name) => {
    const province = findProvince(name)
    if (!province) throw invalidParameter('province', `"${name}" is not a province of Afghanistan; use an ISO 3166-2:AF code or a name from /v1/provinces`)
    return province.code
  })
  return [...new Set(codes)]
}

/** A comma-separated list of names; naming none ("," or spaces) is a 400, not an empty result. */
export function parseList (name: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  const items = [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))]
  if (items.length === 0) throw invalidParameter(name, 'must name at least one value')
  return items
}

export interface BoundingBox { west: number, south: number, east: number, north: number }
export interface NearPoint { latitude: number, longitude: number, radiusKm: number }

const checkLatitude = (name: string, value: number, label: string) => {
  if (value < -90 || value > 90) throw invalidParameter(name, `${label} ${value} is not a latitude: it must lie between -90 and 90`)
}
const checkLongitude = (name: string, value: number, label: string) => {
  if (value < -180 || value > 180) throw invalidParameter(name, `${label} ${value} is not a longitude: it must lie between -180 and 180`)
}

/** `west,south,east,north` (the schema checks the form); edges out of range or crossed are a 400. */
export function parseBbox (value: string | undefined): BoundingBox | undefined {
  if (value === undefined) return undefined
  const [west, south, east, north] = value.split(',').map(Number) as [number, number, number, number]
  checkLongitude('bbox', west, 'west')
  checkLongitude('bbox', east, 'east')
  checkLatitude('bbox', south, 'south')
  checkLatitude('bbox', north, 'north')
  if (south > north) throw invalidParameter('bbox', `south (${south}) must not be north of north (${north})`)
  if (west > east) throw invalidParameter('bbox', `west (${west}) must not be east of east (${east}); boxes across the antimeridian are not supported`)
  return { west, south, east, north }
}

/** `near=lat,lon` with `radius_km`: both or neither. */
export function parseNear (near: string | undefined, radiusKm: number | undefined): NearPoint | undefined {
  if (near === undefined && radiusKm === undefined) return undefined
  if (near === undefined) throw invalidParameter('radius_km', 'needs `near` (latitude,longitude) to measure from')
  if (radiusKm === undefined) throw invalidParameter('near', 'needs `radius_km`, the distance in kilometres')
  const [latitude, longitude] = near.split(',').map(Number) as [number, number]
  checkLatitude('near', latitude, 'latitude')
  checkLongitude('near', longitude, 'longitude')
  return { latitude, longitude, radiusKm }
}
