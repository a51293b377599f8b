/** Small embedded views of other resources: how one resource points at another. */
import { Type } from '@sinclair/typebox'
import { datePrecisions } from '../domain/vocabulary.ts'
import { Nullable, StringEnum } from './common.ts'

export const DatePrecision = StringEnum(datePrecisions, {
  $id: 'DatePrecision',
  description: 'How close the date is to the true one: `day` exact; `week`, `month`, `year`: the sources only place it within about that span of the given date (a month known only as "October 2021" is given as its first day). The record\'s summary or notes say how the date was resolved.'
})

export const ProvinceRef = Type.Object({
  code: Type.String({ description: 'ISO 3166-2:AF code.', examples: ['AF-NAN'] }),
  name: Type.String({ description: 'English name.', examples: ['Nangarhar'] })
}, { $id: 'ProvinceRef', description: 'A province, by code and name.', additionalProperties: false })

export const ActorRef = Type.Object({
  id: Type.String({ description: 'Opaque actor id.', examples: ['act_iskp'] }),
  slug: Type.String({ description: 'Readable unique slug, accepted wherever an actor id is.', examples: ['iskp'] }),
  name: Type.String({ description: 'Display name.', examples: ['Islamic State Khorasan Province'] })
}, { $id: 'ActorRef', description: 'An actor, by id, slug and name.', additionalProperties: false })

export const SourceRef = Type.Object({
  id: Type.String({ description: 'Opaque source id.', examples: ['src_2021_11_07_twin_blasts_rock_jalalabad'] }),
  title: Nullable(Type.String(), { description: 'Headline or title; null when the citing report does not give it.' }),
  publisher: Nullable(Type.String(), { description: 'Outlet or organisation that published it; null when unknown.' }),
  published_on: Nullable(Type.String({ format: 'date' }), { description: 'Publication date; null when unknown.' }),
  url: Nullable(Type.String(), { description: 'Link to the report; null when unknown (never invented).' })
}, { $id: 'SourceRef', description: 'A report, by id, title, publisher, date and link.', additionalProperties: false })
