/** The columns of an actor export: the list's view, the parent flattened, aliases as a list. */
import type { Static } from '@sinclair/typebox'
import type { Actor } from '../../schemas/actors.ts'
import { listColumn, type Column } from '../column.ts'

export type ActorExportView = Static<typeof Actor>

export const actorColumns: Array<Column<ActorExportView>> = [
  { name: 'id', type: 'string', description: 'Actor id.', value: (v) => v.id },
  { name: 'slug', type: 'string', description: 'Readable unique slug, accepted wherever an actor id is.', value: (v) => v.slug },
  { name: 'name', type: 'string', description: 'Display name.', value: (v) => v.name },
  listColumn('aliases', 'Other names and spellings.', (v) => v.aliases),
  { name: 'kind', type: 'string', description: 'What the actor is (`armed_group`, `government_body`, `person`, ...).', value: (v) => v.kind },
  { name: 'parent_id', type: 'string', description: 'Id of the organisation this actor belongs to or is a branch of; empty when none.', value: (v) => v.parent?.id ?? null },
  { name: 'parent_slug', type: 'string', description: 'Slug of that organisation; empty when none.', value: (v) => v.parent?.slug ?? null },
  { name: 'parent_name', type: 'string', description: 'Name of that organisation; empty when none.', value: (v) => v.parent?.name ?? null },
  { name: 'description', type: 'string', description: 'Who this actor is, as the sources support.', value: (v) => v.description },
  { name: 'estimate_count', type: 'integer', description: 'How many strength estimates the record holds (each with its figures and source in the JSON).', value: (v) => v.estimates.length },
  { name: 'version', type: 'integer', description: 'The record\'s version: 1 when created, one more at every change.', value: (v) => v.version },
  { name: 'created_at', type: 'datetime', description: 'When the record was created (RFC 3339, UTC).', value: (v) => v.created_at },
  { name: 'updated_at', type: 'datetime', description: 'When the record last changed (RFC 3339, UTC).', value: (v) => v.updated_at },
  { name: 'url', type: 'string', description: 'The record in JSON: a path under this API.', value: (v) => `/v1/actors/${encodeURIComponent(v.slug)}` }
]
