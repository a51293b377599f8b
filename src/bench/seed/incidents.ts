/** Incidents: dates skewed to the early years, provinces by weight, types, targets and casualty figures with gaps. */
import { sql } from 'drizzle-orm'
import { datePrecisions, incidentTypes } from '../../domain/vocabulary.ts'
import { dayCount, first, windowEnd, windowStart } from './calendar.ts'
import { idSql, prefixes } from './ids.ts'
import { provinceShares } from './provinces.ts'
import { below, chance, choose, chooseIndex, floatArray, lit, textArray, uniform } from './sql-random.ts'
import type { SeedStep } from './step.ts'
import {
  datePrecisionWeights, detailWeights, incidentTypeLabels, incidentTypeWeights, locationWeights, settingWeights, targetWeights
} from './vocabulary.ts'

const weightsOf = (list: ReadonlyArray<readonly [string, number]>) => list.map(([, w]) => w)
const valuesOf = (list: ReadonlyArray<readonly [string, number]>) => list.map(([v]) => v)

const provinceIndexOfCentroid = valuesOf(locationWeights).indexOf('province') + 1

// windowStart and windowEnd read the precision as its position in datePrecisions.
if (valuesOf(datePrecisionWeights).join() !== datePrecisions.join()) throw new Error('date precision weights out of order')

export const incidentsStep: SeedStep = {
  table: 'incidents',
  units: (sizes) => sizes.incidents,
  insert: (sizes, from, to) => {
    const g = sql`g`
    const names = textArray(provinceShares.map((p) => p.name))
    const types = valuesOf(incidentTypeWeights)
    if (types.length !== incidentTypes.length) throw new Error('every incident type needs a weight')
    const coordinate = (centroids: number[], salt: number, low: number, high: number) => sql`case when province = 0 or unplaced then null
      else least(${lit(high)}, greatest(${lit(low)}, round(((${floatArray(centroids)})[province]
        + case when location = ${lit(provinceIndexOfCentroid)} then 0 else (${uniform(g, salt)} - 0.5) * 0.5 end)::numeric, 5)))::float8 end`
    return sql`
      with drawn as materialized (
        select g,
          ${first} + floor(${lit(dayCount)} * power(${uniform(g, 101)}, 1.3))::int as day,
          ${chooseIndex(weightsOf(datePrecisionWeights), g, 102)} as precision,
          case when ${chance(g, 103, 0.01)} then 0 else ${chooseIndex(provinceShares.map((p) => p.weight), g, 104)} end as province,
          ${chooseIndex(weightsOf(incidentTypeWeights), g, 105)} as type,
          ${chooseIndex(weightsOf(locationWeights), g, 106)} as location,
          ${chance(g, 107, 0.07)} as unplaced,
          case when ${chance(g, 108, 0.12)} then null else floor(exp(${uniform(g, 109)} * ln(80)))::int - 1 end as killed,
          case when ${chance(g, 110, 0.2)} then null else floor(exp(${uniform(g, 111)} * ln(150)))::int - 1 end as wounded,
          case when ${chance(g, 112, 0.15)} then ${below(g, 113, 6)} end as perpetrators_killed,
          case when ${chance(g, 114, 0.07)} then ${below(g, 115, 4)} end as perpetrators_wounded
        from generate_series(${lit(from)}::int, ${lit(to)}::int) g
      )
      insert into incidents (id, title, occurred_on, date_precision, date_start, date_end, province_code, district, place,
        latitude, longitude, location_precision, type, targets, summary,
        killed_best, killed_low, killed_high, wounded_best, wounded_low, wounded_high,
        perpetrators_killed_best, perpetrators_killed_low, perpetrators_killed_high,
        perpetrators_wounded_best, perpetrators_wounded_low, perpetrators_wounded_high)
      select ${idSql(prefixes.incident, g, sizes.width)},
        (${textArray(types.map((t) => incidentTypeLabels[t as keyof typeof incidentTypeLabels]))})[type] || ' '
          || ${choose(settingWeights, g, 120)} || ' in ' || coalesce((${names})[province], 'Afghanistan'),
        ${windowStart(sql`day`, sql`precision`)},
        (${textArray(datePrecisions)})[precision]::date_precision,
        ${windowStart(sql`day`, sql`precision`)},
        ${windowEnd(sql`day`, sql`precision`)},
        (${textArray(provinceShares.map((p) => p.code))})[province],
        case when province > 0 and ${chance(g, 121, 0.55)} then (${names})[province] || ' district ' || (1 + ${below(g, 122, 15)}) end,
        case when province > 0 and ${chance(g, 123, 0.35)} then (${textArray(provinceShares.map((p) => p.capital))})[province] end,
        ${coordinate(provinceShares.map((p) => p.latitude), 124, 29.5, 38.5)},
        ${coordinate(provinceShares.map((p) => p.longitude), 125, 60.5, 71.5)},
        case when province = 0 or unplaced then null else (${textArray(valuesOf(locationWeights))})[location]::location_precision end,
        (${textArray(types)})[type]::incident_type,
        ${choose(targetWeights, g, 126)}::target_type[],
        case when ${chance(g, 127, 0.85)} then 'Synthetic record ' || g || '. ' || ${choose(detailWeights, g, 128)} end,
        killed,
        case when ${chance(g, 129, 0.3)} then null else killed - floor(killed * 0.4 * ${uniform(g, 130)})::int end,
        case when ${chance(g, 131, 0.35)} then null else killed + floor(killed * 0.6 * ${uniform(g, 132)})::int + ${below(g, 133, 3)} end,
        wounded,
        case when ${chance(g, 134, 0.3)} then null else wounded - floor(wounded * 0.4 * ${uniform(g, 135)})::int end,
        case when ${chance(g, 136, 0.35)} then null else wounded + floor(wounded * 0.6 * ${uniform(g, 137)})::int + ${below(g, 138, 5)} end,
        perpetrators_killed,
        case when ${chance(g, 139, 0.5)} then perpetrators_killed end,
        case when ${chance(g, 140, 0.5)} then perpetrators_killed + ${below(g, 141, 3)} end,
        perpetrators_wounded, null, null
      from drawn`
  }
}
