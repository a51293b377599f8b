/** Swagger UI in a real browser: headless Chromium tries listIncidents as a new user would (one province typed, nothing cleared) and keeps a screenshot. */
import { mkdirSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import t from 'tap'
import { buildTestApp, getJson } from '../helper.ts'

const skipMessage = "Chromium not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH"
const artifactsDir = fileURLToPath(new URL('../../artifacts/', import.meta.url))
const screenshotPath = `${artifactsDir}swagger-ui-list-incidents.png`

function isFile (path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** CHROMIUM_PATH when set (then only that), else Debian's chromium, else chromium-browser; null when there is none. */
function findChromium (): string | null {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return isFile(fromEnv) ? fromEnv : null
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(isFile) ?? null
}

const executablePath = findChromium()

/** The province the user types: not the documented example, so the test shows the typed value is what is sent. */
const typed = { name: 'Kabul', code: 'AF-KAB' }

t.test(`Swagger UI: Try it out on listIncidents, typing province=${typed.name} and nothing else`, { skip: executablePath ? false : skipMessage }, async (t) => {
  const { app } = await buildTestApp(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  // The browser gets 60 s of its own, counted from here: seeding the database is the helper's cost, under tap's file timeout.
  t.setTimeout(60_000)

  const browser = await chromium.launch({
    executablePath: executablePath as string,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  t.teardown(() => browser.close())

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.setDefaultTimeout(15_000)
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  // The docs must work offline: whatever this app does not serve is refused, and recorded.
  const foreignRequests: string[] = []
  await page.route((url) => url.origin !== origin, (route) => {
    foreignRequests.push(route.request().url())
    return route.abort()
  })

  await page.goto(`${origin}/docs`)
  const operation = page.locator('#operations-incidents-listIncidents')
  await operation.waitFor()
  await operation.locator('.opblock-summary-control').click()
  await operation.getByRole('button', { name: 'Try it out' }).click()

  // What Try it out shows before the user touches anything: the province filled in with its documented example
  // (the one filter a first-time user tries) and every other field empty, so nothing needs clearing.
  const parameters = operation.locator('.parameters tr[data-param-name][data-param-in]')
  const province = operation.locator('tr[data-param-name="province"][data-param-in="query"] input')
  await province.waitFor()
  const document = app.swagger() as { paths: Record<string, any> }
  const provinceExample = (document.paths['/v1/incidents'].get.parameters as Array<{ name: string, example?: unknown }>)
    .find((p) => p.name === 'province')?.example
  t.equal(await province.inputValue(), String(provinceExample), `the province field shows its example (${String(provinceExample)})`)
  const filled: string[] = []
  for (const row of await parameters.all()) {
    const name = await row.getAttribute('data-param-name')
    if (name === 'province') continue
    for (const input of await row.locator('input[type="text"], input:not([type])').all()) {
      if (await input.inputValue() !== '') filled.push(`${name}=${await input.inputValue()}`)
    }
    for (const select of await row.locator('select').all()) {
      if (await select.inputValue() !== '') filled.push(`${name}=${await select.inputValue()}`)
    }
  }
  t.same(filled, [], 'every other field is empty after Try it out')

  // The user types one province and presses Execute.
  await province.fill(typed.name)
  await operation.getByRole('button', { name: 'Execute' }).click()

  const live = operation.locator('.live-responses-table')
  await live.waitFor()
  const bodyBlock = live.locator('.response-col_description h5:text-is("Response body") + .highlight-code pre')
  await bodyBlock.waitFor()

  mkdirSync(artifactsDir, { recursive: true })
  await page.screenshot({ path: screenshotPath, fullPage: true })

  const requestUrl = (await operation.locator('.request-url pre').textContent())?.trim() ?? ''
  t.equal(requestUrl, `${origin}/v1/incidents?province=${typed.name}`, `the request URL carries province=${typed.name} and no other parameter`)

  const status = (await live.locator('.response .response-col_status').first().textContent())?.trim()
  t.equal(status, '200', 'the response shown has status 200')

  const body = JSON.parse(await bodyBlock.textContent() ?? '') as { data: Array<{ id: string, province: { code: string } | null }> }
  t.ok(Array.isArray(body.data) && body.data.length > 0, `the response body shows incidents (${body.data?.length ?? 0})`)
  const elsewhere = body.data.filter((incident) => incident.province?.code !== typed.code).map((incident) => incident.id)
  t.same(elsewhere, [], `every incident shown is in ${typed.name} (${typed.code})`)

  const direct = await getJson<{ data: Array<{ id: string }> }>(app, `/v1/incidents?province=${typed.name}`)
  t.equal(direct.status, 200, `GET /v1/incidents?province=${typed.name} directly: 200`)
  t.same(body.data.map((i) => i.id), direct.body.data.map((i) => i.id),
    `the UI shows all ${direct.body.data.length} incidents the API returns for province=${typed.name}, not a fraction`)

  t.ok(statSync(screenshotPath).size > 0, `screenshot kept at ${screenshotPath}`)
  t.same(pageErrors, [], 'no uncaught errors in the page')
  t.same(foreignRequests, [], 'the docs page asked nothing of other origins')
})
