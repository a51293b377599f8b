/**
 * The OpenAPI document's examples of each export, written by the exports' own encoders from a few illustrative
 * records, so an example always has the columns, quoting and framing a real export has.
 */
import type { ActorExportView } from './columns/actors.ts'
import type { ChangeExportView } from './columns/changes.ts'
import type { IncidentExportView } from './columns/incidents.ts'
import type { ProvinceExportView } from './columns/provinces.ts'
import type { SourceExportView } from './columns/sources.ts'
import type { StatementExportView } from './columns/statements.ts'
import type { TallyExportView } from './columns/tallies.ts'
import type { ExportFormat } from './formats.ts'
import { actorTable, changeTable, encoderFor, formatsOf, incidentTable, provinceTable, sourceTable, statementTable, tallyTable, type ExportTable } from './tables.ts'

const stamps = { version: 1, created_at: '2026-11-21T10:00:00.000Z', updated_at: '2026-11-21T10:00:00.000Z' }
const iskp = { id: 'act_iskp', slug: 'iskp', name: 'Islamic State Khorasan Province' }
const taliban = { id: 'act_taliban', slug: 'taliban', name: 'Taliban' }
const none = { best: null, low: null, high: null }
const sourceRef = { id: 'src_2021_11_07_twin_blasts_rock_jalalabad', title: 'Twin blasts rock Jalalabad', publisher: 'Example News', published_on: '2021-11-07', url: null }

const incidents: IncidentExportView[] = [{
  id: 'inc_2021_11_07_jalalabad_twin_blasts',
  title: 'Twin blasts in Jalalabad',
  occurred_on: '2021-11-07',
  date_precision: 'day',
  date_start: '2021-11-07',
  date_end: '2021-11-07',
  province: { code: 'AF-NAN', name: 'Nangarhar' },
  district: 'Jalalabad',
  place: 'Police District 4',
  latitude: 34.4342,
  longitude: 70.4478,
  location_precision: 'neighborhood',
  type: 'bombing',
  targets: ['taliban_forces', 'vehicle'],
  summary: 'Two blasts, minutes apart, hit a Taliban vehicle; a source calls it "a second wave".',
  killed: { best: 3, low: 2, high: 4, breakdown: [] },
  wounded: { best: 5, low: 5, high: null, breakdown: [] },
  perpetrators_killed: none,
  perpetrators_wounded: none,
  responsibility: [{
    kind: 'claimed', actor: iskp, source_id: sourceRef.id, statement_id: null, voice: 'source', asserted_by: null,
    wording: 'claimed responsibility', excerpt: null, challenge: null, notes: null
  }],
  participants: [{ role: 'target', actor: taliban, description: 'a Taliban patrol', count: null, outcome: null, source_id: sourceRef.id, excerpt: null, notes: null }],
  ...stamps,
  source_ids: [sourceRef.id]
}, {
  id: 'inc_2021_10_kandahar_mosque_clash',
  title: 'Clash near a mosque in Kandahar province',
  occurred_on: '2021-10-01',
  date_precision: 'month',
  date_start: '2021-10-01',
  date_end: '2021-10-31',
  province: { code: 'AF-KAN', name: 'Kandahar' },
  district: null,
  place: null,
  latitude: null,
  longitude: null,
  location_precision: null,
  type: 'armed_clash',
  targets: [],
  summary: 'Reported only as "early October"; no casualty figures.',
  killed: { ...none, breakdown: [] },
  wounded: { ...none, breakdown: [] },
  perpetrators_killed: none,
  perpetrators_wounded: none,
  responsibility: [],
  participants: [],
  ...stamps,
  source_ids: []
}]

const actors: ActorExportView[] = [{
  ...iskp,
  aliases: ['ISKP', 'ISIS-K', 'IS-K'],
  kind: 'armed_group',
  parent: { id: 'act_islamic_state', slug: 'islamic-state', name: 'Islamic State' },
  description: 'The Islamic State\'s branch in Afghanistan and Pakistan.',
  estimates: [],
  ...stamps
}]

const statements: StatementExportView[] = [{
  id: 'stm_2021_09_21_mujahid_no_one_to_do_with_al_qaeda',
  speaker: { id: 'act_zabihullah_mujahid', slug: 'zabihullah-mujahid', name: 'Zabihullah Mujahid' },
  on_behalf_of: taliban,
  said_on: '2021-09-21',
  date_precision: 'day',
  date_start: '2021-09-21',
  date_end: '2021-09-21',
  kind: 'denial',
  text: 'We do not see anyone in Afghanistan who has anything to do with al Qaeda',
  text_kind: 'quote',
  notes: null,
  incident_ids: [],
  sources: [{ ...sourceRef, id: 'src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country', title: 'Taliban say no ISIS, al Qaeda in country', published_on: '2021-09-21' }],
  ...stamps
}]

const sources: SourceExportView[] = [{
  id: sourceRef.id,
  title: sourceRef.title,
  publisher: sourceRef.publisher,
  author: null,
  published_on: '2021-11-07',
  date_precision: 'day',
  url: null,
  language: 'en',
  kind: 'news_article',
  notes: null,
  cites: [],
  cited_by: [],
  ...stamps
}]

const provinces: ProvinceExportView[] = [{
  code: 'AF-NAN',
  name: 'Nangarhar',
  aliases: ['Ningarhar', 'Nangrahar'],
  capital: 'Jalalabad',
  centroid: { latitude: 34.27, longitude: 70.45 },
  incidents: 12
}]

const tallies: TallyExportView[] = [{
  id: 'tly_2022_12_05_iskp_attacks_last_two_months',
  title: 'People killed in ISKP attacks in the last two months',
  source: { id: 'src_2022_12_05_96_people_killed_iskp_attacks', title: '96 people killed in ISKP attacks', publisher: 'Example News', published_on: '2022-12-05', url: null },
  period_start: '2022-10-05',
  period_end: '2022-12-05',
  period_precision: 'week',
  perpetrator: iskp,
  killed: { best: 96, low: 96, high: null, breakdown: [{ group: 'civilians', best: 73, low: 73, high: null }] },
  wounded: { ...none, breakdown: [] },
  incident_ids: [incidents[0]!.id],
  incidents_sum: { incidents: 1, killed: { best: 3, low: 2, high: 4 }, wounded: { best: 5, low: 5, high: null }, killed_unknown: 0, wounded_unknown: 0 },
  excerpt: 'at least 96 people killed',
  notes: null,
  ...stamps
}]

const changes: ChangeExportView[] = [{
  seq: 159,
  resource: 'incidents',
  id: incidents[0]!.id,
  operation: 'update',
  version: 2,
  at: '2026-11-21T10:00:00.000Z',
  url: `/v1/incidents/${incidents[0]!.id}`,
  revision_url: `/v1/incidents/${incidents[0]!.id}/revisions/2`
}]

/** An export of `views` as the service writes it: CSV and NDJSON as text, GeoJSON parsed. */
function encode<View> (table: ExportTable<View>, views: View[], format: ExportFormat): unknown {
  const encoder = encoderFor(table, format)
  const text = encoder.head + encoder.batch(views) + encoder.tail
  return format === 'geojson' ? JSON.parse(text) : text
}

function examplesOf<View> (table: ExportTable<View>, views: View[]): Partial<Record<ExportFormat, unknown>> {
  return Object.fromEntries(formatsOf(table).map((format) => [format, encode(table, views, format)]))
}

export const exportExamples = {
  incidents: examplesOf(incidentTable, incidents),
  actors: examplesOf(actorTable, actors),
  statements: examplesOf(statementTable, statements),
  sources: examplesOf(sourceTable, sources),
  provinces: examplesOf(provinceTable, provinces),
  tallies: examplesOf(tallyTable, tallies),
  changes: examplesOf(changeTable, changes)
}
