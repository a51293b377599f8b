/**
 * npm run openapi:compat: compares the OpenAPI document the code generates with the newest released one in
 * openapi/releases/ (by semantic version) and exits 1 if a published client would break.
 */
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { findBreakingChanges, formatBreakingChanges, newestRelease } from '../openapi/compatibility.ts'
import { generateOpenApi } from '../openapi/generate.ts'

const releases = fileURLToPath(new URL('../../openapi/releases/', import.meta.url))
const release = newestRelease(await readdir(releases).catch(() => []))

if (release === undefined) {
  console.error(`no released spec (vX.Y.Z.json) in ${releases}`)
  process.exitCode = 1
} else {
  const previous = JSON.parse(await readFile(`${releases}${release}`, 'utf8')) as object
  const current = JSON.parse(await generateOpenApi()) as object
  const changes = findBreakingChanges(previous, current)
  const version = release.replace(/\.json$/, '')
  if (changes.length > 0) {
    console.error(`Breaking changes since ${version}:\n${formatBreakingChanges(changes)}`)
    process.exitCode = 1
  } else {
    console.log(`no breaking changes since ${version}`)
  }
}
