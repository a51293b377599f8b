/**
 * Writes a dataset release from a running API: each CSV export streamed to disk as the API serves it, every source as
 * CSL-JSON, the Frictionless datapackage.json, CITATION.cff and a README. Written into a folder beside the target and
 * renamed into place at the end, so a failed run leaves no half-written release.
 */
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Static } from '@sinclair/typebox'
import { toCslItem } from '../core/citation/csl.ts'
import { csvColumns } from '../export/columns.ts'
import type { Source } from '../schemas/sources.ts'
import { citationCff } from './citation-cff.ts'
import { dataPackage, releasedTables, type PackagedTable } from './datapackage.ts'
import { datasetRelease, type DatasetRelease } from './dataset-release.ts'
import { downloadCsv } from './download.ts'
import { ReleaseError } from './errors.ts'
import { packageReadme } from './package-readme.ts'
import { tableSchema } from './table-schema.ts'

export interface WrittenFile {
  /** Relative to the release folder. */
  path: string
  bytes: number
  /** Data rows of a CSV file, items of sources.csl.json. */
  rows?: number
}

export interface WriteReleaseOptions {
  /** Where the API listens: `http://127.0.0.1:PORT`. */
  baseUrl: string
  outDir: string
  /** Replace a release already in outDir. */
  force?: boolean
  release?: DatasetRelease
  created?: Date
  /** Told when each file is written, in order. */
  onFile?: (file: WrittenFile) => void
}

/** Whether outDir is there already and not an empty folder. */
export async function existingRelease (outDir: string): Promise<boolean> {
  const found = await stat(outDir).catch(() => null)
  if (found === null) return false
  if (!found.isDirectory()) return true
  return (await readdir(outDir)).length > 0
}

/** Walks the sources list page by page and writes each source's CSL-JSON item into one array, a page in memory at a time. */
async function writeSourcesCsl (baseUrl: string, file: string): Promise<number> {
  const out = await open(file, 'w')
  let count = 0
  try {
    await out.write('[')
    let cursor: string | null = null
    do {
      const url = `${baseUrl}/v1/sources?limit=500${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`
      const response = await fetch(url, { headers: { accept: 'application/json' } })
      if (response.status !== 200) throw new ReleaseError(`GET ${url} answered ${response.status}`)
      const page = await response.json() as { data: Array<Static<typeof Source>>, next_cursor: string | null }
      const items = page.data.map((source) => `${count++ === 0 ? '' : ','}\n  ${JSON.stringify(toCslItem(source))}`)
      if (items.length > 0) await out.write(items.join(''))
      cursor = page.next_cursor
    } while (cursor !== null)
    await out.write(count === 0 ? ']\n' : '\n]\n')
  } finally {
    await out.close()
  }
  return count
}

async function sizeOf (file: string): Promise<number> {
  return (await stat(file)).size
}

export async function writeRelease (options: WriteReleaseOptions): Promise<WrittenFile[]> {
  const release = options.release ?? datasetRelease
  const { baseUrl, outDir } = options
  if (!options.force && await existingRelease(outDir)) {
    throw new ReleaseError(`${outDir} already holds a release: bump the version in src/seed/release.yaml, or pass --force to replace it`)
  }
  const work = join(dirname(outDir), `.${basename(outDir)}.partial-${process.pid}`)
  await rm(work, { recursive: true, force: true })
  await mkdir(join(work, 'data'), { recursive: true })
  const written: WrittenFile[] = []
  const wrote = (file: WrittenFile) => {
    written.push(file)
    options.onFile?.(file)
  }
  try {
    const tables: PackagedTable[] = []
    for (const name of releasedTables) {
      const path = `data/${name}.csv`
      const schema = tableSchema(name, csvColumns[name])
      const got = await downloadCsv(`${baseUrl}/v1/${name}?format=csv`, join(work, path))
      const expected = schema.fields.map((f) => f.name)
      if (got.header.join(',') !== expected.join(',')) {
        throw new ReleaseError(`${path}: the CSV header (${got.header.join(',')}) is not the Table Schema's fields (${expected.join(',')})`)
      }
      tables.push({ name, path, bytes: got.bytes, rows: got.rows, sha256: got.sha256, schema })
      wrote({ path, bytes: got.bytes, rows: got.rows })
    }

    const sources = await writeSourcesCsl(baseUrl, join(work, 'sources.csl.json'))
    wrote({ path: 'sources.csl.json', bytes: await sizeOf(join(work, 'sources.csl.json')), rows: sources })

    const texts: Array<[string, string]> = [
      ['datapackage.json', `${JSON.stringify(dataPackage(release, tables, options.created ?? new Date()), null, 2)}\n`],
      ['CITATION.cff', citationCff(release)],
      ['README.md', packageReadme(release, tables, sources)]
    ]
    for (const [path, text] of texts) {
      await writeFile(join(work, path), text)
      wrote({ path, bytes: Buffer.byteLength(text) })
    }

    await mkdir(dirname(outDir), { recursive: true })
    await rm(outDir, { recursive: true, force: true })
    await rename(work, outDir)
    return written
  } catch (error) {
    await rm(work, { recursive: true, force: true })
    throw error
  }
}
