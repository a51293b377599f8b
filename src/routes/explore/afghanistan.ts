/** Afghanistan's outline as GeoJSON, cut from Natural Earth's 1:50m countries (the world-atlas package) once, for the /explore map. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'

/** Afghanistan's ISO 3166-1 numeric code, the feature id in world-atlas. */
const afghanistanId = '004'

type Position = number[]
type Coordinates = Position | Coordinates[]

/** Four decimals (about 10 m) are far finer than the map draws them, and keep the file small. */
function rounded (coordinates: Coordinates): Coordinates {
  return typeof coordinates[0] === 'number'
    ? (coordinates as Position).map((n) => Math.round(n * 1e4) / 1e4)
    : (coordinates as Coordinates[]).map(rounded)
}

let cached: string | undefined

/** A FeatureCollection with one feature named "Afghanistan" (ECharts' registerMap names regions by `properties.name`), as JSON text. */
export function afghanistanGeoJson (): string {
  if (cached !== undefined) return cached
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json')
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology<{ countries: GeometryCollection }>
  const countries = feature(topology, topology.objects.countries)
  const country = countries.features.find((f) => String(f.id) === afghanistanId)
  if (!country || !('coordinates' in country.geometry)) throw new Error(`world-atlas has no country ${afghanistanId} (Afghanistan)`)
  cached = JSON.stringify({
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      id: afghanistanId,
      properties: { name: 'Afghanistan', source: 'Natural Earth 1:50m, via world-atlas' },
      geometry: { type: country.geometry.type, coordinates: rounded(country.geometry.coordinates as Coordinates) }
    }]
  })
  return cached
}
