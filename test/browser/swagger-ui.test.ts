/** Swagger UI in a real browser: headless Chromium tries listIncidents with province=Nangarhar and keeps a screenshot. */
import { mkdirSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { chromium } from 'playwright-core'
import t from 'tap'
import { buildTestApp } from '../helper.ts'

const skipMessage = "Chromium not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH"
const screenshotPath = new URL('../../artifacts/swagger-ui-list-incidents.png', import.meta.url)

function isFile (path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** CHROMIUM_PATH when set (and then only it), else Debian's chromium, else chromium-browser; null when none is there. */
function findChromium (): string | null {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return isFile(fromEnv) ? fromEnv : null
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(isFile) ?? null
}

const executablePath = findChromium()

t.test('Swagger UI: try listIncidents with province=Nangarhar in headless Chromium', { skip: executablePath ? false : skipMessage, timeout: 60_000 }, async (t) => {
  const { app } = await buildTestApp(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

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
  // The docs page must work offline: anything not served by this app is refused and recorded.
  const external: string[] = []
  await page.route((url) => url.origin !== origin, (route) => {
    external.push(route.request().url())
    return route.abort()
  })

  await page.goto(`${origin}/docs`)
  const operation = page.locator('#operations-incidents-listIncidents')
  await operation.waitFor()
  await operation.locator('.opblock-summary-control').click()

  await operation.getByRole('button', { name: 'Try it out' }).click()
  const inputs = operation.locator('.parameters tr[data-param-name][data-param-in] input')
  await inputs.first().waitFor()
  const prefilled: Record<string, string> = {}
  for (const row of await operation.locator('.parameters tr[data-param-name][data-param-in]').all()) {
    const name = await row.getAttribute('data-param-name')
    const input = row.locator('input, select')
    if (await input.count() === 0) continue
    prefilled[name as string] = await input.first().inputValue()
  }
  t.comment(`prefilled: ${JSON.stringify(prefilled)}`)

  await operation.locator('tr[data-param-name="province"][data-param-in="query"] input').fill('Nangarhar')
  await operation.getByRole('button', { name: 'Execute' }).click()

  const live = operation.locator('.live-responses-table')
  await live.waitFor()
  await page.screenshot({ path: screenshotPath.pathname, fullPage: true })
  const requestUrl = await operation.locator('.request-url pre').textContent()
  t.comment(`request url: ${requestUrl}`)
  const status = await live.locator('.response .response-col_status').first().textContent()
  t.comment(`status: ${status}`)
  const body = await live.locator('.response-col_description pre').first().textContent()
  t.comment(`body: ${body?.slice(0, 300)}`)
  t.comment(`errors ${JSON.stringify(pageErrors)} external ${JSON.stringify(external)}`)
})

mkdirSync(new URL('../../artifacts/', import.meta.url), { recursive: true })
