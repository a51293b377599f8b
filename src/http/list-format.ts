/**
 * The format of a list response: `format` when the request names one (it wins over Accept), else the best media
 * type Accept allows among those the list answers in (q-values honoured, JSON first on a tie and for `*\/*`); a 406
 * problem when Accept allows none. Every list response varies with Accept.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import Negotiator from 'negotiator'
import { mediaTypes, type ExportFormat, type ListFormat } from '../export/formats.ts'
import { ApiError } from './problem.ts'

const formatOfMediaType = new Map(Object.entries(mediaTypes).map(([format, type]) => [type, format as ListFormat]))

/** Adds a field to Vary, keeping what other plugins put there (CORS: Origin; compression: Accept-Encoding). */
export function addVary (reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary')
  const fields = (Array.isArray(current) ? current.join(',') : String(current ?? '')).split(',').map((f) => f.trim()).filter(Boolean)
  if (!fields.some((f) => f.toLowerCase() === field.toLowerCase() || f === '*')) reply.header('vary', [...fields, field].join(', '))
}

export function listFormat (request: FastifyRequest, reply: FastifyReply, exports: ExportFormat[]): ListFormat {
  addVary(reply, 'Accept')
  const asked = (request.query as { format?: ListFormat } | undefined)?.format
  if (asked !== undefined) return asked
  const accept = request.headers.accept
  if (accept === undefined || accept.trim() === '') return 'json'
  const offered = [mediaTypes.json, ...exports.map((format) => mediaTypes[format])]
  const chosen = new Negotiator({ headers: { accept } }).mediaType(offered)
  if (chosen === undefined) {
    throw new ApiError(406, 'not_acceptable', 'Not Acceptable',
      `Accept allows none of the media types this list answers in: ${offered.join(', ')}. Send one of them in Accept, or use the format parameter.`)
  }
  return formatOfMediaType.get(chosen) ?? 'json'
}

/** The number of records an export is limited to: only a `limit` the client sent (its default does not apply). */
export function explicitLimit (request: FastifyRequest): number | undefined {
  const sent = new URL(request.url, 'http://localhost').searchParams.has('limit')
  return sent ? (request.query as { limit?: number }).limit : undefined
}
