/** The release's `CITATION.cff` (Citation File Format 1.2.0), so that archives and code hosts offer the right citation. */
import { stringify } from 'yaml'
import type { DatasetRelease } from './dataset-release.ts'

export function citationCff (release: DatasetRelease): string {
  const cff = {
    'cff-version': '1.2.0',
    message: 'If you use this dataset, please cite it as below, with the ids of the records you use, and cite the underlying report for every figure or quote (sources.csl.json).',
    type: 'dataset',
    title: release.title,
    version: release.version,
    'date-released': release.released_on,
    license: release.license,
    authors: release.authors.map((author) => ({ name: author.name })),
    abstract: 'A curated, sourced record of political violence in Afghanistan since August 2021: incidents, the actors involved, their statements and the reports that carry each figure, claim and quote.',
    keywords: ['Afghanistan', 'political violence', 'armed conflict', 'terrorism', 'event data']
  }
  return stringify(cff, { lineWidth: 0 })
}
