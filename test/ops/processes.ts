/** Helpers for tests that run the service as a real process: a free port, and waiting until it is ready. */
export { freePort } from '../../src/bench/server-process.ts'

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
