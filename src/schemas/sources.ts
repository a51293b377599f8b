/** API schemas for sources: the reports every figure, claim and quote traces to. */
import { Type } from '@sinclair/typebox'
import { sourceKinds } from '../domain/vocabulary.ts'
import { Cursor, EndDate, FreeText, Id, Limit, Nullable, Page, StartDate, ref, StringEnum, timestampProperties, versionProperty, UpdatedSince } from './common.ts'
import { ListFormatParam } from './list-format.ts'
import { DatePrecision, SourceRef } from './references.ts'

export const SourceKind = StringEnum(sourceKinds, {
  $id: 'SourceKind', description: 'What sort of report this is.'
})

export const Citation = Type.Object({
  source: ref(SourceRef),
  context: Nullable(Type.String(), { description: 'The citing words ("According to Anadolu Agency").' })
}, { $id: 'Citation', description: 'A link in a citation chain.', additionalProperties: false })

export const Source = Type.Object({
  id: Type.String({ description: 'Opaque source id.', examples: ['src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country'] }),
  title: Nullable(Type.String(), { description: 'Headline or title; null when unknown.' }),
  publisher: Nullable(Type.String(), { description: 'Outlet or organisation that published it; null when unknown.' }),
  author: Nullable(Type.String(), { description: 'Byline; null when none.' }),
  published_on: Nullable(Type.String({ format: 'date' }), { description: 'Publication date; null when unknown.' }),
  date_precision: Nullable(ref(DatePrecision), { description: 'Precision of `published_on`; null when the date is unknown.' }),
  url: Nullable(Type.String(), { description: 'Link to the report; null when unknown (never invented).' }),
  language: Nullable(Type.String(), { description: 'ISO 639-1 language code.', examples: ['en'] }),
  kind: ref(SourceKind),
  notes: Nullable(Type.String(), { description: 'Curation notes: how the date or publisher was established.' }),
  cites: Type.Array(ref(Citation), { description: 'Reports this source relies on ("Reuters reported").' }),
  cited_by: Type.Array(ref(Citation), { description: 'Reports in the database that rely on this one.' }),
  ...versionProperty(),
  ...timestampProperties()
}, { $id: 'Source', description: 'A report: news article, agency report, official statement, UN or NGO report, post.', additionalProperties: false })

export const SourceList = Page(Source, 'SourceList', 'A page of sources, newest `published_on` first (unknown dates last), then by id.')

export const SourceIdParams = Type.Object({
  id: Id('Source id.', 'src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country')
}, { additionalProperties: false })

export const SourceListQuery = Type.Object({
  publisher: Type.Optional(FreeText('Publisher name, case-insensitive exact match; several comma-separated mean OR.', 'Anadolu Agency,Reuters')),
  kind: Type.Optional(StringEnum(sourceKinds, { description: 'Only sources of this kind.', examples: ['news_agency_report'] })),
  start_date: Type.Optional(StartDate),
  end_date: Type.Optional(EndDate),
  updated_since: Type.Optional(UpdatedSince),
  q: Type.Optional(FreeText('Case-insensitive text matched against title, publisher and author.', 'ISKP')),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor('sources', ['2021-11-07', 'src_2021_11_07_twin_blasts_rock_jalalabad'])),
  format: ListFormatParam(['csv', 'ndjson'])
}, { additionalProperties: false })
