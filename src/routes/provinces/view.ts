/** A province as the API shows it: the stored row, its centroid (from the reference list) and its incident count. */
import type { Static } from '@sinclair/typebox'
import { findProvince } from '../../domain/provinces.ts'
import type { Province } from '../../schemas/provinces.ts'

interface ProvinceRow { code: string, name: string, aliases: string[], capital: string }

export function toProvinceView (row: ProvinceRow, incidents: number): Static<typeof Province> {
  const centroid = findProvince(row.code)?.centroid
  if (!centroid) throw new Error(`No centroid for province ${row.code}`)
  return { code: row.code, name: row.name, aliases: row.aliases, capital: row.capital, centroid, incidents }
}
