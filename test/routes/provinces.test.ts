/**
 * GET /v1/provinces and /v1/provinces/{code}: centroids inside Afghanistan, and per-province incident counts that
 * equal the list's count for that province under the same filters.
 */
import t from 'tap'
import { buildTestApp, getJson, walkPages } from '../helper.ts'

interface ProvinceView { code: string, centroid: { latitude: number, longitude: number }, incidents: number }

/** Afghanistan's extent, with a margin under 0.5°. */
const extent = { south: 29.3, north: 38.5, west: 60.5, east: 75.0 }

t.test('every province has a centroid inside Afghanistan', async (t) => {
  const { app } = await buildTestApp(t)
  const { status, body } = await getJson<{ data: ProvinceView[] }>(app, '/v1/provinces')
  t.equal(status, 200)
  t.equal(body.data.length, 34, 'all 34 provinces')
  for (const p of body.data) {
    const { latitude, longitude } = p.centroid
    t.ok(latitude >= extent.south && latitude <= extent.north && longitude >= extent.west && longitude <= extent.east, `${p.code} at ${latitude}, ${longitude}`)
    t.equal(Math.round(latitude * 100) / 100, latitude, `${p.code}: rounded to 0.01°`)
  }
  const one = await getJson<ProvinceView>(app, '/v1/provinces/Ningarhar')
  t.same(one.body.centroid, { latitude: 34.27, longitude: 70.45 }, 'the item carries it too')
})

t.test('province counts equal the list\'s count for each province under the same filters', async (t) => {
  const { app } = await buildTestApp(t)
  for (const filters of ['', 'start_date=2021-09-01&end_date=2021-12-31', 'claimed_by=iskp', 'type=bombing,suicide_bombing&q=mosque', 'province=Kabul,Kunduz', 'bbox=60.5,29.3,75,38.5', 'start_date=2022-01-15']) {
    const { items } = await walkPages<{ province: { code: string } | null }>(app, `/v1/incidents?limit=500${filters ? `&${filters}` : ''}`)
    const expected = new Map<string, number>()
    for (const i of items) if (i.province) expected.set(i.province.code, (expected.get(i.province.code) ?? 0) + 1)
    const { status, body } = await getJson<{ data: ProvinceView[] }>(app, `/v1/provinces${filters ? `?${filters}` : ''}`)
    t.equal(status, 200, filters)
    t.equal(body.data.length, 34, `${filters}: still every province`)
    for (const p of body.data) t.equal(p.incidents, expected.get(p.code) ?? 0, `${filters || 'no filter'}: ${p.code}`)
  }
  const { items } = await walkPages<{ province: { code: string } | null }>(app, '/v1/incidents?province=Nangarhar&limit=500')
  t.equal((await getJson<ProvinceView>(app, '/v1/provinces/AF-NAN')).body.incidents, items.length, 'the item counts all its incidents')
  t.equal((await getJson(app, '/v1/provinces?limit=5')).status, 400, 'no paging parameters')
  t.equal((await getJson(app, '/v1/provinces?start_date=2022-01-01&end_date=2021-01-01')).status, 400, 'filters are checked as for the list')
})
