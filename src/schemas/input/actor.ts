/** The actor record as curated and written, with the sources' estimates of its strength. */
import { Type, type Static } from '@sinclair/typebox'
import { actorKinds, estimateMeasures } from '../../domain/vocabulary.ts'
import { StringEnum } from '../common.ts'
import { ActorKey, Excerpt, InputDate, InputPrecision, Maybe, Notes, RecordId, SourceKey, StatementKey, Text } from './common.ts'

export const EstimateInput = Type.Object({
  measure: StringEnum(estimateMeasures, { description: 'What is counted.' }),
  best: Maybe(Type.Integer({ minimum: 0, description: 'Best estimate; null when the source gives only a range.' })),
  low: Maybe(Type.Integer({ minimum: 0, description: 'Lower bound.' })),
  high: Maybe(Type.Integer({ minimum: 0, description: 'Upper bound; null when open-ended.' })),
  as_of: InputDate('The date the estimate holds for (the report\'s date when it gives no other).'),
  date_precision: InputPrecision,
  source: SourceKey('The report that gives the estimate.'),
  statement: Maybe(StatementKey('The statement that gives it, if recorded.')),
  excerpt: Excerpt(),
  notes: Notes()
}, { additionalProperties: false, description: 'An estimate of an actor\'s strength ("2,000 to 3,000 fighters"), as of a date, per a source.' })

export const ActorInput = Type.Object({
  id: RecordId('act', 'Actor id: `act_` and a readable key.'),
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100, description: 'Readable unique slug.' }),
  name: Text('Display name.', { maxLength: 300 }),
  aliases: Type.Optional(Type.Array(Text('An alias.', { maxLength: 200 }), { description: 'Other names and spellings; each names one actor only.' })),
  kind: StringEnum(actorKinds, { description: 'What sort of actor this is.' }),
  parent: Maybe(ActorKey('The organisation it belongs to or is a branch of (id, slug or alias).')),
  description: Maybe(Text('Who this actor is, as the sources support.')),
  estimates: Type.Optional(Type.Array(EstimateInput, { description: 'Strength estimates, each per a source.' }))
}, { $id: 'ActorInput', additionalProperties: false, description: 'An actor record.' })

export type ActorRecord = Static<typeof ActorInput>
