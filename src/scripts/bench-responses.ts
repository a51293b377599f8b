/**
 * npm run bench:responses -- --out file.json [--url http://...] [--compare other.json]: fingerprints the responses
 * to a fixed list of GET requests (status, content type, length, SHA-256 of the body), for a byte-for-byte check
 * that a performance change leaves every response as it was. Exits 1 when --compare finds a body that differs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { compare, fingerprint, responseRequests, type Fingerprints } from '../bench/responses.ts'
import type { Get } from '../bench/scenarios.ts'
import { databaseUrlMessage, serverFor, type ServerProcess } from '../bench/server-process.ts'

const usage = `npm run bench:responses -- [--out FILE] [--compare FILE] [--url URL]

Starts the service on DATABASE_URL (or uses --url, a server on the same database), forms a fixed list of GET
requests from the data, and records each response's status, content type, length and body SHA-256.

  --out FILE       write the fingerprints (JSON)
  --compare FILE   compare with fingerprints written before; exit 1 if any status or body differs
  --url URL        a server already running, instead of starting one
  --help`

const { values } = parseArgs({
  options: { out: { type: 'string' }, compare: { type: 'string' }, url: { type: 'string' }, help: { type: 'boolean', default: false } }
})
if (values.help || (!values.out && !values.compare)) {
  console.log(usage)
  process.exit(values.help ? 0 : 1)
}
const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.error(databaseUrlMessage)
  process.exit(1)
}
if (values.compare && !existsSync(values.compare)) {
  console.error(`--compare: ${values.compare} does not exist`)
  process.exit(1)
}
const root = new URL('../..', import.meta.url).pathname
const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} })
let server: ServerProcess | undefined

async function main (): Promise<number> {
  server = await serverFor({ url: values.url, databaseUrl: databaseUrl as string, root })
  const base = server.url
  const get: Get = async (path) => {
    const response = await fetch(base + path)
    const text = await response.text()
    return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text }
  }
  const paths = await responseRequests(sql, get)
  const responses = await fingerprint(base, paths)
  console.log(`${paths.length} requests fingerprinted`)
  if (values.out) {
    const out = resolve(values.out)
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), responses }, null, 2) + '\n')
    console.log(`wrote ${out}`)
  }
  if (!values.compare) return 0
  const before = (JSON.parse(readFileSync(values.compare, 'utf8')) as { responses: Fingerprints }).responses
  const { lines, bodyDiffers } = compare(before, responses)
  for (const line of lines) console.log(line)
  console.log(bodyDiffers === 0
    ? `identical: ${Object.keys(responses).length} responses, every status and body as in ${values.compare}`
    : `${bodyDiffers} of ${new Set([...Object.keys(before), ...Object.keys(responses)]).size} responses differ from ${values.compare}`)
  return bodyDiffers === 0 ? 0 : 1
}

try {
  process.exitCode = await main()
} catch (error) {
  console.error(`bench:responses failed: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await server?.stop()
  await sql.end({ timeout: 5 })
}
