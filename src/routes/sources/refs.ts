/** The embedded SourceRef view, selected and mapped the same way everywhere. */
import type { Static } from '@sinclair/typebox'
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
