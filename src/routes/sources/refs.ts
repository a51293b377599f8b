/** The embedded SourceRef view, selected and mapped the same way everywhere. */
import type { Static } from '@sinclair/typebox'
import { aliasedTable, sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { sources } from '../../db/schema.ts'
import type { SourceRef } from '../../schemas/references.ts'

export const sourceRefColumns = {
  id: sources.id,
  title: sources.title,
  publisher: sources.publisher,
  published_on: sources.publishedOn,
  url: sources.url
}

export type SourceRefRow = Static<typeof SourceRef>

const referenced = aliasedTable(sources, 'source_ref')
const fromReferenced = (id: PgColumn) => sql`from ${sources} as ${sql.identifier('source_ref')} where ${referenced.id} = ${id}`

/**
 * The SourceRef of the source an id column names, as JSON: a lookup by primary key for each row (a join would let
 * the planner hash the whole sources table to attach a few of them).
 */
export function sourceRefJson (id: PgColumn): SQL<SourceRefRow> {
  return sql<SourceRefRow>`(select json_build_object('id', ${referenced.id}, 'title', ${referenced.title}, 'publisher', ${referenced.publisher},
    'published_on', ${referenced.publishedOn}, 'url', ${referenced.url}) ${fromReferenced(id)})`
}

/** The publication date of the source an id column names (to order by), by primary key. */
export function sourcePublishedOn (id: PgColumn): SQL<string | null> {
  return sql<string | null>`(select ${referenced.publishedOn} ${fromReferenced(id)})`
}
