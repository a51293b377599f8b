/** The whole result of an actor list query, for exports: the list's select, read through a cursor. */
import type { Static } from '@sinclair/typebox'
import type { CursorQuery } from '../../db/cursor.ts'
import type { ActorExportView } from '../../export/columns/actors.ts'
import type { ActorListQuery } from '../../schemas/actors.ts'
import { actorListSelect, toActorViews, type ActorJoinRow } from './queries.ts'

export function actorExport (query: Static<typeof ActorListQuery>, limit?: number): CursorQuery<ActorJoinRow, ActorExportView> {
  return {
    select: (tx) => (limit === undefined ? actorListSelect(tx, query) : actorListSelect(tx, query).limit(limit)),
    map: toActorViews
  }
}
