/**
 * The SQL one request runs, captured rather than written by hand: the request goes through an in-process app whose
 * Drizzle logger records every statement and its parameters; the parameters are then inlined as SQL literals, so
 * pgbench can run the same statements straight against Postgres.
 */
import type { Logger } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { openDatabase, type DatabaseHandle } from '../db/client.ts'

export interface Statement { sql: string, params: unknown[] }

export interface SqlCapture {
  /** The statements one GET of path runs (the second of two, so one-time lookups do not count). */
  capture: (path: string) => Promise<Statement[]>
  close: () => Promise<void>
}

export async function openCapture (url: string): Promise<SqlCapture> {
  let recording: Statement[] | undefined
  const logger: Logger = { logQuery: (sql, params) => { recording?.push({ sql, params }) } }
  const handle: DatabaseHandle = await openDatabase({ url, logger, max: 2 })
  const app: FastifyInstance = await buildApp({ logLevel: 'warn', corsOrigins: ['*'] }, { database: handle })
  await app.ready()
  return {
    capture: async (path) => {
      const first = await app.inject(path)
      if (first.statusCode !== 200) throw new Error(`${path} answered ${first.statusCode} in process: ${first.body.slice(0, 300)}`)
      recording = []
      try {
        await app.inject(path)
        return recording
      } finally {
        recording = undefined
      }
    },
    close: () => app.close()
  }
}

/** A string as a SQL literal. pgbench reads `:name` as a variable even inside quotes, so a colon is escaped there. */
function quote (text: string): string {
  if (!/:[A-Za-z0-9_]/.test(text)) return `'${text.replaceAll("'", "''")}'`
  return `E'${text.replaceAll('\\', '\\\\').replaceAll("'", "''").replaceAll(':', '\\x3a')}'`
}

/** An array as an array literal ('{"a","b"}'), left for Postgres to type from context, as an untyped parameter is. */
function arrayLiteral (values: unknown[]): string {
  const element = (v: unknown): string => {
    if (v === null || v === undefined) return 'NULL'
    if (Array.isArray(v)) return arrayBody(v)
    return `"${text(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
  }
  const arrayBody = (vs: unknown[]): string => `{${vs.map(element).join(',')}}`
  return quote(arrayBody(values))
}

function text (value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/**
 * A parameter as a literal. Every scalar is quoted: a quoted literal is of unknown type until context types it, as
 * a parameter sent without a type is, so `limit '51'` and `id = 'x'` plan as their parameterised forms do.
 */
export function literal (value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (Array.isArray(value)) return arrayLiteral(value)
  if (Buffer.isBuffer(value)) return `'\\x${value.toString('hex')}'`
  return quote(text(value))
}

/** The statement with $1..$n replaced by the literals of its parameters (one pass: $10 is never read as $1). */
export function inline (statement: Statement): string {
  return statement.sql.replace(/\$(\d+)/g, (match, n: string) => {
    const index = Number(n) - 1
    return index < statement.params.length ? literal(statement.params[index]) : match
  })
}

/** A pgbench script: one transaction is the statements of one request, in the order the service sent them. */
export function pgbenchScript (statements: Statement[]): string {
  return statements.map((s) => `${inline(s)};\n`).join('')
}
