/** Small SQL helpers shared by the query functions. */
import { ilike, or, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'

/** Escapes LIKE wildcards so user text matches literally. */
export function likePattern (text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Case-insensitive substring match over several columns. */
export function containsText (text: string, columns: PgColumn[]): SQL {
  const pattern = likePattern(text)
  return or(...columns.map((c) => ilike(c, pattern))) as SQL
}

/** A row's created_at / updated_at as RFC 3339 UTC strings. */
export function recordTimestamps (row: { createdAt: Date, updatedAt: Date }): { created_at: string, updated_at: string } {
  return { created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString() }
}
