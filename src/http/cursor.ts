/** Opaque keyset cursors: a tagged tuple of the last row's sort keys, base64url-encoded JSON. */
import { invalidParameter } from './problem.ts'

export type CursorKey = string

/** Encodes the sort keys of the last row of a page. */
export function encodeCursor (tag: string, keys: CursorKey[]): string {
  return Buffer.from(JSON.stringify([tag, ...keys])).toString('base64url')
}

/**
 * Decodes a cursor made by encodeCursor with the same tag; `shapes` checks each key.
 * Anything else is a 400, never a query with garbage in it.
 */
export function decodeCursor (cursor: string, tag: string, shapes: RegExp[]): CursorKey[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalidParameter('cursor', 'is not a cursor this endpoint issued')
  }
  if (
    !Array.isArray(parsed) || parsed.length !== shapes.length + 1 || parsed[0] !== tag ||
    !shapes.every((shape, i) => typeof parsed[i + 1] === 'string' && shape.test(parsed[i + 1]))
  ) {
    throw invalidParameter('cursor', 'is not a cursor this endpoint issued')
  }
  return parsed.slice(1) as CursorKey[]
}

export const dateKey = /^\d{4}-\d{2}-\d{2}$/
export const textKey = /^[^\u0000]{1,200}$/
