/** Building blocks of the record input format: what a data file (and later a write request) says, by reference. */
import { Type, type SchemaOptions, type TSchema } from '@sinclair/typebox'
import { datePrecisions, victimGroups, casualtyOutcomes } from '../../domain/vocabulary.ts'
import { IsoDate, Nullable, StringEnum, noControlChars } from '../common.ts'

/** An optional input field: may be left out (it then reads as null) or given as null. */
export const Maybe = <T extends TSchema>(schema: T, options: SchemaOptions = {}) => Type.Optional(Nullable(schema, options))

export const Text = (description: string, options: SchemaOptions = {}) =>
  Type.String({ minLength: 1, maxLength: 20_000, pattern: noControlChars, description, ...options })

/** A record id: lower-case letters, digits and underscores, with a resource prefix. */
export const RecordId = (prefix: string, description: string) =>
  Type.String({ pattern: `^${prefix}_[a-z0-9_]+$`, maxLength: 200, description })

/** An actor by id, slug or alias (`act_iskp`, `iskp`, `ISIS-K`). */
export const ActorKey = (description: string) =>
  Type.String({ minLength: 1, maxLength: 200, pattern: noControlChars, description })

export const SourceKey = (description: string) => RecordId('src', description)
export const IncidentKey = (description: string) => RecordId('inc', description)
export const StatementKey = (description: string) => RecordId('stm', description)

export const InputDate = (description: string) => IsoDate({ description })
export const InputPrecision = StringEnum(datePrecisions, {
  description: 'How close the date is: `day` exact; `week`, `month`, `year`: placed only within about that span (see the window).'
})

const figure = (description: string) => Maybe(Type.Integer({ minimum: 0 }), { description })

/** best / low / high; each may be left out for unknown. */
export const FiguresInput = Type.Object({
  best: figure('Best estimate; leave out or null when unknown.'),
  low: figure('Lowest figure the source supports ("at least 3" gives low 3).'),
  high: figure('Highest figure; null when unknown or open-ended ("more than 100").')
}, { additionalProperties: false, description: 'A count as best / low / high. Null is unknown; 0 is a known zero.' })

/** Part of a count, by victim group, with its own bounds. */
export const BreakdownInput = Type.Object({
  outcome: StringEnum(casualtyOutcomes, { description: 'Killed or wounded.' }),
  group: StringEnum(victimGroups, { description: 'The group of victims.' }),
  best: figure('Best estimate for the group.'),
  low: figure('Lowest figure for the group.'),
  high: figure('Highest figure for the group; null when open-ended.')
}, { additionalProperties: false, description: 'Casualties of one group, as one source gives them.' })

/** A quotation of the source's own words, checked against the article text where the source is a seed article. */
export const Excerpt = (description = 'The source\'s own words, verbatim.') => Maybe(Text(description))
export const Notes = (description = 'Curation notes: how a date or figure was established, context.') => Maybe(Text(description))
