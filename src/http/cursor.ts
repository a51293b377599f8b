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
export function decodeCursor (cursor: string, tag: string, shapes: Array<(key: string) => boolean>, parameter = 'cursor'): CursorKey[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalidParameter(parameter, 'is not a cursor this endpoint issued')
  }
  if (
    !Array.isArray(parsed) || parsed.length !== shapes.length + 1 || parsed[0] !== tag ||
    !shapes.every((isValid, i) => typeof parsed[i + 1] === 'string' && isValid(parsed[i + 1]))
  ) {
    throw invalidParameter(parameter, 'is not a cursor this endpoint issued')
  }
  return parsed.slice(1) as CursorKey[]
}

/** A real calendar date from 0001-01-01, as Postgres will accept it. */
export function dateKey (key: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(2000, month - 1, day))
  date.setUTCFullYear(year)
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Text Postgres can store: no NUL, no lone UTF-16 surrogates (JSON escapes can smuggle both in). */
export function textKey (key: string): boolean {
  return /^[^\u0000]{1,200}$/.test(key) && key.isWellFormed()
}
