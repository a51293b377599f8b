/** The record input schemas by resource: the data-file format, and the JSON Schemas generated from it. */
import { ActorInput } from './actor.ts'
import { IncidentInput } from './incident.ts'
import { SourceInput } from './source.ts'
import { StatementInput } from './statement.ts'
import { TallyInput } from './tally.ts'

/** Folder name under the data directory -> the schema every file in it must satisfy. Load order matters. */
export const recordSchemas = {
  sources: SourceInput,
  actors: ActorInput,
  incidents: IncidentInput,
  statements: StatementInput,
  tallies: TallyInput
} as const

export type RecordKind = keyof typeof recordSchemas
