/** ETags that carry a record's version, and the If-Match precondition that writes require. */
import { createHash } from 'node:crypto'
import { ApiError } from './problem.ts'

/** `"<version>-<digest of the representation>"`: the version for If-Match, the digest for If-None-Match. */
export function versionTag (version: number, representation: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(representation)).digest('base64url').slice(0, 16)
  return `"${version}-${digest}"`
}

/**
 * The version an If-Match header names: a tag this API issued (`"3-…"`, or just `"3"`). Missing is a 428, anything
 * else unreadable a 400; `*` (any current version) is not accepted, since it would let an edit overwrite unseen changes.
 */
export function requiredVersion (header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header.join(',') : header
  if (value === undefined || value.trim() === '') {
    throw new ApiError(428, 'precondition_required', 'Precondition Required',
      'This write needs an If-Match header with the record\'s ETag (from GET, or from the response to the last write).')
  }
  const match = /^\s*"(\d{1,9})(?:-[A-Za-z0-9_-]*)?"\s*$/.exec(value)
  if (!match || Number(match[1]) < 1) {
    throw new ApiError(400, 'invalid_parameter', 'Invalid request parameters', `If-Match must be one ETag this API issued, such as "3-AbC123" (got ${value.slice(0, 80)})`,
      [{ in: 'header', name: 'if-match', message: 'must be one ETag this API issued' }])
  }
  return Number(match[1])
}
