/** The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium; null when there is none. */
import { statSync } from 'node:fs'

export const skipMessage = "Chromium not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH"

function isFile (path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** CHROMIUM_PATH when set (then only that), else Debian's chromium, else chromium-browser. */
export function findChromium (): string | null {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return isFile(fromEnv) ? fromEnv : null
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(isFile) ?? null
}

/** Headless, offline-minded: no background requests of Chromium's own that a test of "no foreign requests" would catch. */
export const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
