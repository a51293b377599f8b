/**
 * Which errors mean "the database cannot serve right now" rather than "this request is wrong": they become a 503
 * problem with Retry-After instead of a 500.
 */

export type DatabaseFailureKind = 'unavailable' | 'timeout' | 'busy'

export interface DatabaseFailure {
  kind: DatabaseFailureKind
  /** Seconds a client should wait before retrying. */
  retryAfter: number
}

/** Raised when no pooled connection frees up within the configured wait. */
export class PoolTimeout extends Error {
  readonly code = 'POOL_TIMEOUT'
  constructor (waitedMs: number) {
    super(`No database connection became free within ${waitedMs} ms`)
  }
}

/** Client-side codes (postgres.js, Node sockets) of a database that cannot be reached. */
const unreachable = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED'
])

/** SQLSTATEs of a server that is down, starting, shutting down or full. */
const serverUnavailable = new Set(['57P01', '57P02', '57P03', '53300', '53400'])

function codesOf (error: unknown): string[] {
  const codes: string[] = []
  let e: unknown = error
  // Drizzle wraps driver errors (DrizzleQueryError.cause); an AggregateError (several addresses) holds them in errors.
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, errors, cause } = e as { code?: unknown, errors?: unknown, cause?: unknown }
    if (typeof code === 'string') codes.push(code)
    if (Array.isArray(errors)) for (const inner of errors) codes.push(...codesOf(inner))
    e = cause
  }
  return codes
}

export function classifyDatabaseError (error: unknown): DatabaseFailure | undefined {
  for (const code of codesOf(error)) {
    if (code === 'POOL_TIMEOUT') return { kind: 'busy', retryAfter: 1 }
    if (code === '55P03') return { kind: 'busy', retryAfter: 1 } // lock_not_available: lock_timeout fired
    // serialization_failure (also a hot standby cancelling a read that conflicts with replay) and deadlock: a retry succeeds.
    if (code === '40001' || code === '40P01') return { kind: 'busy', retryAfter: 1 }
    if (code === '57014') return { kind: 'timeout', retryAfter: 1 } // query_canceled: statement_timeout fired
    if (unreachable.has(code) || serverUnavailable.has(code) || code.startsWith('08')) return { kind: 'unavailable', retryAfter: 5 }
  }
  if (error instanceof Error && /PGlite is closed/i.test(error.message)) return { kind: 'unavailable', retryAfter: 5 }
  return undefined
}
