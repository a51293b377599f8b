/** The files /explore serves: the page's own (src/explore/public, copied to dist/ by the build), ECharts from its package, the outline and the type list. */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { incidentTypes } from '../../domain/vocabulary.ts'
import { afghanistanGeoJson } from './afghanistan.ts'

export interface Asset {
  type: string
  body: () => string | Buffer
}

/** Beside this file in src/ and in dist/ alike: the build copies src/explore/public to dist/explore/public. */
export const publicDir = fileURLToPath(new URL('../../explore/public/', import.meta.url))

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml'
}

/** Read on first use, then kept: the page costs the server nothing until someone opens it. */
function once (read: () => string | Buffer): () => string | Buffer {
  let value: string | Buffer | undefined
  return () => (value ??= read())
}

/** Every asset by its name under /explore/assets/; anything else is a 404 (no path is ever joined from the URL). */
export function exploreAssets (): Map<string, Asset> {
  const assets = new Map<string, Asset>()
  for (const name of readdirSync(publicDir)) {
    const type = contentTypes[extname(name)]
    if (type && name !== 'index.html') assets.set(name, { type, body: once(() => readFileSync(`${publicDir}${name}`)) })
  }
  const require = createRequire(import.meta.url)
  assets.set('echarts.min.js', { type: contentTypes['.js']!, body: once(() => readFileSync(require.resolve('echarts/dist/echarts.min.js'))) })
  assets.set('afghanistan.geojson', { type: 'application/geo+json', body: afghanistanGeoJson })
  assets.set('incident-types.json', { type: 'application/json; charset=utf-8', body: () => JSON.stringify(incidentTypes) })
  return assets
}

/** The page itself. */
export const page: Asset = { type: contentTypes['.html']!, body: once(() => readFileSync(`${publicDir}index.html`)) }
