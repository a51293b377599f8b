/** /explore: the page and its assets (ECharts and the outline from their packages), under the strict policy, hidden from the OpenAPI document. */
import t from 'tap'
import { exploreCSP } from '../../src/routes/explore/routes.ts'
import { buildTestApp } from '../helper.ts'

const { app } = await buildTestApp(t, { seed: false })

t.test('the page and each asset it loads, with its content type and the /explore policy', async (t) => {
  const page = await app.inject('/explore')
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /^text\/html; charset=utf-8/)
  t.equal(page.headers['content-security-policy'], exploreCSP)
  t.notMatch(page.body, /<script>|<script[^>]*>[^<]|\son[a-z]+=|style=/, 'no inline script, handler or style for the policy to block')
  const assets = [...page.body.matchAll(/(?:src|href)="(\/explore\/assets\/[^"]+)"/g)].map((m) => m[1]!)
  t.same(assets.sort(), ['/explore/assets/echarts.min.js', '/explore/assets/explore.css', '/explore/assets/explore.js'])
  for (const url of [...assets, '/explore/assets/api.js', '/explore/assets/filters.js', '/explore/assets/map.js', '/explore/assets/table.js', '/explore/assets/timeline.js']) {
    const response = await app.inject(url)
    t.equal(response.statusCode, 200, url)
    t.match(response.headers['content-type'], url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/, `${url}: content type`)
    t.equal(response.headers['content-security-policy'], exploreCSP, `${url}: the policy`)
    t.equal(response.headers['x-content-type-options'], 'nosniff', `${url}: nosniff`)
  }
  t.match((await app.inject('/explore/assets/echarts.min.js')).body, /Apache|echarts/, 'ECharts, from its package')
})

t.test('the policy: this origin only, no inline script, no eval', async (t) => {
  t.match(exploreCSP, /default-src 'none'/)
  t.match(exploreCSP, /script-src 'self'(;|$)/)
  t.match(exploreCSP, /connect-src 'self'(;|$)/)
  t.match(exploreCSP, /style-src 'self'(;|$)/)
  t.match(exploreCSP, /frame-ancestors 'none'/)
  t.equal((await app.inject('/v1/provinces')).headers['content-security-policy'], undefined, 'the API keeps none')
})

t.test("Afghanistan's outline from Natural Earth, and the incident types", async (t) => {
  const outline = await app.inject('/explore/assets/afghanistan.geojson')
  t.equal(outline.statusCode, 200)
  t.match(outline.headers['content-type'], /^application\/geo\+json/)
  const collection = outline.json() as { type: string, features: Array<{ id: string, properties: { name: string }, geometry: { type: string, coordinates: number[][][] } }> }
  t.equal(collection.type, 'FeatureCollection')
  t.equal(collection.features.length, 1)
  const [country] = collection.features
  t.equal(country?.properties.name, 'Afghanistan')
  const points = (country?.geometry.coordinates.flat(country.geometry.type === 'MultiPolygon' ? 2 : 1) ?? []) as unknown as number[][]
  t.ok(points.length > 100, `a detailed outline (${points.length} points)`)
  t.ok(points.every(([lon, lat]) => lon! > 60 && lon! < 75.5 && lat! > 29 && lat! < 38.6), "every point within Afghanistan's bounding box")
  const types = (await app.inject('/explore/assets/incident-types.json')).json() as string[]
  t.ok(types.includes('suicide_bombing'), 'the incident types')
})

t.test('anything else under /explore is a 404; /explore/ redirects with its query', async (t) => {
  for (const url of ['/explore/assets/index.html', '/explore/assets/..%2Fpackage.json', '/explore/assets/nothing.js', '/explore/nothing']) {
    t.equal((await app.inject(url)).statusCode, 404, url)
  }
  const slash = await app.inject('/explore/?actor=iskp')
  t.equal(slash.statusCode, 302)
  t.equal(slash.headers.location, '/explore?actor=iskp')
  t.equal((await app.inject({ method: 'HEAD', url: '/explore' })).statusCode, 200, 'HEAD')
})

t.test('hidden from the OpenAPI document', async (t) => {
  const paths = Object.keys((app.swagger() as { paths: Record<string, unknown> }).paths)
  t.same(paths.filter((path) => path.startsWith('/explore')), [])
})
