/** API schemas for actors: armed groups, governments, organisations, outlets and people. */
import { Type } from '@sinclair/typebox'
import { actorKinds } from '../domain/vocabulary.ts'
import { Cursor, FreeText, Id, Limit, Nullable, Page, ref, StringEnum, timestampProperties } from './common.ts'
import { ActorRef } from './references.ts'

export const ActorKind = StringEnum(actorKinds, {
  $id: 'ActorKind', description: 'What sort of actor this is.'
})

export const Actor = Type.Object({
  id: Type.String({ description: 'Opaque actor id.', examples: ['act_iskp'] }),
  slug: Type.String({ description: 'Readable unique slug, accepted wherever an actor id is.', examples: ['iskp'] }),
  name: Type.String({ description: 'Display name.', examples: ['Islamic State Khorasan Province'] }),
  aliases: Type.Array(Type.String(), { description: 'Other names and spellings, matched by the `q` filter.', examples: [['ISKP', 'ISIS-K', 'IS-K']] }),
  kind: ref(ActorKind),
  parent: Nullable(ref(ActorRef), { description: 'The organisation this actor belongs to or is a branch of; null when none.' }),
  description: Nullable(Type.String(), { description: 'Who this actor is, as the sources support.' }),
  ...timestampProperties()
}, { $id: 'Actor', description: 'An armed group, government body, party, organisation, media outlet or person.', additionalProperties: false })

export const ActorList = Page(Actor, 'ActorList', 'A page of actors, ordered by slug.')

export const ActorIdParams = Type.Object({
  id: Id('Actor id or slug.', 'iskp')
}, { additionalProperties: false })

export const ActorListQuery = Type.Object({
  q: Type.Optional(FreeText('Case-insensitive text matched against name, slug and aliases.', 'ISIS-K')),
  kind: Type.Optional(StringEnum(actorKinds, { description: 'Only actors of this kind.', examples: ['armed_group'] })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor('actors', ['hamid-karzai']))
}, { additionalProperties: false })
