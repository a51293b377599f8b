/** The source record as curated and written: a report and the reports it cites. */
import { Type, type Static } from '@sinclair/typebox'
import { sourceKinds } from '../../domain/vocabulary.ts'
import { StringEnum } from '../common.ts'
import { InputDate, InputPrecision, Maybe, Notes, RecordId, SourceKey, Text } from './common.ts'

export const CitationInput = Type.Object({
  source: SourceKey('The report cited.'),
  context: Maybe(Text('The citing words ("According to Anadolu Agency").', { maxLength: 2000 }))
}, { additionalProperties: false, description: 'A report this one relies on.' })

export const SourceInput = Type.Object({
  id: RecordId('src', 'Source id: `src_` and a readable key.'),
  title: Maybe(Text('Headline or title.', { maxLength: 500 })),
  publisher: Maybe(Text('Outlet or organisation.', { maxLength: 300 })),
  author: Maybe(Text('Byline.', { maxLength: 300 })),
  published_on: Maybe(InputDate('Publication date.')),
  date_precision: Maybe(InputPrecision),
  url: Maybe(Type.String({ format: 'uri', maxLength: 2000, description: 'Link to the report; never invented.' })),
  language: Maybe(Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1 code.' })),
  kind: StringEnum(sourceKinds, { description: 'What sort of report.' }),
  notes: Notes('Curation notes: how the date or publisher was established.'),
  cites: Type.Optional(Type.Array(CitationInput, { description: 'Reports this one cites.' }))
}, { $id: 'SourceInput', additionalProperties: false, description: 'A source record.' })

export type SourceRecord = Static<typeof SourceInput>
