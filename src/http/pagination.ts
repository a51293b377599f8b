/** Keyset pages: trims the look-ahead row, sets next_cursor and the Link header. */
import type { FastifyReply, FastifyRequest } from 'fastify'

export interface PageRequest { limit: number, cursor?: string }

export const defaultLimit = 50

/** Queries fetch limit + 1 rows; the extra row only says whether there is a next page. */
export function toPage<T> (rows: T[], limit: number, cursorOf: (last: T) => string): { data: T[], next_cursor: string | null } {
  const data = rows.slice(0, limit)
  const last = data.at(-1)
  return { data, next_cursor: rows.length > limit && last !== undefined ? cursorOf(last) : null }
}

/** Sends a page: sets `Link: <...>; rel="next"` (the same request with the next cursor) and returns the page. */
export function sendPage<P extends { next_cursor: string | null }> (request: FastifyRequest, reply: FastifyReply, page: P): P {
  if (page.next_cursor !== null) {
    const url = new URL(request.url, `${request.protocol}://${request.host}`)
    url.searchParams.set('cursor', page.next_cursor)
    reply.header('link', `<${url.toString()}>; rel="next"`)
  }
  return page
}
