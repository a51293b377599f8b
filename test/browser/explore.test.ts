/**
 * /explore in headless Chromium: a filter applied through the form; the URL, the table, the timeline and the map agree
 * with the API; a shared URL restores the view; nothing is asked of another origin; screenshots kept.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import t, { type Test } from 'tap'
import { buildTestApp, getJson, walkPages } from '../helper.ts'
import { findChromium, launchArgs, skipMessage } from './chromium.ts'

const executablePath = findChromium()
const artifactsDir = fileURLToPath(new URL('../../artifacts/', import.meta.url))
const screenshotsDir = fileURLToPath(new URL('./screenshots/', import.meta.url))

interface Figures { best: number | null }
interface StatsRow { month: string | null, province: { code: string, name: string } | null, incidents: number, killed: Figures, wounded: Figures }
interface ProvinceRow { code: string, name: string, centroid: { latitude: number, longitude: number } | null, incidents: number }

/** Every YYYY-MM from the first to the last, as the timeline's axis should run. */
function monthsBetween (first: string, last: string): string[] {
  const months: string[] = []
  for (let [y, m] = first.split('-').map(Number) as [number, number]; `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? (y++, m = 1) : m++) {
    months.push(`${y}-${String(m).padStart(2, '0')}`)
  }
  return months
}

/** Always to artifacts/; to test/browser/screenshots/ (committed) only when missing or with UPDATE_SCREENSHOTS=1. */
async function screenshot (page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true })
  const artifact = `${artifactsDir}explore-${name}.png`
  await page.screenshot({ path: artifact, fullPage: true })
  const kept = `${screenshotsDir}explore-${name}.png`
  if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(kept)) {
    mkdirSync(screenshotsDir, { recursive: true })
    copyFileSync(artifact, kept)
  }
  return artifact
}

/** What the charts hold, read from the ECharts instances: the timeline's months and series, the map's circles. */
async function charts (page: Page) {
  // No named functions inside: the TypeScript loader would wrap them in a helper the page does not have.
  const [timeline, map] = await page.evaluate(() => ['timeline', 'map'].map((id) => {
    const { echarts, document } = globalThis as any
    return JSON.parse(JSON.stringify(echarts.getInstanceByDom(document.getElementById(id)).getOption()))
  }))
  const series = (id: string): number[] => (timeline.series as Array<{ id: string, data: number[] }>).find((s) => s.id === id)?.data ?? []
  return {
    months: timeline.xAxis[0].data as string[],
    incidents: series('incidents'),
    killed: series('killed'),
    wounded: series('wounded'),
    circles: (map.series[0].data as Array<{ code: string, value: [number, number, number] }>).map((d) => [d.code, d.value[2]] as const),
    geo: (map.geo as Array<{ map: string }>)[0]?.map
  }
}

/**
 * The page's state is main#explore's data-state: `loading`, `ready` or `error`. The predicates run in the page, so they
 * are functions (the policy forbids the eval a string would need) over globalThis (the tests have no DOM types).
 */
const waitForReady = (page: Page) => page.waitForFunction(() => (globalThis as any).document.getElementById('explore').dataset.state === 'ready')

t.test('/explore: filters through the form, charts and table as the API says', { skip: executablePath ? false : skipMessage }, async (t) => {
  const { app } = await buildTestApp(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  // The browser gets its own time, counted from here: seeding the database is the helper's cost.
  t.setTimeout(120_000)

  const browser = await chromium.launch({ executablePath: executablePath as string, headless: true, timeout: 30_000, args: launchArgs })
  t.teardown(() => browser.close())
  // Reduced motion: the page then draws without animation, so what a screenshot shows is what the chart holds.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' })
  context.setDefaultTimeout(15_000)
  // It must work offline: whatever this app does not serve is recorded, and refused.
  const foreignRequests: string[] = []
  context.on('request', (request) => {
    if (/^https?:/.test(request.url()) && new URL(request.url()).origin !== origin) foreignRequests.push(request.url())
  })
  await context.route((url) => url.origin !== origin, (route) => route.abort())
  const consoleErrors: string[] = []
  const watch = (page: Page) => {
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`))
    page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${page.url()}: ${message.text()}`) })
    return page
  }

  /** The API's answers for these filters, fetched by the test itself. */
  async function fromApi (query: string) {
    const and = query ? `${query}&` : ''
    const months = await getJson<{ data: StatsRow[] }>(app, `/v1/stats/incidents?${and}group_by=month`)
    const byProvince = await getJson<{ data: StatsRow[] }>(app, `/v1/stats/incidents?${and}group_by=province`)
    const provinces = await getJson<{ data: ProvinceRow[] }>(app, `/v1/provinces${query ? `?${query}` : ''}`)
    const incidents = await getJson<{ data: Array<{ id: string }>, next_cursor: string | null }>(app, `/v1/incidents?${and}limit=50`)
    for (const [name, response] of Object.entries({ months, byProvince, provinces, incidents })) {
      if (response.status !== 200) throw new Error(`${name} for "${query}": ${response.status} ${JSON.stringify(response.body)}`)
    }
    return { months: months.body.data, byProvince: byProvince.body.data, provinces: provinces.body.data, incidents: incidents.body }
  }

  /** The page shows what the API answers for `query`: table rows, totals, the timeline, the map (by `size`). */
  async function agrees (t: Test, page: Page, query: string, size: 'incidents' | 'killed' = 'incidents') {
    const api = await fromApi(query)
    const label = query || 'no filter'
    const rows = await page.locator('#incidents tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as any).dataset.id))
    t.same(rows, api.incidents.data.map((i) => i.id), `${label}: the table lists the ids GET /v1/incidents returns, in its order (${rows.length})`)
    t.ok(rows.length > 0, `${label}: some incidents to look at`)

    const rowsByMonth = new Map(api.months.map((row) => [row.month as string, row]))
    const known = [...rowsByMonth.keys()].sort()
    const months = known.length ? monthsBetween(known[0]!, known[known.length - 1]!) : []
    const shown = await charts(page)
    t.same(shown.months, months, `${label}: the timeline runs month by month from ${known[0]} to ${known[known.length - 1]}`)
    t.same(shown.incidents, months.map((m) => rowsByMonth.get(m)?.incidents ?? 0), `${label}: incidents per month as the stats say`)
    t.same(shown.killed, months.map((m) => rowsByMonth.get(m)?.killed.best ?? 0), `${label}: killed per month as the stats say`)
    t.same(shown.wounded, months.map((m) => rowsByMonth.get(m)?.wounded.best ?? 0), `${label}: wounded per month as the stats say`)

    const total = api.months.reduce((sum, row) => sum + row.incidents, 0)
    t.equal(await page.locator('#total-incidents').textContent(), total.toLocaleString('en'), `${label}: the total is the stats' (${total})`)
    const listed = await walkPages(app, `/v1/incidents${query ? `?${query}` : ''}`)
    t.equal(total, listed.items.length, `${label}: the stats count the incidents the list returns`)
    const killed = api.months.reduce((sum, row) => sum + (row.killed.best ?? 0), 0)
    t.equal(await page.locator('#total-killed').textContent(), killed.toLocaleString('en'), `${label}: killed in total (${killed})`)

    const expected = size === 'killed'
      ? new Map(api.provinces.filter((p) => p.centroid).map((p) => [p.code, api.byProvince.find((row) => row.province?.code === p.code)?.killed.best ?? 0]))
      : new Map(api.provinces.filter((p) => p.centroid).map((p) => [p.code, p.incidents]))
    t.equal(shown.geo, 'afghanistan', `${label}: the map draws Afghanistan`)
    t.same(new Map(shown.circles), expected, `${label}: a circle per province, sized by ${size} as the API says`)
    t.equal(shown.circles.length, api.provinces.length, `${label}: every province has its centre (${shown.circles.length})`)
  }

  const page = watch(await context.newPage())
  await page.goto(`${origin}/explore`)
  await waitForReady(page)
  await agrees(t, page, '')
  const before = await screenshot(page, 'all')
  t.pass(`screenshot before filtering: ${before}`)

  // A journalist picks an actor and a province and applies them.
  await page.locator('#filters').getByLabel('Actor, in any role').fill('iskp')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await page.waitForFunction(() => { const { location, document } = globalThis as any; return location.search.includes('actor=iskp') && document.getElementById('explore').dataset.state === 'ready' })
  t.equal(new URL(page.url()).search, '?actor=iskp', 'the URL keeps the filter')
  await agrees(t, page, 'actor=iskp')
  const after = await screenshot(page, 'iskp')
  t.pass(`screenshot after filtering: ${after}`)

  await page.getByRole('radio', { name: 'Killed' }).check()
  await page.waitForFunction(() => (globalThis as any).location.search.includes('size=killed'))
  await agrees(t, page, 'actor=iskp', 'killed')
  t.equal(new URL(page.url()).search, '?actor=iskp&size=killed', 'the URL keeps the map\'s measure too')

  await page.locator('#filters').getByLabel('Province').selectOption({ label: 'Kabul' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await page.waitForFunction(() => { const { location, document } = globalThis as any; return location.search.includes('province=') && document.getElementById('explore').dataset.state === 'ready' })
  t.equal(new URL(page.url()).search, '?province=AF-KAB&actor=iskp&size=killed', 'both filters in the URL')
  await agrees(t, page, 'province=AF-KAB&actor=iskp', 'killed')

  // The sources of the first incident, as the incident's detail lists them.
  const first = page.locator('#incidents tbody tr').first()
  const firstId = await first.getAttribute('data-id')
  await first.getByText('Sources').click()
  await first.locator('details[data-loaded="yes"]').waitFor()
  const detail = await getJson<{ reports: Array<{ source: { id: string } }> }>(app, `/v1/incidents/${firstId}`)
  const sourceLinks = await first.locator('.sources-list a[href^="/v1/sources/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
  t.same(sourceLinks, detail.body.reports.map((r) => `/v1/sources/${r.source.id}`), `${firstId}: its sources link to /v1/sources/{id}`)
  t.same(await first.locator('a', { hasText: /^(JSON|Statements)$/ }).evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    [`/v1/incidents/${firstId}`, `/v1/incidents/${firstId}/statements`], `${firstId}: links to its JSON and its statements`)
  for (const href of [...sourceLinks, `/v1/incidents/${firstId}/statements`]) {
    t.equal((await app.inject(href as string)).statusCode, 200, `${href} answers 200`)
  }

  // A shared URL opens on the same view.
  const shared = watch(await context.newPage())
  await shared.goto(page.url())
  await waitForReady(shared)
  t.equal(await shared.locator('#filters').getByLabel('Actor, in any role').inputValue(), 'iskp', 'shared URL: the actor filter is back in the form')
  t.equal(await shared.locator('#filters').getByLabel('Province').inputValue(), 'AF-KAB', 'shared URL: the province is selected')
  t.ok(await shared.getByRole('radio', { name: 'Killed' }).isChecked(), 'shared URL: the map is sized by killed')
  await agrees(t, shared, 'province=AF-KAB&actor=iskp', 'killed')

  // A province by name in a shared URL selects it; "More incidents" follows next_cursor to the last page.
  const paged = watch(await context.newPage())
  await paged.goto(`${origin}/explore?province=nangarhar&limit=2`)
  await waitForReady(paged)
  t.equal(await paged.locator('#filters').getByLabel('Province').inputValue(), 'AF-NAN', 'province=nangarhar selects Nangarhar')
  const all = await walkPages<{ id: string }>(app, '/v1/incidents?province=AF-NAN&limit=2')
  t.ok(all.pages > 1, `Nangarhar's incidents take ${all.pages} pages of 2`)
  for (let page = 1; page < all.pages; page++) {
    await paged.getByRole('button', { name: 'More incidents' }).click()
    await paged.waitForFunction((n) => (globalThis as any).document.querySelectorAll('#incidents tbody tr').length >= n, Math.min(all.items.length, 2 * (page + 1)))
  }
  await waitForReady(paged)
  t.same(await paged.locator('#incidents tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as any).dataset.id)), all.items.map((i) => i.id),
    'every page, in order, once each')
  t.ok(await paged.getByRole('button', { name: 'More incidents' }).isHidden(), 'no More button after the last page')

  // On a phone: one column, nothing wider than the screen but the table, which scrolls in its own box.
  const phone = watch(await context.newPage())
  await phone.setViewportSize({ width: 390, height: 844 })
  await phone.goto(`${origin}/explore?actor=iskp`)
  await waitForReady(phone)
  t.ok(await phone.evaluate(() => (globalThis as any).document.documentElement.scrollWidth <= 390), 'no sideways scrolling at 390px')
  await screenshot(phone, 'phone')

  // A filter the API refuses: its problem detail is what the reader sees (the 400 is the point, so not watched).
  const refused = await context.newPage()
  await refused.goto(`${origin}/explore?start_date=2022-01-01&end_date=2021-01-01`)
  await refused.waitForFunction(() => (globalThis as any).document.getElementById('explore').dataset.state === 'error')
  const problem = await getJson<{ detail: string }>(app, '/v1/incidents?start_date=2022-01-01&end_date=2021-01-01')
  t.equal(problem.status, 400)
  t.equal((await refused.getByRole('alert').textContent())?.trim(), problem.body.detail, 'the problem\'s detail is shown')

  t.same(consoleErrors, [], 'no errors or warnings in the console')
  t.same(foreignRequests, [], 'nothing asked of any other origin')
})
