/** Starts the service as a child process on a free port (node itself, so its pid is the server's) and stops it. */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

export const databaseUrlMessage = 'Set DATABASE_URL to a PostgreSQL database the benchmark may fill, e.g. ' +
  'postgres://postgres@127.0.0.1:5432/apv_bench. Fill it with npm run bench:seed.'

export interface ServerProcess {
  url: string
  /** The server's pid; undefined for a server this process did not start and was not told the pid of. */
  pid: number | undefined
  stop: () => Promise<void>
}

export async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')))
    })
  })
}

/** SIGTERM, then SIGKILL after 15 s; resolves once the process has exited. */
export async function stopChild (child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

/** Resolves once GET /health/ready answers 200; rejects after timeoutMs or when `failed` returns a reason. */
export async function waitReady (url: string, timeoutMs: number, failed: () => string | undefined = () => undefined): Promise<void> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const reason = failed()
    if (reason) throw new Error(reason)
    const response = await fetch(`${url}/health/ready`).catch(() => undefined)
    if (response) await response.arrayBuffer()
    if (response?.status === 200) return
    if (performance.now() > deadline) throw new Error(`${url}/health/ready did not answer 200 within ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * `node --import tsx src/server.ts` with the caller's environment, then DATABASE_URL, a free PORT on 127.0.0.1,
 * LOG_LEVEL=warn and rate limiting off (RATE_LIMIT_MAX=0): a benchmark sends far more than any one client may.
 */
export async function startServer (databaseUrl: string, root: string): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0' },
    stdio: ['ignore', 'inherit', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
    process.stderr.write(chunk)
  })
  let exit: string | undefined
  child.once('exit', (code, signal) => { exit = `the server exited (${signal ?? code}) before it was ready${stderr ? `:\n${stderr}` : ''}` })
  const url = `http://127.0.0.1:${port}`
  const stop = () => stopChild(child)
  try {
    // A first start on an empty database migrates and loads the curated dataset.
    await waitReady(url, 120_000, () => exit)
  } catch (error) {
    await stop()
    throw error
  }
  let stopping = false
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`the server exited (${signal ?? code}) during the benchmark`)
  })
  return {
    url,
    pid: child.pid,
    stop: async () => {
      stopping = true
      await stop()
    }
  }
}

/** The server to bench: one already running at `url` (its pid, when given, for CPU and memory), or one started here. */
export async function serverFor (options: { url?: string, pid?: number, databaseUrl: string, root: string }): Promise<ServerProcess> {
  if (options.url === undefined) return startServer(options.databaseUrl, options.root)
  const url = options.url.replace(/\/$/, '')
  await waitReady(url, 10_000)
  return { url, pid: options.pid, stop: async () => {} }
}
