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
