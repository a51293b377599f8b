/**
 * The `bbox` and `near` filters of GET /v1/incidents against the curated dataset: results agree with a box test and
 * a haversine distance computed here, edges are included, and malformed or out-of-range values are 400s.
 */
import t from 'tap'
import { dataset } from '../dataset.ts'
import { buildTestApp, getJson, walkPages } from '../helper.ts'

const located = dataset.incidents.filter((i) => i.latitude !== null && i.latitude !== undefined && i.longitude !== null && i.longitude !== undefined) as Array<{ id: string, latitude: number, longitude: number }>

/** Great-circle distance on the sphere of the mean Earth radius, as the API documents it. */
function haversineKm (lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = (d: number) => (d * Math.PI) / 180
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)))
}

const idsOf = async (app: Parameters<typeof walkPages>[0], query: string) =>
  (await walkPages<{ id: string }>(app, `/v1/incidents?limit=500&${query}`)).items.map((i) => i.id).sort()

t.test('the dataset has located incidents to test with', async (t) => {
  t.ok(located.length >= 5, `${located.length} incidents with coordinates`)
})

t.test('bbox keeps the incidents inside the box, edges included', async (t) => {
  const { app } = await buildTestApp(t)
  for (const [west, south, east, north] of [[69, 34, 71, 35], [60.5, 29.3, 75, 38.5], [65, 31, 66, 32], [-180, -90, 180, 90]] as const) {
    const expected = located.filter((i) => i.longitude >= west && i.longitude <= east && i.latitude >= south && i.latitude <= north).map((i) => i.id).sort()
    t.same(await idsOf(app, `bbox=${west},${south},${east},${north}`), expected, `bbox=${west},${south},${east},${north}: ${expected.length} incidents`)
  }
  const edge = located[0]!
  const onEdges = `bbox=${edge.longitude},${edge.latitude},${edge.longitude},${edge.latitude}`
  t.ok((await idsOf(app, onEdges)).includes(edge.id), 'a box whose edges are the incident\'s coordinates holds it')
  t.ok((await idsOf(app, `bbox=${edge.longitude},${edge.latitude},${edge.longitude + 1},${edge.latitude + 1}`)).includes(edge.id), 'its west and south edges hold it')
})

t.test('near with radius_km keeps the incidents within that great-circle distance', async (t) => {
  const { app } = await buildTestApp(t)
  for (const [lat, lon, km] of [[34.43, 70.45, 25], [34.53, 69.17, 10], [34.53, 69.17, 400], [31.6, 65.7, 50], [0, 0, 100]] as const) {
    const expected = located.filter((i) => haversineKm(lat, lon, i.latitude, i.longitude) <= km).map((i) => i.id).sort()
    t.same(await idsOf(app, `near=${lat},${lon}&radius_km=${km}`), expected, `near=${lat},${lon} within ${km} km: ${expected.length} incidents`)
  }
  const { status, body } = await getJson(app, '/v1/incidents?near=90,0&radius_km=5000')
  t.equal(status, 200, 'a point at the pole with a large radius is accepted')
  t.same(body.data, located.filter((i) => haversineKm(90, 0, i.latitude, i.longitude) <= 5000), 'and matches what lies within it (nothing here)')
})

t.test('malformed and out-of-range boxes and points are 400s that name the parameter', async (t) => {
  const { app } = await buildTestApp(t)
  for (const [query, name] of [
    ['bbox=71,34,69,35', 'bbox'],
    ['bbox=69,35,71,34', 'bbox'],
    ['bbox=69,34,71,91', 'bbox'],
    ['bbox=69,-91,71,35', 'bbox'],
    ['bbox=-181,34,71,35', 'bbox'],
    ['bbox=69,34,181,35', 'bbox'],
    ['bbox=69,34,71', 'bbox'],
    ['near=91,70&radius_km=10', 'near'],
    ['near=-91,70&radius_km=10', 'near'],
    ['near=34,181&radius_km=10', 'near'],
    ['near=34,70', 'near'],
    ['radius_km=10', 'radius_km'],
    ['near=34,70&radius_km=0', 'radius_km'],
    ['near=34,70&radius_km=5001', 'radius_km']
  ] as const) {
    const { status, body } = await getJson(app, `/v1/incidents?${query}`)
    t.equal(status, 400, query)
    t.equal(body.errors?.[0]?.name, name, `${query}: names ${name}`)
  }
})
