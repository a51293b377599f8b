/** The province list: every province in code order, each with how many incidents match the incident filters. */
import type { Static } from '@sinclair/typebox'
import { asc } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { provinces } from '../../db/schema.ts'
import type { Province, ProvinceListQuery } from '../../schemas/provinces.ts'
import { toIncidentQuery } from '../incidents/filters.ts'
import { incidentStats } from '../stats/queries.ts'
import { toProvinceView } from './view.ts'

export async function listProvinces (db: Database, query: Static<typeof ProvinceListQuery>): Promise<Array<Static<typeof Province>>> {
  const [rows, groups] = await Promise.all([
    db.select().from(provinces).orderBy(asc(provinces.code)),
    toIncidentQuery(db, query).then((incidentQuery) => incidentStats(db, incidentQuery, ['province']))
  ])
  const counts = new Map(groups.map((g) => [g.province, g.incidents]))
  return rows.map((row) => toProvinceView(row, counts.get(row.code) ?? 0))
}
