/** Swagger UI in a real browser: Authorize with an admin key, then Try it out on listKeys shows the keys (and a screenshot is kept). */
import { mkdirSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import t from 'tap'
import { createKey } from '../../src/core/keys/index.ts'
import { buildTestApp } from '../helper.ts'

const skipMessage = "Chromium not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH"
const artifactsDir = fileURLToPath(new URL('../../artifacts/', import.meta.url))
const screenshotPath = `${artifactsDir}swagger-ui-authorize-list-keys.png`
const dialogShotPath = `${artifactsDir}swagger-ui-authorize-dialog.png`

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

t.test('Swagger UI: Authorize with an admin key, then Try it out on listKeys', { skip: executablePath ? false : skipMessage }, async (t) => {
  const { app, database } = await buildTestApp(t, { seed: false })
  const admin = await createKey(database.handle.db, { name: 'swagger-admin', scopes: ['admin'] })
  const writer = await createKey(database.handle.db, { name: 'swagger-importer', scopes: ['write'] })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  t.setTimeout(60_000)

  const browser = await chromium.launch({
    executablePath: executablePath as string,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  t.teardown(() => browser.close())

  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
  page.setDefaultTimeout(15_000)
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const foreignRequests: string[] = []
  await page.route((url) => url.origin !== origin, (route) => {
    foreignRequests.push(route.request().url())
    return route.abort()
  })
  // What the browser really sends to /v1/keys, to check the key travels in the Authorization header.
  const sentAuthorization: Array<string | undefined> = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/v1/keys') sentAuthorization.push(request.headers().authorization)
  })

  await page.goto(`${origin}/docs`)
  const operation = page.locator('#operations-keys-listKeys')
  await operation.waitFor()
  t.ok(await operation.locator('.authorization__btn').isVisible(), 'listKeys shows a lock: it needs a key')
  t.equal(await page.locator('#operations-incidents-listIncidents .authorization__btn').count(), 0, 'listIncidents shows no lock: reads are public')

  // Authorize: the dialog lists bearerAuth with a value field; paste the admin key, authorize, close.
  await page.locator('.auth-wrapper .btn.authorize').click()
  const dialog = page.locator('.dialog-ux .modal-ux')
  await dialog.waitFor()
  t.match(await dialog.textContent(), 'bearerAuth', 'the dialog offers bearerAuth')
  t.match(await dialog.textContent(), 'npm run key:create', 'and says how to get a key')
  await dialog.locator('input').first().fill(admin.key)
  // The dialog's buttons carry aria-labels ("Apply credentials"), so they are found by their classes and text.
  await dialog.locator('button.modal-btn.authorize').click()
  await dialog.locator('button.modal-btn', { hasText: 'Logout' }).waitFor()
  t.match(await dialog.textContent(), 'Authorized', 'the dialog shows bearerAuth as authorized')
  mkdirSync(artifactsDir, { recursive: true })
  await page.screenshot({ path: dialogShotPath })
  await dialog.locator('button.modal-btn.btn-done').click()
  await dialog.waitFor({ state: 'detached' })

  await operation.locator('.opblock-summary-control').click()
  await operation.getByRole('button', { name: 'Try it out' }).click()
  await operation.getByRole('button', { name: 'Execute' }).click()

  const live = operation.locator('.live-responses-table')
  await live.waitFor()
  const bodyBlock = live.locator('.response-col_description h5:text-is("Response body") + .highlight-code pre')
  await bodyBlock.waitFor()
  // The operation from its summary to the live response: the lock, the curl with the key, the 200 and the list.
  await operation.evaluate((element) => element.scrollIntoView())
  await page.setViewportSize({ width: 1280, height: 1500 })
  await page.screenshot({ path: screenshotPath })

  const status = (await live.locator('.response .response-col_status').first().textContent())?.trim()
  t.equal(status, '200', 'the response shown has status 200')
  const body = JSON.parse(await bodyBlock.textContent() ?? '') as { data: Array<{ id: string, name: string }> }
  t.same(body.data.map((k) => k.name).sort(), ['swagger-admin', 'swagger-importer'], 'the response body shows the key list')
  const text = await bodyBlock.textContent() ?? ''
  t.notOk(text.includes(admin.key.slice(-43)) || text.includes(writer.key.slice(-43)), 'and no key itself')
  t.match(await operation.locator('.curl-command').textContent(), `Authorization: Bearer ${admin.key}`, 'the curl command carries the key')
  t.same(sentAuthorization, [`Bearer ${admin.key}`], 'the browser sent the key as a Bearer token')

  t.ok(statSync(screenshotPath).size > 0 && statSync(dialogShotPath).size > 0, `screenshots kept at ${screenshotPath} and ${dialogShotPath}`)
  t.same(pageErrors, [], 'no uncaught errors in the page')
  t.same(foreignRequests, [], 'the docs page asked nothing of other origins')
})
