/**
 * The production build as the Dockerfile assembles it: `npm run build`, then dist/, drizzle/ and the production
 * dependencies alone start with plain `node` (no TypeScript loader, no dev dependencies, no src/), serve the dataset and drain on SIGTERM.
 */
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { datasetRelease } from '../../src/release/dataset-release.ts'
import { freePort, waitForReady } from './processes.ts'

const root = new URL('../..', import.meta.url).pathname

t.test('npm run build, then node dist/server.js with production dependencies only', async (t) => {
  const image = mkdtempSync(join(tmpdir(), 'apv-image-'))
  t.teardown(() => rmSync(image, { recursive: true, force: true }))
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' })
  for (const path of ['package.json', 'package-lock.json', 'dist', 'drizzle']) cpSync(join(root, path), join(image, path), { recursive: true })
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: image, stdio: 'pipe' })

  const port = await freePort()
  const server = spawn(process.execPath, ['dist/server.js'], {
    cwd: image,
    env: { PATH: process.env.PATH, PGLITE_DATA_DIR: join(image, 'data'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve))
  t.teardown(() => { if (server.exitCode === null) server.kill('SIGKILL') })
  await waitForReady(`http://127.0.0.1:${port}`, 120_000)

  const response = await fetch(`http://127.0.0.1:${port}/v1/incidents?province=Nangarhar`)
  t.equal(response.status, 200)
  const body = await response.json() as { data: Array<{ province: { name: string } | null }> }
  t.ok(body.data.length > 0, 'the curated dataset was loaded on first start')
  t.equal(response.headers.get('dataset-version'), datasetRelease.version, 'dist/seed/release.yaml is read: the Dataset-Version header')
  const live = await fetch(`http://127.0.0.1:${port}/health/live`)
  t.equal(live.status, 200)
  // The /explore page and its assets: copied into dist/ by the build, ECharts and the outline from production dependencies.
  for (const path of ['/explore', '/explore/assets/explore.js', '/explore/assets/echarts.min.js', '/explore/assets/afghanistan.geojson']) {
    const asset = await fetch(`http://127.0.0.1:${port}${path}`)
    t.equal(asset.status, 200, `${path} is served from the build`)
    await asset.arrayBuffer()
  }

  server.kill('SIGTERM')
  t.equal(await exited, 0, 'exits 0 on SIGTERM')
})
