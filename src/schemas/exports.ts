/**
 * The exports in the OpenAPI document, made from the column definitions: each resource's flat row (CSV columns,
 * GeoJSON properties), its CSV and NDJSON bodies (strings whose `contentSchema` is a row or a line), the incidents'
 * FeatureCollection, and the media types a list's 200 answers in.
 */
import { Type, type TSchema } from '@sinclair/typebox'
import type { Column } from '../export/column.ts'
import { csvColumns, type ExportResource } from '../export/columns.ts'
import { exportExamples } from '../export/examples.ts'
import { mediaTypes, type ExportFormat } from '../export/formats.ts'
import { Actor } from './actors.ts'
import { Nullable, ref } from './common.ts'
import { Change } from './history.ts'
import { Incident } from './incidents.ts'
import { Province } from './provinces.ts'
import { Source } from './sources.ts'
import { Statement } from './statements.ts'
import { Tally } from './tallies.ts'

function cellSchema (column: Column<never>): TSchema {
  const options = { description: column.description }
  switch (column.type) {
    case 'integer': return Nullable(Type.Integer(), options)
    case 'number': return Nullable(Type.Number(), options)
    case 'boolean': return Nullable(Type.Boolean(), options)
    case 'date': return Nullable(Type.String({ format: 'date' }), options)
    case 'datetime': return Nullable(Type.String({ format: 'date-time' }), options)
    default: return Nullable(Type.String(), options)
  }
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** The columns as a Markdown table, for the document's readers. */
export function columnTable (columns: Array<Column<never>>): string {
  return ['| column | type | description |', '| --- | --- | --- |',
    ...columns.map((c) => `| \`${c.name}\` | ${c.type} | ${escapeCell(c.description)} |`)].join('\n')
}

function rowSchema (id: string, resource: ExportResource, what: string) {
  const columns = csvColumns[resource] as Array<Column<never>>
  return Type.Object(Object.fromEntries(columns.map((c) => [c.name, cellSchema(c)])), {
    $id: id,
    description: `One ${what} as a flat row: the CSV columns in order (null is an empty cell; a list is its values sorted and joined by \`;\`)${resource === 'incidents' ? ', and the properties of a GeoJSON feature' : ''}.`,
    additionalProperties: false
  })
}

function csvSchema (id: string, resource: ExportResource, row: TSchema, what: string) {
  return Type.String({
    $id: id,
    contentMediaType: mediaTypes.csv,
    contentSchema: ref(row),
    description: `CSV (RFC 4180): UTF-8 with a byte order mark, CRLF line ends, fields with a comma, quote or line break quoted (quotes doubled). A header row, then one row per ${what}, in the list's order. Text that a spreadsheet would take for a formula (starting with \`=\`, \`+\`, \`-\`, \`@\`, a tab or a carriage return) gets a leading \`'\`; numbers are never changed. Columns, in order:\n\n${columnTable(csvColumns[resource] as Array<Column<never>>)}`
  })
}

function ndjsonSchema (id: string, item: TSchema, what: string) {
  return Type.String({
    $id: id,
    contentMediaType: mediaTypes.ndjson,
    contentSchema: ref(item),
    description: `Newline-delimited JSON: one ${what} per line (\`contentSchema\`), the same object as the items of \`data\` in the JSON list, each line ending in \`\\n\`, in the list's order.`
  })
}

export const IncidentRow = rowSchema('IncidentRow', 'incidents', 'incident')
export const ActorRow = rowSchema('ActorRow', 'actors', 'actor')
export const StatementRow = rowSchema('StatementRow', 'statements', 'statement')
export const SourceRow = rowSchema('SourceRow', 'sources', 'source')
export const ProvinceRow = rowSchema('ProvinceRow', 'provinces', 'province')
export const TallyRow = rowSchema('TallyRow', 'tallies', 'tally')
export const ChangeRow = rowSchema('ChangeRow', 'changes', 'change')

export const IncidentCsv = csvSchema('IncidentCsv', 'incidents', IncidentRow, 'incident')
export const ActorCsv = csvSchema('ActorCsv', 'actors', ActorRow, 'actor')
export const StatementCsv = csvSchema('StatementCsv', 'statements', StatementRow, 'statement')
export const SourceCsv = csvSchema('SourceCsv', 'sources', SourceRow, 'source')
export const ProvinceCsv = csvSchema('ProvinceCsv', 'provinces', ProvinceRow, 'province')
export const TallyCsv = csvSchema('TallyCsv', 'tallies', TallyRow, 'tally')
export const ChangeCsv = csvSchema('ChangeCsv', 'changes', ChangeRow, 'change')

export const IncidentNdjson = ndjsonSchema('IncidentNdjson', Incident, 'incident')
export const ActorNdjson = ndjsonSchema('ActorNdjson', Actor, 'actor')
export const StatementNdjson = ndjsonSchema('StatementNdjson', Statement, 'statement')
export const SourceNdjson = ndjsonSchema('SourceNdjson', Source, 'source')
export const ProvinceNdjson = ndjsonSchema('ProvinceNdjson', Province, 'province')
export const TallyNdjson = ndjsonSchema('TallyNdjson', Tally, 'tally')
export const ChangeNdjson = ndjsonSchema('ChangeNdjson', Change, 'change')

export const GeoPoint = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Type.Array(Type.Number(), { description: 'Two numbers: [longitude, latitude], WGS 84.' })
}, { $id: 'GeoPoint', description: 'A GeoJSON Point (RFC 7946).', additionalProperties: false })

export const ExportDataset = Type.Object({
  version: Type.String({ description: 'The dataset release (calendar version YEAR.MONTH.PATCH).', examples: ['2026.11.0'] }),
  released_on: Type.String({ format: 'date', description: 'When the release was published.' }),
  citation: Type.String({ description: 'How to cite the release.' })
}, { $id: 'ExportDataset', description: 'The dataset release an export comes from, and how to cite it (also in the `Dataset-Version` and `Dataset-Citation` headers).', additionalProperties: false })

export const IncidentFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String({ description: 'The incident id.' }),
  geometry: Nullable(ref(GeoPoint), { description: 'Where it happened; null for an incident without coordinates (RFC 7946 allows it).' }),
  properties: ref(IncidentRow)
}, { $id: 'IncidentFeature', description: 'One incident as a GeoJSON Feature: its place and its flat columns.', additionalProperties: false })

export const IncidentFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  dataset: ref(ExportDataset),
  features: Type.Array(ref(IncidentFeature), { description: 'One feature per incident, in the list\'s order.' })
}, { $id: 'IncidentFeatureCollection', description: 'Incidents as a GeoJSON FeatureCollection (RFC 7946), with the dataset release as the foreign member `dataset`.', additionalProperties: false })

export const exportComponents = [
  IncidentRow, ActorRow, StatementRow, SourceRow, ProvinceRow, TallyRow, ChangeRow,
  IncidentCsv, ActorCsv, StatementCsv, SourceCsv, ProvinceCsv, TallyCsv, ChangeCsv,
  IncidentNdjson, ActorNdjson, StatementNdjson, SourceNdjson, ProvinceNdjson, TallyNdjson, ChangeNdjson,
  GeoPoint, ExportDataset, IncidentFeature, IncidentFeatureCollection
]

const bodies: Record<ExportResource, Partial<Record<ExportFormat, TSchema>>> = {
  incidents: { csv: IncidentCsv, ndjson: IncidentNdjson, geojson: IncidentFeatureCollection },
  actors: { csv: ActorCsv, ndjson: ActorNdjson },
  statements: { csv: StatementCsv, ndjson: StatementNdjson },
  sources: { csv: SourceCsv, ndjson: SourceNdjson },
  provinces: { csv: ProvinceCsv, ndjson: ProvinceNdjson },
  tallies: { csv: TallyCsv, ndjson: TallyNdjson },
  changes: { csv: ChangeCsv, ndjson: ChangeNdjson }
}

/** The media types a list exports `resource` in, each with its schema and an example (for a 200's `content`). */
export function exportContent (resource: ExportResource) {
  const examples = exportExamples[resource]
  return Object.fromEntries(Object.entries(bodies[resource]).map(([format, schema]) => [mediaTypes[format as ExportFormat], {
    schema: ref(schema),
    examples: { [format]: { summary: `The whole result as ${format === 'csv' ? 'CSV' : format === 'ndjson' ? 'NDJSON' : 'GeoJSON'} (illustrative records)`, value: examples[format as ExportFormat] } }
  }]))
}

/** The export formats of a resource. */
export const exportFormatsOf = (resource: ExportResource) => Object.keys(bodies[resource]) as ExportFormat[]
