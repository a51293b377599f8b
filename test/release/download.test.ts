/** downloadCsv against a local server: bytes, hash, header and rows of tricky CSV; a refusal, a wrong type or a cut stream is a ReleaseError. */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { downloadCsv } from '../../src/release/download.ts'
import { ReleaseError } from '../../src/release/errors.ts'

const csv = '\uFEFFid,text,n\r\na,"two\r\nlines",1\r\nb,"a ""quoted"", comma",2\r\nc,Kābul — کابل,3\r\n'

const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  '/ok': (_q, s) => { s.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }); s.end(csv) },
  // Sent a byte at a time: records and the header are counted across chunk edges.
  '/trickle': (_q, s) => {
    s.writeHead(200, { 'content-type': 'text/csv' })
    const bytes = Buffer.from(csv)
    let i = 0
    const next = () => { if (i < bytes.length) s.write(bytes.subarray(i, ++i), next); else s.end() }
    next()
  },
  '/no-final-line-end': (_q, s) => { s.writeHead(200, { 'content-type': 'text/csv' }); s.end('id\r\na\r\nb') },
  '/empty-table': (_q, s) => { s.writeHead(200, { 'content-type': 'text/csv' }); s.end('\uFEFFid,name\r\n') },
  '/refused': (_q, s) => { s.writeHead(400, { 'content-type': 'application/problem+json' }); s.end('{"detail":"format is not a known parameter"}') },
  '/json': (_q, s) => { s.writeHead(200, { 'content-type': 'application/json' }); s.end('{}') },
  '/cut': (_q, s) => { s.writeHead(200, { 'content-type': 'text/csv' }); s.write('id\r\na\r\n', () => s.destroy()) }
}
const server = createServer((request, response) => routes[request.url ?? '']!(request, response))
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
t.teardown(() => { server.closeAllConnections(); server.close() })
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
const dir = mkdtempSync(join(tmpdir(), 'apv-download-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))

t.test('the file is the bytes sent; rows count records, not lines; the header without BOM or CR', async (t) => {
  for (const path of ['/ok', '/trickle']) {
    const file = join(dir, `${path.slice(1)}.csv`)
    const got = await downloadCsv(base + path, file)
    const bytes = readFileSync(file)
    t.same(bytes, Buffer.from(csv), `${path}: byte for byte`)
    t.same(got, { bytes: bytes.length, rows: 3, sha256: createHash('sha256').update(bytes).digest('hex'), header: ['id', 'text', 'n'] }, path)
  }
  t.equal((await downloadCsv(`${base}/no-final-line-end`, join(dir, 'a.csv'))).rows, 2, 'a last record without a line end counts')
  const header = Buffer.from('\uFEFFid,name\r\n')
  t.same(await downloadCsv(`${base}/empty-table`, join(dir, 'b.csv')), { bytes: header.length, rows: 0, sha256: createHash('sha256').update(header).digest('hex'), header: ['id', 'name'] }, 'a header alone: no rows')
})

t.test('a refusal, another media type or a stream cut short is a ReleaseError that says what happened', async (t) => {
  await t.rejects(downloadCsv(`${base}/refused`, join(dir, 'c.csv')), new ReleaseError(`GET ${base}/refused answered 400: {"detail":"format is not a known parameter"}`))
  await t.rejects(downloadCsv(`${base}/json`, join(dir, 'd.csv')), new ReleaseError(`GET ${base}/json answered application/json, not text/csv`))
  const cut = await downloadCsv(`${base}/cut`, join(dir, 'e.csv')).catch((error: unknown) => error)
  t.ok(cut instanceof ReleaseError, 'cut: a ReleaseError')
  t.match((cut as Error).message, `GET ${base}/cut did not finish`)
})
