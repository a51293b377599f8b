/** The release's README.md: what each file is and how to cite the data. */
import { citationLine, type DatasetRelease } from './dataset-release.ts'
import type { PackagedTable } from './datapackage.ts'

export function packageReadme (release: DatasetRelease, tables: PackagedTable[], sources: number): string {
  const rows = tables.map((t) => `| \`${t.path}\` | ${t.rows} | ${t.bytes} | \`${t.sha256.slice(0, 16)}…\` |`)
  return `# ${release.title}, release ${release.version}

Released ${release.released_on} under ${release.license}. A curated, sourced record of political violence in
Afghanistan since August 2021: incidents, the actors involved, their statements, and the reports (sources) behind
every figure, claim and quote.

## How to cite

${citationLine(release)}

Cite the ids of the records you use, and cite the underlying report for every figure or quote: \`sources.csl.json\`
has each source as CSL-JSON, ready for Zotero, Mendeley, Pandoc or citeproc. \`CITATION.cff\` has the citation in
the Citation File Format.

## Files

| file | what it is |
| --- | --- |
| \`datapackage.json\` | Frictionless Tabular Data Package: each table's columns (Table Schema), size and SHA-256 hash |
| \`data/*.csv\` | the tables, exactly as the API's CSV export serves them (\`GET /v1/<table>?format=csv\`) |
| \`sources.csl.json\` | the ${sources} sources as one CSL-JSON array |
| \`CITATION.cff\` | how to cite this release (Citation File Format 1.2.0) |

| table | rows | bytes | sha256 |
| --- | --- | --- | --- |
${rows.join('\n')}

## Reading the CSV files

UTF-8 with a byte order mark, CRLF line ends, a header row; an empty cell is unknown (null), \`0\` is a known zero.
A column that holds a list (\`source_ids\`, \`claimed_by\`, \`aliases\`...) joins its values with \`;\`. Text that a
spreadsheet would run as a formula (starting with \`=\`, \`+\`, \`-\` or \`@\`) starts with a \`'\`. \`datapackage.json\`
describes every column; \`frictionless validate datapackage.json\` checks the files against it, and
\`frictionless.Package('datapackage.json')\` or pandas (\`encoding="utf-8-sig"\`) read them.
`
}
