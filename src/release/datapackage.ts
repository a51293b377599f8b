/** The release's `datapackage.json`: a Frictionless Tabular Data Package (v1) over the CSV exports. */
import type { ExportResource } from '../export/columns.ts'
import { citationLine, type DatasetRelease } from './dataset-release.ts'
import type { TableSchema } from './table-schema.ts'

export interface PackagedTable {
  name: ReleasedTable
  /** Relative to the package: `data/<name>.csv`. */
  path: string
  bytes: number
  rows: number
  sha256: string
  schema: TableSchema
}

/** Titles and links of the licences a release may carry (Open Definition / SPDX ids); others are named only. */
const licenses: Record<string, { title: string, path: string }> = {
  'CC-BY-4.0': { title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC-BY-SA-4.0': { title: 'Creative Commons Attribution Share-Alike 4.0', path: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  'CC0-1.0': { title: 'CC0 1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'ODbL-1.0': { title: 'Open Data Commons Open Database License 1.0', path: 'https://opendatacommons.org/licenses/odbl/1-0/' }
}

/**
 * The tables a release packages, with their titles: the curated records. (Provinces, tallies and the change feed are
 * exported by the API too, but are not tables of the release.)
 */
const tableDescriptions = {
  incidents: { title: 'Incidents', description: 'Attacks, armed clashes, security operations, raids and arrests: where, when, casualties as best/low/high, who claimed or was blamed, and the sources that report each.' },
  actors: { title: 'Actors', description: 'Armed groups, governments and ministries, parties, organisations, media outlets and people, with slugs, aliases and parent organisations.' },
  statements: { title: 'Statements', description: 'What actors said: claims of responsibility, denials, condemnations, attributions, assessments and pledges, with the incidents they concern and the sources that carry them.' },
  sources: { title: 'Sources', description: 'The reports behind every figure, claim and quote, with the reports each cites. Also in sources.csl.json, as CSL-JSON for reference managers.' }
} satisfies Partial<Record<ExportResource, { title: string, description: string }>>

export type ReleasedTable = keyof typeof tableDescriptions

/** The tables of a release, in the order they are written. */
export const releasedTables = Object.keys(tableDescriptions) as ReleasedTable[]

/** A package name as Frictionless wants it: lower case, `a-z 0-9 - _ .` only. */
export function packageName (title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')
}

/** The CSV dialect of the exports (RFC 4180 with CRLF line ends, a header row), said out loud. */
const dialect = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true }

export function dataPackage (release: DatasetRelease, tables: PackagedTable[], created: Date) {
  const license = licenses[release.license]
  return {
    profile: 'tabular-data-package',
    name: packageName(release.title),
    title: release.title,
    version: release.version,
    created: created.toISOString(),
    description: `${release.title}, release ${release.version} (${release.released_on}): a curated, sourced record of political violence in Afghanistan since August 2021, in four tables. Every figure, claim and quote traces to a report in \`sources\`. Cite as: ${citationLine(release)}`,
    keywords: ['Afghanistan', 'political violence', 'armed conflict', 'terrorism', 'event data'],
    licenses: [{ name: release.license, ...license }],
    contributors: release.authors.map((author) => ({ title: author.name, role: 'author' })),
    sources: [{ title: 'The reports listed in data/sources.csv (as CSL-JSON in sources.csl.json)', path: 'data/sources.csv' }],
    resources: tables.map((table) => ({
      profile: 'tabular-data-resource',
      name: table.name,
      path: table.path,
      ...tableDescriptions[table.name],
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: table.bytes,
      hash: `sha256:${table.sha256}`,
      dialect,
      schema: table.schema
    }))
  }
}
