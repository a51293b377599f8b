/** JSON Merge Patch bodies (RFC 7396) of each record: any field of the record, `null` to remove an optional one. */
import { Type, type TObject } from '@sinclair/typebox'
import { ActorInput } from './actor.ts'
import { IncidentInput } from './incident.ts'
import { SourceInput } from './source.ts'
import { StatementInput } from './statement.ts'
import { TallyInput } from './tally.ts'

const patchOf = (input: TObject, name: string) => Type.Partial(input, {
  $id: `${name}Patch`,
  additionalProperties: false,
  description: `A JSON Merge Patch of a ${name.toLowerCase()} record: the fields to change; \`null\` removes an optional field; arrays replace the whole list.`
})

export const SourcePatch = patchOf(SourceInput, 'Source')
export const ActorPatch = patchOf(ActorInput, 'Actor')
export const StatementPatch = patchOf(StatementInput, 'Statement')
export const IncidentPatch = patchOf(IncidentInput, 'Incident')
export const TallyPatch = patchOf(TallyInput, 'Tally')
