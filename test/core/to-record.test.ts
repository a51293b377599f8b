/** The canonical record is the inverse of the row mapping: rows -> record -> rows gives the same rows, for every curated record. */
import t from 'tap'
import { toRecord, writableKinds } from '../../src/core/records/to-record.ts'
import { readRecords } from '../../src/seed/dataset.ts'
import { recordsToDataset } from '../../src/seed/to-rows.ts'
import type { Records } from '../../src/seed/records.ts'

const records = readRecords()
const rows = recordsToDataset(records)
const slugs = new Map(rows.actors.map((a) => [a.id, a.slug]))
const slugOf = (id: string) => slugs.get(id) ?? id

const sorted = (list: object[]) => list.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort()

t.test('rows -> canonical record -> rows is the identity on the curated dataset', async (t) => {
  const canonical = Object.fromEntries(writableKinds.map((kind) =>
    [kind, records[kind].map((r) => toRecord(kind, rows, r.id, slugOf))])) as unknown as Records
  for (const kind of writableKinds) {
    t.equal(canonical[kind].filter(Boolean).length, records[kind].length, `${kind}: every record has a canonical form`)
  }
  const again = recordsToDataset(canonical)
  for (const key of Object.keys(rows) as Array<keyof typeof rows>) {
    t.strictSame(sorted(again[key]), sorted(rows[key]), `${key}: the same rows`)
  }
})

t.test('a canonical record spells everything out: nulls, windows, the voice', async (t) => {
  const incident = records.incidents.find((i) => (i.responsibility ?? []).length > 0)!
  const canonical = toRecord('incidents', rows, incident.id, slugOf) as any
  t.ok('district' in canonical && 'summary' in canonical, 'optional fields present')
  t.match(canonical.date_start, /^\d{4}-\d{2}-\d{2}$/, 'the window is explicit')
  for (const r of canonical.responsibility) {
    t.ok(['actor', 'source', 'unnamed'].includes(r.voice), 'every responsibility names its voice')
    t.ok(slugs.has(r.actor) || [...slugs.values()].includes(r.actor), `${r.actor} names an actor`)
  }
})
