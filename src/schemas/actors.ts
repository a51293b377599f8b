/** API schemas for actors: armed groups, governments, organisations, outlets and people. */
import { Type } from '@sinclair/typebox'
import { actorKinds, estimateMeasures } from '../domain/vocabulary.ts'
import { Cursor, FreeText, Id, Limit, Nullable, Page, ref, StringEnum, timestampProperties, versionProperty, UpdatedSince } from './common.ts'
import { ListFormatParam } from './list-format.ts'
import { ActorRef, DatePrecision } from './references.ts'

export const ActorKind = StringEnum(actorKinds, {
  $id: 'ActorKind', description: 'What sort of actor this is.'
})

export const EstimateMeasure = StringEnum(estimateMeasures, {
  $id: 'EstimateMeasure', description: 'What an estimate counts.'
})

const bound = (description: string) => Nullable(Type.Integer({ minimum: 0 }), { description })

export const ActorEstimate = Type.Object({
  measure: ref(EstimateMeasure),
  best: bound('Best estimate; null when the source gives only a range.'),
  low: bound('Lower bound; null when unknown.'),
  high: bound('Upper bound; null when unknown or open-ended.'),
  as_of: Type.String({ format: 'date', description: 'The date the estimate holds for; see `date_precision`.', examples: ['2021-09-24'] }),
  date_precision: ref(DatePrecision),
  source_id: Type.String({ description: 'The report that gives it.' }),
  statement_id: Nullable(Type.String(), { description: 'The statement that gives it, when recorded.' }),
  excerpt: Nullable(Type.String(), { description: 'The report\'s own words.' }),
  notes: Nullable(Type.String(), { description: 'Curation notes.' })
}, { $id: 'ActorEstimate', description: 'An estimate of an actor\'s strength ("2,000 to 3,000 fighters"), as of a date, per a source.', additionalProperties: false })

export const Actor = Type.Object({
  id: Type.String({ description: 'Opaque actor id.', examples: ['act_iskp'] }),
  slug: Type.String({ description: 'Readable unique slug, accepted wherever an actor id is.', examples: ['iskp'] }),
  name: Type.String({ description: 'Display name.', examples: ['Islamic State Khorasan Province'] }),
  aliases: Type.Array(Type.String(), { description: 'Other names and spellings, matched by the `q` filter.', examples: [['ISKP', 'ISIS-K', 'IS-K']] }),
  kind: ref(ActorKind),
  parent: Nullable(ref(ActorRef), { description: 'The organisation this actor belongs to or is a branch of; null when none.' }),
  description: Nullable(Type.String(), { description: 'Who this actor is, as the sources support.' }),
  estimates: Type.Array(ref(ActorEstimate), { description: 'Strength estimates, oldest first, each per a source.' }),
  ...versionProperty(),
  ...timestampProperties()
}, { $id: 'Actor', description: 'An armed group, government body, party, organisation, media outlet or person.', additionalProperties: false })

export const ActorList = Page(Actor, 'ActorList', 'A page of actors, ordered by slug.')

export const ActorIdParams = Type.Object({
  id: Id('Actor id, slug or alias.', 'iskp')
}, { additionalProperties: false })

export const ActorListQuery = Type.Object({
  q: Type.Optional(FreeText('Case-insensitive text matched against name, slug and aliases.', 'ISIS-K')),
  kind: Type.Optional(StringEnum(actorKinds, { description: 'Only actors of this kind.', examples: ['armed_group'] })),
  updated_since: Type.Optional(UpdatedSince),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor('actors', ['hamid-karzai'])),
  format: ListFormatParam(['csv', 'ndjson'])
}, { additionalProperties: false })
