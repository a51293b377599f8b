/**
 * Every 4xx the framework (or Node's HTTP parser) produces is a small problem document with nosniff and a request id:
 * 404, 405 with Allow, 414, 431, 400 for a broken request line or percent-encoding, 413, 415, and validation 400s
 * that stay small however many inputs are wrong. Over a real socket where inject cannot go.
 */
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import type { LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { buildApp } from '../../src/app.ts'
import { maxUrlLength } from '../../src/plugins/problems.ts'

// No database: every request here is refused before a handler would need one.
const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] })
// A body-taking route without a key, so Fastify's own 413 and 415 are reached (the API's writes ask for a key first).
app.post('/test/body', { schema: { hide: true } }, async () => ({ ok: true }))
t.teardown(() => app.close())
await app.listen({ port: 0, host: '127.0.0.1' })
const { port } = app.server.address() as AddressInfo

interface RawResponse { status: number, headers: Record<string, string>, body: string }

/** Writes `request` as it is on a new connection and reads the response until the server closes or answers in full. */
function raw (request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const finish = () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [head = '', ...rest] = text.split('\r\n\r\n')
      const [statusLine = '', ...headerLines] = head.split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of headerLines) {
        const at = line.indexOf(':')
        headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim()
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') })
    }
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('close', finish)
    // The server may close while the request is still being written: what it answered before is what counts.
    socket.on('error', (error: NodeJS.ErrnoException) => (chunks.length > 0 ? finish() : reject(error)))
    socket.write(request)
  })
}

/** The shape every refusal shares: the status, problem+json, nosniff, a request id in header and body, a small body. */
function isProblem (t: Test, label: string, status: number, headers: Record<string, unknown>, body: string, code?: string) {
  t.equal(headers['content-type']?.toString().split(';')[0], 'application/problem+json', `${label}: problem+json`)
  t.equal(headers['x-content-type-options'], 'nosniff', `${label}: nosniff`)
  t.ok(body.length < 4096, `${label}: a small body (${body.length} bytes)`)
  const problem = JSON.parse(body)
  t.equal(problem.status, status, `${label}: status ${status} in the body`)
  if (code) t.equal(problem.code, code, `${label}: code ${code}`)
  t.equal(problem.type, `/problems/${problem.code}`, `${label}: type names the code`)
  t.ok(problem.request_id && problem.request_id === headers['x-request-id'], `${label}: request_id in body and header`)
  t.ok(typeof problem.instance === 'string' && problem.instance.length <= 256, `${label}: a short instance`)
  return problem
}

const injected = (t: Test, label: string, response: LightMyRequestResponse, status: number, code?: string) => {
  t.equal(response.statusCode, status, `${label}: ${status}`)
  return isProblem(t, label, status, response.headers, response.body, code)
}

t.test('a known path with the wrong method is a 405 with Allow, not a 404', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['PUT', '/v1/incidents', 'GET, HEAD, POST'],
    ['DELETE', '/v1/incidents', 'GET, HEAD, POST'],
    ['POST', '/v1/incidents/inc_2021_09_jalalabad_blasts', 'DELETE, GET, HEAD, PATCH'],
    ['PUT', '/v1/provinces/AF-KAB', 'GET, HEAD'],
    ['POST', '/openapi.json', 'GET, HEAD'],
    ['DELETE', '/docs/static/swagger-ui.css', 'GET, HEAD']
  ]
  for (const [method, url, allow] of cases) {
    const response = await app.inject({ method: method as 'PUT', url })
    const problem = injected(t, `${method} ${url}`, response, 405, 'method_not_allowed')
    t.equal(response.headers.allow, allow, `${method} ${url}: Allow: ${allow}`)
    t.match(problem.detail, method)
  }
  const unknown = await app.inject({ method: 'PUT', url: '/v1/nothing-here' })
  injected(t, 'PUT on a path that does not exist', unknown, 404, 'not_found')
  t.equal(unknown.headers.allow, undefined, 'a 404 has no Allow')
  const preflight = await app.inject({ method: 'OPTIONS', url: '/v1/incidents', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' } })
  t.equal(preflight.statusCode, 204, 'CORS preflight still answers on every path')
})

t.test('a URL over the limit is a 414, through inject and over a socket', async (t) => {
  const long = `/v1/incidents?q=${'x'.repeat(maxUrlLength)}`
  const response = await app.inject(long)
  const problem = injected(t, 'inject', response, 414, 'uri_too_long')
  t.equal(problem.instance, '/v1/incidents', 'instance: the path, not the long URL')
  // Node's parser refuses a request line this long before Fastify sees it: clientErrors answers.
  const socket = await raw(`GET ${long}${'x'.repeat(2_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`)
  t.equal(socket.status, 414, 'over a socket: 414')
  isProblem(t, 'socket', 414, socket.headers, socket.body, 'uri_too_long')
  t.equal(socket.headers.connection, 'close', 'the connection is closed')
  // Just under the limit: the 10,000-character values the contract tests send reach validation.
  const within = await app.inject(`/v1/incidents?q=${'x'.repeat(10_000)}`)
  injected(t, 'a 10,000-character value', within, 400, 'invalid_parameter')
})

t.test('oversized headers are a 431 problem, written by clientErrorHandler', async (t) => {
  const response = await raw(`GET /v1/incidents HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'p'.repeat(20_000)}\r\n\r\n`)
  t.equal(response.status, 431)
  const problem = isProblem(t, '431', 431, response.headers, response.body, 'headers_too_large')
  t.equal(problem.instance, '/v1/incidents', 'instance: the path of the request line')
  t.equal(response.headers['cache-control'], 'no-store')
})

t.test('a request line that is not HTTP is a 400 problem', async (t) => {
  const response = await raw('G@T / HTTP/1.1\r\nHost: localhost\r\n\r\n')
  t.equal(response.status, 400)
  isProblem(t, 'bad method token', 400, response.headers, response.body, 'bad_request')
  const header = await raw('GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n')
  t.equal(header.status, 400)
  isProblem(t, 'bad header name', 400, header.headers, header.body, 'bad_request')
})

t.test('malformed percent-encoding in the path is a 400 problem, over a socket too', async (t) => {
  const response = await raw('GET /v1/incidents/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')
  t.equal(response.status, 400)
  isProblem(t, 'socket', 400, response.headers, response.body, 'invalid_path')
  injected(t, 'inject', await app.inject('/v1/incidents/%E0%A4%A'), 400)
})

t.test('a body over 1 MiB is a 413, a body of an unknown type a 415', async (t) => {
  const large = await app.inject({ method: 'POST', url: '/test/body', headers: { 'content-type': 'application/json' }, payload: `{"x":"${'y'.repeat(1_100_000)}"}` })
  injected(t, '413', large, 413, 'ctp_body_too_large')
  const xml = await app.inject({ method: 'POST', url: '/test/body', headers: { 'content-type': 'application/xml' }, payload: '<x/>' })
  injected(t, '415', xml, 415, 'ctp_invalid_media_type')
  const broken = await app.inject({ method: 'POST', url: '/test/body', headers: { 'content-type': 'application/json' }, payload: '{"x":' })
  injected(t, 'JSON that does not parse', broken, 400)
})

t.test('5,000 unknown query parameters: a 400 that lists 20 and counts the rest, in a few KB', async (t) => {
  // Distinct names of one to three URL-safe characters (not `q`, a real parameter), so the URL stays within the limit.
  const alphabet = 'abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~'
  const names: string[] = []
  for (let length = 1; names.length < 5_000; length++) {
    const next = (prefix: string): void => {
      if (names.length >= 5_000) return
      if (prefix.length === length) { names.push(prefix); return }
      for (const c of alphabet) next(prefix + c)
    }
    next('')
  }
  const url = `/v1/incidents?${names.join('&')}`
  t.ok(url.length <= maxUrlLength, `the URL is ${url.length} characters`)
  const response = await app.inject(url)
  const problem = injected(t, '5,000 unknown parameters', response, 400, 'invalid_parameter')
  t.equal(problem.errors.length, 20, 'the first 20 listed')
  t.ok(problem.errors.every((e: any) => e.in === 'query' && names.includes(e.name) && e.message === 'is not a known parameter'), 'each names one of the unknown parameters')
  t.match(problem.detail, /and 4980 more invalid inputs not listed$/, 'the detail counts the rest')
  t.ok(problem.instance.length <= 256, 'instance is short')

  const longName = await app.inject(`/v1/incidents?${'n'.repeat(5_000)}=1`)
  const named = injected(t, 'one unknown parameter with a 5,000-character name', longName, 400, 'invalid_parameter')
  t.ok(named.errors[0].name.length <= 100, 'its name is clipped in errors')
  t.ok(longName.body.length < 2048, `${longName.body.length} bytes`)
})

t.test('a 404 for a very long path stays small', async (t) => {
  const response = await app.inject(`/${'a/'.repeat(5_000)}`)
  injected(t, '10,000-character path', response, 404, 'not_found')
})
