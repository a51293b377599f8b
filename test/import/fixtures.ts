/** NDJSON files for the import tests: good rows, every kind of bad row, and references running both ways. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import type { Test } from 'tap'
import type { Database } from '../../src/db/client.ts'

const row = (kind: string, record: object) => JSON.stringify({ kind, record })

/** A title only the database refuses, by a rule the tests add (see refuseInDatabase): a refusal no check before it knows. */
export const refusedTitle = 'Refused by the database'

/** Adds the rule behind refusedTitle to the records' tables. */
export async function refuseInDatabase (db: Database): Promise<void> {
  for (const table of ['incidents', 'sources']) {
    await db.execute(sql.raw(`alter table ${table} add constraint import_test_refused check (title is distinct from '${refusedTitle}')`))
  }
}

export const source = { id: 'src_imp_wire', kind: 'news_agency_report', title: 'Wire report', published_on: '2022-03-02', url: 'https://example.org/imp/wire' }
export const actor = { id: 'act_imp_front', slug: 'imp-front', name: 'Imp Front', aliases: ['The Imps'], kind: 'armed_group' }
/** Names the incident three lines further down; the incident names it back. */
export const statement = {
  id: 'stm_imp_claim',
  speaker: 'The Imps',
  said_on: '2022-03-02',
  date_precision: 'day',
  kind: 'claim_of_responsibility',
  text: 'We carried out the attack.',
  text_kind: 'quote',
  incident_ids: ['inc_imp_blast'],
  source_ids: ['src_imp_wire']
}
export const incident = {
  id: 'inc_imp_blast',
  title: 'A blast at a market',
  occurred_on: '2022-03-01',
  date_precision: 'day',
  province: 'AF-KAB',
  type: 'explosion',
  killed: { best: 3, low: 3, high: 4 },
  reports: [{ source: 'src_imp_wire', killed: { best: 3, low: 3, high: 4 } }],
  responsibility: [{ kind: 'claimed', actor: 'imp-front', source: 'src_imp_wire', statement: 'stm_imp_claim' }]
}
/** Refers to an incident on an earlier line. */
export const followUp = {
  id: 'inc_imp_reprisal',
  title: 'A raid after the blast',
  occurred_on: '2022-03-05',
  date_precision: 'week',
  type: 'raid',
  reports: [{ source: 'src_imp_wire' }],
  related: [{ incident: 'inc_imp_blast', kind: 'response_to', source: 'src_imp_wire' }]
}

/** The mixed file, line by line (line 3 is blank); `bad` maps each bad line to what its report must say. */
export const mixedLines = [
  /* 1 */ row('sources', source),
  /* 2 */ row('actors', actor),
  /* 3 */ '',
  /* 4 */ row('statements', statement),
  /* 5 */ '{"kind": "sources", "record": {"id": "src_imp_cut"',
  /* 6 */ row('places', { id: 'plc_kabul' }),
  /* 7 */ row('incidents', incident),
  /* 8 */ row('incidents', { id: 'inc_imp_bad', occurred_on: '2022-13-01', date_precision: 'day', type: 'earthquake', reports: [], colour: 'red' }),
  /* 9 */ row('incidents', { ...followUp, id: 'inc_imp_dangling', related: [], reports: [{ source: 'src_imp_nowhere' }] }),
  /* 10 */ row('incidents', { ...followUp, id: 'inc_imp_window', related: [], date_precision: 'day', date_start: '2022-04-01', date_end: '2022-04-30' }),
  /* 11 */ row('incidents', followUp),
  /* 12 */ '[1, 2, 3]',
  /* 13 */ row('sources', { ...source, title: 'The same id again' }),
  /* 14 */ row('incidents', { ...followUp, id: 'inc_imp_nowhere', related: [], province: 'AF-ZZZ' }),
  /* 15 */ row('incidents', { ...followUp, id: 'inc_imp_refused', related: [], title: refusedTitle })
]

/** Lines 1, 2, 4, 7 and 11. */
export const good = 5
export const bad: Record<number, RegExp[]> = {
  5: [/^not JSON: /],
  6: [/^"places" is not a kind of record: use sources, actors, statements, incidents, tallies$/],
  8: [/^\/title is required$/, /^\/occurred_on must match format "date"$/, /^\/type must be one of: /, /^\/reports must NOT have fewer than 1 items$/, /^\/colour is not a field of this record$/],
  9: [/^\/reports\/0\/source names no source \("src_imp_nowhere"\)$/],
  // The write path names the window; before it did, the database refused it (either is a reason with the line).
  10: [/^\/occurred_on .*before date_start|violates check constraint "incidents_window_holds_date"/],
  12: [/^expected \{"kind": "<kind>", "record": \{\.\.\.\}\}$/],
  13: [/^\/id "src_imp_wire" is also the id of line 1$/],
  14: [/^\/province "AF-ZZZ" is not an ISO 3166-2:AF province code$/],
  15: [/^new row for relation "incidents" violates check constraint "import_test_refused"$/]
}

/** Writes lines to a file in a temporary folder removed when the test ends. */
export function ndjsonFile (t: Test, lines: string[], name = 'records.ndjson'): string {
  const dir = mkdtempSync(join(tmpdir(), 'apv-import-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, name)
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

export const goodLines = [row('sources', source), row('actors', actor), row('statements', statement), row('incidents', incident), row('incidents', followUp)]
