/** Reads the curated record files (one YAML file per record, a folder per resource) without validating them. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LineCounter, parseDocument, type Document } from 'yaml'
import type { ActorRecord } from '../schemas/input/actor.ts'
import type { IncidentRecord } from '../schemas/input/incident.ts'
import { recordSchemas, type RecordKind } from '../schemas/input/index.ts'
import type { SourceRecord } from '../schemas/input/source.ts'
import type { StatementRecord } from '../schemas/input/statement.ts'
import type { TallyRecord } from '../schemas/input/tally.ts'

/** The curated dataset's folder: src/seed/data/<resource>/<id>.yaml. */
export const dataDir = fileURLToPath(new URL('./data', import.meta.url))

export interface RecordFile {
  kind: RecordKind
  /** Path for messages: relative to the working directory when inside it (`src/seed/data/incidents/inc_x.yaml`), else absolute. */
  path: string
  /** The parsed document, with source positions for messages. */
  document: Document
  lineCounter: LineCounter
  value: unknown
}

export interface Records {
  sources: SourceRecord[]
  actors: ActorRecord[]
  incidents: IncidentRecord[]
  statements: StatementRecord[]
  tallies: TallyRecord[]
}

export const recordKinds = Object.keys(recordSchemas) as RecordKind[]

/** Every record file under `dir`, sorted by path, parsed but not validated. YAML syntax errors are in `document.errors`. */
export function readRecordFiles (dir: string = dataDir): RecordFile[] {
  const files: RecordFile[] = []
  for (const kind of recordKinds) {
    let names: string[]
    try {
      names = readdirSync(join(dir, kind)).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml') || n.endsWith('.json')).sort()
    } catch {
      continue
    }
    for (const name of names) {
      const full = join(dir, kind, name)
      const lineCounter = new LineCounter()
      const document = parseDocument(readFileSync(full, 'utf8'), { lineCounter })
      const local = relative(process.cwd(), full)
      const path = local.startsWith(`..${sep}`) ? full : local
      files.push({ kind, path, document, lineCounter, value: document.toJS() })
    }
  }
  return files
}

/** The records of already-checked files, grouped by resource. */
export function groupRecords (files: RecordFile[]): Records {
  const records: Records = { sources: [], actors: [], incidents: [], statements: [], tallies: [] }
  for (const file of files) (records[file.kind] as unknown[]).push(file.value)
  return records
}
