/** Helpers for tests that run the service as a real process: a free port, and waiting until it is ready. */
import { createServer } from 'node:net'

export function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Polls GET /health/ready until it answers 200, or fails after timeoutMs. */
export async function waitForReady (baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const status = await fetch(`${baseUrl}/health/ready`).then((r) => r.status, () => 0)
    if (status === 200) return
    if (Date.now() > deadline) throw new Error(`${baseUrl} was not ready within ${timeoutMs} ms (last status ${status})`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
