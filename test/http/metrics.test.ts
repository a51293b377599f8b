/** GET /metrics: per-route request counts and latency histograms by status, database pool gauges, event loop delay. */
import t from 'tap'
import { buildApp } from '../../src/app.ts'
import { buildTestApp } from '../helper.ts'

interface Sample { name: string, labels: Record<string, string>, value: number }

/** The samples of a Prometheus text exposition (comments skipped). */
function parse (text: string): Sample[] {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!match) throw new Error(`not a sample line: ${line}`)
    const labels: Record<string, string> = {}
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!
    return { name: match[1]!, labels, value: Number(match[3]) }
  })
}

const { app, database } = await buildTestApp(t)

t.test('after a few requests, /metrics counts them per route pattern and status, with latency histograms', async (t) => {
  const requests: Array<[string, number]> = [
    ['/v1/incidents?limit=2', 200],
    ['/v1/incidents?limit=3', 200],
    ['/v1/incidents/inc_2021_09_jalalabad_blasts', 200],
    ['/v1/incidents/inc_2099_01_01_nothing', 404],
    ['/v1/incidents?limit=0', 400],
    ['/v1/not-a-route/12345', 404]
  ]
  for (const [url, status] of requests) t.equal((await app.inject(url)).statusCode, status, `GET ${url}: ${status}`)

  const response = await app.inject('/metrics')
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^text\/plain; version=0\.0\.4/, 'Prometheus text format')
  t.equal(response.headers['cache-control'], 'no-store', 'never cached')
  const samples = parse(response.body)
  const count = (route: string, status: number) => samples.find((s) => s.name === 'http_request_duration_seconds_count' &&
    s.labels.method === 'GET' && s.labels.route === route && s.labels.status_code === String(status))?.value

  t.equal(count('/v1/incidents', 200), 2, 'GET /v1/incidents 200: 2')
  t.equal(count('/v1/incidents', 400), 1, 'GET /v1/incidents 400: 1')
  t.equal(count('/v1/incidents/:id', 200), 1, 'GET /v1/incidents/:id 200: 1 (the route pattern, not the id)')
  t.equal(count('/v1/incidents/:id', 404), 1, 'GET /v1/incidents/:id 404: 1')
  t.equal(count('__unknown__', 404), 1, 'a path no route matches: one label for all of them')
  const routes = new Set(samples.filter((s) => s.name.startsWith('http_request_duration_seconds')).map((s) => s.labels.route))
  t.notOk([...routes].some((r) => /inc_|12345|not-a-route/.test(r ?? '')), `no raw URL in the route labels (${[...routes].join(', ')})`)
  t.notOk(routes.has('/metrics'), 'scrapes are not counted')

  // One histogram: buckets cumulative, +Inf equal to the count, a positive sum of plausible latencies.
  const labels = { method: 'GET', route: '/v1/incidents', status_code: '200' }
  const same = (s: Sample) => Object.entries(labels).every(([k, v]) => s.labels[k] === v)
  const buckets = samples.filter((s) => s.name === 'http_request_duration_seconds_bucket' && same(s))
  t.ok(buckets.length >= 10, `${buckets.length} buckets`)
  t.same(buckets.map((b) => b.value), [...buckets.map((b) => b.value)].sort((a, b) => a - b), 'buckets are cumulative')
  t.equal(buckets.find((b) => b.labels.le === '+Inf')?.value, 2, '+Inf bucket equals the count')
  const sum = samples.find((s) => s.name === 'http_request_duration_seconds_sum' && same(s))?.value ?? -1
  t.ok(sum > 0 && sum < 30, `sum of latencies ${sum} s`)
})

t.test('database pool gauges, read from the handle at each scrape', async (t) => {
  const samples = parse((await app.inject('/metrics')).body)
  const gauge = (name: string) => samples.find((s) => s.name === name)?.value
  // PGlite has one connection; the test helper opens PostgreSQL with a pool of 4.
  t.equal(gauge('db_pool_size'), database.handle.kind === 'pglite' ? 1 : 4, 'the pool size of the handle')
  t.equal(gauge('db_pool_in_use'), 0, 'nothing in use between requests')
  t.equal(gauge('db_pool_waiting'), 0, 'nothing waiting')
})

t.test('Node runtime metrics, event loop delay among them', async (t) => {
  const samples = parse((await app.inject('/metrics')).body)
  const lag = samples.find((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')
  t.ok(lag && lag.value >= 0 && lag.value < 10, `event loop delay p99: ${lag?.value} s`)
  t.ok(samples.some((s) => s.name === 'process_resident_memory_bytes' && s.value > 0), 'resident memory')
})

t.test('/metrics is not in the OpenAPI document', async (t) => {
  const paths = Object.keys((app.swagger() as { paths: Record<string, unknown> }).paths)
  t.notOk(paths.includes('/metrics'), 'hidden')
})

t.test('each app counts only its own requests; METRICS=false turns /metrics off', async (t) => {
  const other = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] })
  t.teardown(() => other.close())
  await other.inject('/openapi.json')
  const samples = parse((await other.inject('/metrics')).body)
  const counted = samples.filter((s) => s.name === 'http_request_duration_seconds_count')
  t.same(counted.map((s) => [s.labels.route, s.value]), [['/openapi.json', 1]], 'only its own request')
  t.notOk(samples.some((s) => s.name === 'db_pool_size'), 'no database, no pool gauges')

  const off = await buildApp({ logLevel: 'silent', corsOrigins: ['*'], metrics: false })
  t.teardown(() => off.close())
  t.equal((await off.inject('/metrics')).statusCode, 404)
})
