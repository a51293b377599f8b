/** Building blocks shared by every API schema: refs, nullable values, dates, problems and list envelopes. */
import { Type, type Static, type TSchema, type SchemaOptions } from '@sinclair/typebox'
import { encodeCursor } from '../http/cursor.ts'

/** A `$ref` to a named component that keeps the component's static type. */
export function ref<T extends TSchema> (schema: T): ReturnType<typeof Type.Unsafe<Static<T>>> {
  if (!schema.$id) throw new Error('ref() needs a schema with an $id')
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id))
}

/**
 * A string enum as a plain JSON Schema `enum`: one named type in generated SDKs, one list in Swagger UI.
 * Query parameters inline it: @fastify/swagger drops a `$ref`'s siblings, which carry the description and example.
 */
export function StringEnum<const T extends readonly string[]> (values: T, options: SchemaOptions = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options })
}

/** `null` first: Fastify's Ajv coerces types, and [integer, null] would turn null into 0. */
export function Nullable<T extends TSchema> (schema: T, options: SchemaOptions = {}) {
  return Type.Union([Type.Null(), schema], options)
}

/** Strings from users never carry NUL or other C0 control characters (Postgres text cannot hold NUL). */
export const noControlChars = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*$'

/** YYYY-MM-DD from year 0001 (the format check alone lets year 0000 through, which Postgres rejects). */
export const datePattern = '^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}$'

export const IsoDate = (options: SchemaOptions = {}) =>
  Type.String({ format: 'date', pattern: datePattern, ...options })

export const cursorPattern = '^[A-Za-z0-9_-]+$'

/** What a failed `pattern` means, in words, for the problem details. */
export const patternMessages: Record<string, string> = {
  [noControlChars]: 'must not contain control characters',
  [datePattern]: 'must be a valid date (YYYY-MM-DD)',
  [cursorPattern]: 'is not a cursor this endpoint issued'
}

export const Timestamp = (description: string) =>
  Type.String({ format: 'date-time', description, examples: ['2026-11-21T10:00:00.000Z'] })

/** The version of a record that can be edited. */
export const versionProperty = () => ({
  version: Type.Integer({ minimum: 1, description: 'The record\'s version: 1 when created, one more at every change. Its ETag carries it; send it back in `If-Match` to edit.', examples: [1] })
})

/** created_at / updated_at of a record. */
export const timestampProperties = () => ({
  created_at: Timestamp('When the record was created (RFC 3339, UTC).'),
  updated_at: Timestamp('When the record last changed (RFC 3339, UTC).')
})

export const Id = (description: string, example: string) =>
  Type.String({ minLength: 1, maxLength: 200, pattern: noControlChars, description, examples: [example] })

export const ValidationIssue = Type.Object({
  in: StringEnum(['query', 'path', 'header', 'body'], { description: 'Where the offending value is.' }),
  name: Type.String({ description: 'The parameter or property at fault.', examples: ['start_date'] }),
  message: Type.String({ description: 'What is wrong with it.', examples: ['must be a date (YYYY-MM-DD)'] })
}, { $id: 'ValidationIssue', description: 'One invalid input.', additionalProperties: false })

export const Problem = Type.Object({
  type: Type.String({ description: 'A URI reference that identifies the problem type.', examples: ['/problems/invalid_parameter'] }),
  title: Type.String({ description: 'A short, human-readable summary of the problem type.', examples: ['Invalid request parameters'] }),
  status: Type.Integer({ description: 'The HTTP status code.', examples: [400] }),
  detail: Type.String({ description: 'An explanation specific to this occurrence.', examples: ['start_date must not be after end_date'] }),
  instance: Type.String({ description: 'The request path that produced the problem.', examples: ['/v1/incidents?start_date=2022-01-01&end_date=2021-01-01'] }),
  code: Type.String({ description: 'A stable, machine-readable error code.', examples: ['invalid_parameter'] }),
  errors: Type.Optional(Type.Array(ref(ValidationIssue), { description: 'For validation failures: each invalid input.' })),
  last_revision: Type.Optional(Type.String({ description: 'For a deleted record (410): the URL of its last revision, which is still readable.', examples: ['/v1/incidents/inc_2022_01_kabul_probe/revisions/3'] })),
  current_version: Type.Optional(Type.Integer({ minimum: 1, description: 'For a stale `If-Match` (412): the version the record is at now.', examples: [4] })),
  request_id: Type.Optional(Type.String({ description: 'The id of the request, also sent in the `X-Request-Id` response header: the one the client sent in `X-Request-Id` (1 to 128 of `A-Z a-z 0-9 . _ : -`), else one the server made. Quote it when reporting a problem; the server\'s logs carry it.', examples: ['6f1c2a9e-4b7d-4c3e-9a51-2d8e0b7f3c14'] }))
}, {
  $id: 'Problem',
  title: 'Problem',
  description: 'An RFC 9457 problem details object, served as application/problem+json.',
  additionalProperties: false
})
export type ProblemBody = Static<typeof Problem>

export const Limit = Type.Integer({
  minimum: 1, maximum: 500, default: 50, description: 'Page size: how many items to return (1 to 500).', examples: [50]
})
/** The `cursor` parameter of one list; its example is a real cursor of that list (the page after `after`). */
export const Cursor = (tag: string, after: string[]) => Type.String({
  minLength: 1,
  maxLength: 512,
  pattern: cursorPattern,
  description: 'Opaque cursor from a previous page\'s `next_cursor`; omit for the first page. Cursors belong to the list that issued them.',
  examples: [encodeCursor(tag, after)]
})
export const NextCursor = Nullable(Type.String(), {
  description: 'Cursor for the next page, or null on the last page. Also sent in the `Link: <...>; rel="next"` header.'
})

/** The `{ data, next_cursor }` envelope of a list endpoint. */
export function Page<T extends TSchema> (item: T, id: string, description: string) {
  return Type.Object({
    data: Type.Array(ref(item), { description: 'The items of this page, in the documented order.' }),
    next_cursor: NextCursor
  }, { $id: id, description, additionalProperties: false })
}

export const StartDate = IsoDate({ description: 'Earliest date to include (inclusive), YYYY-MM-DD. Matched against each record\'s date window; see `date_match`.', examples: ['2021-09-01'] })
export const EndDate = IsoDate({ description: 'Latest date to include (inclusive), YYYY-MM-DD. Matched against each record\'s date window; see `date_match`.', examples: ['2021-12-31'] })

/** How `start_date`/`end_date` match a record's window `date_start`..`date_end`. */
export const DateMatch = StringEnum(['overlaps', 'within'] as const, {
  default: 'overlaps',
  description: 'How `start_date` and `end_date` match a record\'s date window (`date_start`..`date_end`): `overlaps` (default) keeps records whose window overlaps the range, so a month-precision record is found by a mid-month query; `within` keeps only records certainly inside the range (the whole window in it).',
  examples: ['within']
})

export const IncludeBranches = Type.Boolean({
  default: false,
  description: 'With `claimed_by`, `attributed_to` or `actor`: also match the actor\'s branches and members, at any depth (`claimed_by=islamic-state&include_branches=true` includes ISKP).',
  examples: [true]
})

/** Only records changed at or after an instant: for clients that keep one resource in sync (deletes are in /v1/changes). */
export const UpdatedSince = Type.String({
  format: 'date-time',
  description: 'Only records created or changed at or after this instant (RFC 3339, e.g. `2026-11-01T00:00:00Z`), by their `updated_at`. Deletions are not listed here: they are tombstones in `/v1/changes`.',
  examples: ['2026-11-01T00:00:00Z']
})

export const FreeText = (description: string, example: string) => Type.String({
  minLength: 1, maxLength: 200, pattern: noControlChars, description, examples: [example]
})
