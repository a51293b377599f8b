/**
 * npm run bench: measures list latencies on a large synthetic dataset (default 1,000,000 incidents).
 * Needs DATABASE_URL pointing at a database it may fill (e.g. postgres://postgres@127.0.0.1:5432/apv_bench);
 * BENCH_INCIDENTS sets the size. Synthetic rows have ids prefixed `bench_` and are reused on later runs.
 */
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { buildApp } from '../app.ts'
import { bootstrapDatabase } from '../db/bootstrap.ts'
import { openDatabase } from '../db/client.ts'
import { incidents } from '../db/schema.ts'

const url = process.env.DATABASE_URL
if (!url) {
  console.error('Set DATABASE_URL to a PostgreSQL database the benchmark may fill, e.g. postgres://postgres@127.0.0.1:5432/apv_bench')
  process.exit(1)
}
const target = Number(process.env.BENCH_INCIDENTS ?? 1_000_000)
const rounds = Number(process.env.BENCH_ROUNDS ?? 30)

const handle = await openDatabase({ url, max: 4 })
await bootstrapDatabase(handle, { url, seedOnEmpty: true })
const db = handle.db

const [{ n: existing } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(incidents).where(sql`id like 'bench\\_%'`)
if (existing < target) {
  const started = performance.now()
  console.log(`inserting ${target - existing} synthetic incidents ...`)
  // Spread over 34 provinces, 8 types and ~5 years; every 3rd claimed by ISKP, every 7th attributed to it.
  await db.execute(sql`
    insert into incidents (id, title, occurred_on, date_precision, province_code, type, targets, summary,
                           killed_best, killed_low, killed_high, wounded_best)
    select 'bench_' || lpad(g::text, 8, '0'),
           'Synthetic incident ' || g,
           date '2021-08-15' + (g % 1900),
           'day',
           (array(select code from provinces order by code))[1 + g % 34],
           (enum_range(null::incident_type))[1 + g % 8],
           array['civilians']::target_type[],
           'Synthetic row for benchmarking, number ' || g,
           g % 40, g % 40, g % 40 + 5, g % 90
    from generate_series(${existing + 1}::int, ${target}::int) g`)
  await db.execute(sql`
    insert into responsibilities (id, incident_id, actor_id, kind, source_id)
    select 'bench_rsp_' || i.id, i.id, 'act_iskp',
           case when substr(i.id, 7)::int % 3 = 0 then 'claimed'::responsibility_kind else 'attributed' end,
           (select id from sources order by id limit 1)
    from incidents i
    where i.id like 'bench\\_%' and (substr(i.id, 7)::int % 3 = 0 or substr(i.id, 7)::int % 7 = 0)
    on conflict do nothing`)
  await db.execute(sql`analyze`)
  console.log(`inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

const app = await buildApp({ logLevel: 'warn', corsOrigins: ['*'] }, { database: handle })
await app.ready()

const cases = [
  '/v1/incidents',
  '/v1/incidents?limit=500',
  '/v1/incidents?province=Nangarhar',
  '/v1/incidents?province=Kabul,Herat,Kandahar&start_date=2022-01-01&end_date=2022-12-31',
  '/v1/incidents?claimed_by=iskp',
  '/v1/incidents?attributed_to=iskp&province=AF-KDZ',
  '/v1/incidents?type=suicide_bombing&start_date=2023-01-01',
  '/v1/incidents?q=mosque',
  '/v1/actors/iskp/incidents'
]

const [{ n: total } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(incidents)
console.log(`\n${total} incidents; ${rounds} requests per case (first page, then the page after it)\n`)
console.log('p50 ms   p95 ms   max ms   rows  request')
for (const path of cases) {
  const times: number[] = []
  let rows = 0
  for (let i = 0; i < rounds; i++) {
    const started = performance.now()
    const res = await app.inject(path)
    const body = JSON.parse(res.body)
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`)
    if (body.next_cursor) await app.inject(`${path}${path.includes('?') ? '&' : '?'}cursor=${body.next_cursor}`)
    times.push((performance.now() - started) / (body.next_cursor ? 2 : 1))
    rows = body.data.length
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number
  console.log(`${at(0.5).toFixed(1).padStart(6)}  ${at(0.95).toFixed(1).padStart(7)}  ${(times.at(-1) as number).toFixed(1).padStart(7)}  ${String(rows).padStart(5)}  ${path}`)
}
await app.close()
