/**
 * Loads the curated records through the one write path (src/core/records/write.ts), in one transaction, with the
 * province reference data. Records equal to the stored ones are left alone, so a second run changes nothing;
 * changed ones get a new version, a revision and a change-feed row like any other edit.
 */
import type { Database } from '../db/client.ts'
import * as schema from '../db/schema.ts'
import { upsert } from '../core/records/tables.ts'
import { writableKinds, type WritableKind } from '../core/records/to-record.ts'
import { saveBatch, type BatchItem } from '../core/records/write.ts'
import { provinces } from '../domain/provinces.ts'
import type { Records } from './records.ts'

export interface LoadReport {
  provinces: number
  created: Record<WritableKind, number>
  updated: Record<WritableKind, number>
  unchanged: number
}

const zero = () => Object.fromEntries(writableKinds.map((k) => [k, 0])) as Record<WritableKind, number>

export async function loadDataset (db: Database, records: Records): Promise<LoadReport> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database
    const report: LoadReport = {
      provinces: await upsert(t, schema.provinces, provinces.map(({ centroid: _centroid, ...p }) => p), [schema.provinces.code]),
      created: zero(),
      updated: zero(),
      unchanged: 0
    }
    const items: BatchItem[] = writableKinds.flatMap((kind) => (records[kind] ?? []).map((record) => ({ kind, record })))
    for (const result of await saveBatch(t, items, { keyId: null })) {
      const kind = items.find((i) => i.record.id === result.id)!.kind
      if (result.operation === 'create') report.created[kind]++
      else if (result.operation === 'update') report.updated[kind]++
      else report.unchanged++
    }
    return report
  })
}
