/**
 * The write endpoints of one kind of record, all thin over the one write path (src/core/records/write.ts):
 * POST (create, Idempotency-Key), PATCH (JSON Merge Patch with If-Match), DELETE (If-Match), and the record's
 * own format, its revisions and any past version.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static, type TObject } from '@sinclair/typebox'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifyReply } from 'fastify'
import type { Database } from '../../db/client.ts'
import { once, requestHash, type StoredResponse } from '../../core/idempotency.ts'
import { InvalidRecord, RecordGone, RecordNotFound, singular } from '../../core/records/errors.ts'
import { lastRevision, revisionAt, revisionsOf } from '../../core/records/history.ts'
import type { AnyRecord, WritableKind } from '../../core/records/to-record.ts'
import { deleteRecord, readRecord, saveRecord } from '../../core/records/write.ts'
import { decodeCursor, encodeCursor } from '../../http/cursor.ts'
import { mergePatch } from '../../http/merge-patch.ts'
import { ApiError } from '../../http/problem.ts'
import { requiredVersion, versionTag } from '../../http/preconditions.ts'
import { Id, ref } from '../../schemas/common.ts'
import { conditionalHeaders, notModified, problemResponse } from '../responses.ts'
import { Revision, RevisionList, RevisionListQuery, RevisionParams } from '../../schemas/history.ts'

export interface WriteRoutesOptions {
  kind: WritableKind
  /** The record format (a named TypeBox schema, e.g. IncidentInput), and its merge patch (IncidentPatch). */
  input: TObject
  patch: TObject
  /** The read view of one record (what GET /v1/<kind>/{id} returns) and its named schema. */
  view: (db: Database, id: string) => Promise<{ version: number }>
  viewSchema: TObject
  /** Turns the path id (a slug for actors, say) into the record id; the id itself by default. */
  resolveId?: (db: Database, id: string) => Promise<string>
  example: string
  tag: string
}

const capitalized = (kind: WritableKind) => singular(kind).charAt(0).toUpperCase() + singular(kind).slice(1)
const etagHeader = { ETag: { description: 'The record\'s version and a digest; send it in `If-Match` to edit or delete.', type: 'string', examples: ['"2-J1pQ6m0dT0cM4z9X"'] } }

let ajv: Ajv | undefined
const validators = new Map<string, ValidateFunction>()
/** Validates a merged record against the record format, naming each bad field. */
function validate (schema: TObject, record: unknown): void {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false })
    addFormats.default(ajv)
  }
  const key = String(schema.$id)
  if (!validators.has(key)) validators.set(key, ajv.compile(schema))
  const check = validators.get(key)!
  if (check(record)) return
  const issues = (check.errors ?? []).filter((e) => e.keyword !== 'anyOf').map((e) => {
    const path = e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty)}` : e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath
    const message = e.keyword === 'additionalProperties' ? 'is not a field of this record' : e.keyword === 'required' ? 'is required' : e.message ?? 'is invalid'
    return { path, message }
  })
  const unique = [...new Map(issues.map((i) => [`${i.path} ${i.message}`, i])).values()]
  throw new InvalidRecord('record', unique)
}

export function writeRoutes (options: WriteRoutesOptions): FastifyPluginAsyncTypebox {
  const { kind, input, view, viewSchema, example, tag } = options
  const Name = capitalized(kind)
  const base = `/v1/${kind}`
  const resolveId = options.resolveId ?? (async (_db: Database, id: string) => id)
  const IdParams = Type.Object({ id: Id(`${Name} id.`, example) }, { additionalProperties: false })
  const one = singular(kind)
  const at = `${base}/${example}`
  const known: Record<number, [string, string, string]> = {
    400: ['invalid_parameter', 'Invalid request parameters', 'if-match must be one ETag this API issued'],
    404: ['not_found', 'Resource not found', `No ${one} with id "${example}_x"`],
    409: ['already_exists', 'Conflict', `A ${one} with id "${example}" already exists`],
    410: ['gone', 'Gone', `The ${one} "${example}" was deleted (version 3)`],
    412: ['stale_version', 'Precondition Failed', `The ${one} "${example}" is at version 4, not 3: read it again and reapply the change`],
    413: ['ctp_body_too_large', 'Payload Too Large', 'Request body is too large'],
    415: ['unsupported_media_type', 'Unsupported Media Type', 'This operation takes application/json, not text/plain'],
    422: ['invalid_record', 'Unprocessable record', '/reports/0/source names no source ("src_unknown")'],
    428: ['precondition_required', 'Precondition Required', 'This write needs an If-Match header with the record\'s ETag (from GET, or from the response to the last write).'],
    500: ['internal_error', 'Internal Server Error', 'The server could not complete the request. It has been logged; please try again later.']
  }
  const problem = (status: number, description: string) => {
    const [code, title, detail] = known[status]!
    const extra = status === 410
      ? { last_revision: `${at}/revisions/3` }
      : status === 412
        ? { current_version: 4 }
        : status === 400
          ? { errors: [{ in: 'header' as const, name: 'if-match', message: 'must be one ETag this API issued' }] }
          : status === 422
            ? { errors: [{ in: 'body' as const, name: '/reports/0/source', message: 'names no source ("src_unknown")' }] }
            : {}
    return problemResponse(status, code, title, description, detail, at, extra)
  }

  return async (app) => {
    /** Sends a record view with its version ETag. */
    const sendView = async (db: Database, reply: FastifyReply, id: string, status: number) => {
      const body = await view(db, id)
      reply.code(status).header('etag', versionTag(body.version, body))
      return body
    }

    app.post(base, {
      config: { scope: 'write' },
      schema: {
        operationId: `create${Name}`,
        summary: `Create ${singular(kind) === 'incident' ? 'an' : 'a'} ${singular(kind)}`,
        description: `Creates a ${singular(kind)} from a record in the record format (the same as the curated data files: references by id, actors by id, slug or alias). Answers 201 with the new ${singular(kind)}, its \`Location\` and \`ETag\`. With an \`Idempotency-Key\` header, a retry with the same key and body returns the original response and creates nothing; the same key with another body is a 422.`,
        tags: [tag],
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7E]+$', description: 'A key of the client\'s choosing (a UUID, say) that makes retries of this request safe.', examples: ['5f1c7a2e-3b9d-4e0a-9c61-2d8f4b7e1a30'] }))
        }),
        querystring: Type.Object({}, { additionalProperties: false }),
        body: ref(input),
        response: {
          201: { description: `The new ${singular(kind)}.`, headers: { ...etagHeader, Location: { description: 'Where it lives.', type: 'string' } }, content: { 'application/json': { schema: ref(viewSchema) } } },
          400: problem(400, 'The body is not a valid record (each bad field named).'),
          409: problem(409, 'A record with that id (or slug) exists already.'),
          413: problem(413, 'The body is larger than 1 MiB.'),
          415: problem(415, 'The body is not application/json.'),
          422: problem(422, 'The record breaks a rule: a reference to nothing, a date outside its window, an Idempotency-Key reused with another body.'),
          500: problem(500, 'Unexpected server error.')
        }
      }
    }, async (request, reply) => {
      requireMediaType(request.headers['content-type'], 'application/json')
      requireWellFormedText(request.body)
      const keyId = request.apiKey!.id
      const record = request.body as AnyRecord
      const idempotencyKey = request.headers['idempotency-key']
      const run = async (tx: Database): Promise<StoredResponse> => {
        const saved = await saveRecord(tx, kind, record, { keyId }, { absent: true })
        const body = await view(tx, saved.id)
        reply.code(201)
        return { status: 201, headers: { location: `${base}/${saved.id}`, etag: versionTag(body.version, body) }, body: JSON.stringify(body) }
      }
      const response = await app.db.transaction(async (tx) => {
        const db = tx as unknown as Database
        if (typeof idempotencyKey !== 'string') return run(db)
        return once(db, keyId, idempotencyKey, requestHash('POST', base, record), () => run(db))
      })
      // The stored bytes, so a replay is the very response the first request got.
      const raw = reply as unknown as FastifyReply
      return raw.code(response.status).headers(response.headers).type('application/json; charset=utf-8').send(response.body)
    })

    app.patch(`${base}/:id`, {
      config: { scope: 'write' },
      schema: {
        operationId: `update${Name}`,
        summary: `Edit ${singular(kind) === 'incident' ? 'an' : 'a'} ${singular(kind)}`,
        description: `Applies a JSON Merge Patch (RFC 7396, \`application/merge-patch+json\`) to the ${singular(kind)}'s record (\`GET ${base}/{id}/record\`): fields given replace, \`null\` removes, arrays (reports, responsibility, participants, links) are replaced whole. Needs \`If-Match\` with the current ETag: 428 without, 412 when someone else changed it first.`,
        tags: [tag],
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'The ETag of the version being edited (required: 428 without it).', examples: ['"1-J1pQ6m0dT0cM4z9X"'] })) }),
        querystring: Type.Object({}, { additionalProperties: false }),
        body: { content: { 'application/merge-patch+json': { schema: ref(options.patch) } } },
        response: {
          200: { description: `The ${singular(kind)} after the edit.`, headers: etagHeader, content: { 'application/json': { schema: ref(viewSchema) } } },
          400: problem(400, 'The patch is not a JSON object, or If-Match is malformed.'),
          404: problem(404, 'No such record.'),
          410: problem(410, 'The record was deleted; `last_revision` points to its last version.'),
          412: problem(412, 'If-Match names a version that is no longer current; `current_version` says which is.'),
          413: problem(413, 'The body is larger than 1 MiB.'),
          415: problem(415, 'The body is not application/merge-patch+json.'),
          422: problem(422, 'The patched record breaks a rule (each bad field named).'),
          428: problem(428, 'If-Match is missing.'),
          500: problem(500, 'Unexpected server error.')
        }
      }
    }, async (request, reply) => {
      requireMediaType(request.headers['content-type'], 'application/merge-patch+json')
      requireWellFormedText(request.body)
      const expected = requiredVersion(request.headers['if-match'])
      const id = await resolveIdForHistory(app.db, request.params.id)
      const keyId = request.apiKey!.id
      return app.db.transaction(async (tx) => {
        const db = tx as unknown as Database
        const { record } = await readRecord(db, kind, id)
        const merged = mergePatch(record, request.body) as AnyRecord
        if (merged.id !== id) throw new InvalidRecord(kind, [{ path: '/id', message: 'cannot change: create a new record instead' }])
        validate(input, merged)
        await saveRecord(db, kind, merged, { keyId }, { version: expected })
        return sendView(db, reply, id, 200)
      })
    })

    app.delete(`${base}/:id`, {
      config: { scope: 'write' },
      schema: {
        operationId: `delete${Name}`,
        summary: `Delete ${singular(kind) === 'incident' ? 'an' : 'a'} ${singular(kind)}`,
        description: `Deletes the ${singular(kind)} and its parts. Needs \`If-Match\`. Afterwards it answers 410 and stays out of lists; its revisions stay readable, and the change feed carries a tombstone. A record others still refer to cannot be deleted (409).`,
        tags: [tag],
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'The ETag of the version being deleted (required: 428 without it).', examples: ['"1-J1pQ6m0dT0cM4z9X"'] })) }),
        querystring: Type.Object({}, { additionalProperties: false }),
        response: {
          204: { description: 'Deleted.', type: 'null' },
          400: problem(400, 'If-Match is malformed.'),
          404: problem(404, 'No such record.'),
          409: problem(409, 'Other records still refer to it.'),
          410: problem(410, 'It was deleted already.'),
          412: problem(412, 'If-Match names a version that is no longer current.'),
          428: problem(428, 'If-Match is missing.'),
          500: problem(500, 'Unexpected server error.')
        }
      }
    }, async (request, reply) => {
      const expected = requiredVersion(request.headers['if-match'])
      const id = await resolveIdForHistory(app.db, request.params.id)
      const keyId = request.apiKey!.id
      await app.db.transaction(async (tx) => deleteRecord(tx as unknown as Database, kind, id, expected, { keyId }))
      return reply.code(204).send()
    })

    app.get(`${base}/:id/record`, {
      schema: {
        operationId: `get${Name}Record`,
        summary: `Get ${singular(kind) === 'incident' ? 'an' : 'a'} ${singular(kind)} in the record format`,
        description: `The ${singular(kind)} as a record: the format of the data files, of POST bodies and of what PATCH patches, every field spelled out. Its ETag works for If-Match.`,
        tags: [tag],
        params: IdParams,
        headers: conditionalHeaders,
        querystring: Type.Object({}, { additionalProperties: false }),
        response: {
          200: { description: 'The record.', headers: etagHeader, content: { 'application/json': { schema: ref(input) } } },
          304: notModified,
          400: problem(400, 'A malformed id or an unknown query parameter.'),
          404: problem(404, 'No such record.'),
          410: problem(410, 'The record was deleted.'),
          500: problem(500, 'Unexpected server error.')
        }
      }
    }, async (request, reply) => {
      const id = await resolveIdForHistory(app.db, request.params.id)
      const { record, version } = await readRecord(app.db, kind, id)
      reply.header('etag', versionTag(version, record))
      return record
    })

    app.get(`${base}/:id/revisions`, {
      schema: {
        operationId: `list${Name}Revisions`,
        summary: `List ${singular(kind) === 'incident' ? 'an' : 'a'} ${singular(kind)}'s revisions`,
        description: `Every version of the ${singular(kind)}, oldest first: when, which key, each changed field before and after, and the whole record. Readable after a delete too.`,
        tags: [tag],
        params: IdParams,
        headers: conditionalHeaders,
        querystring: RevisionListQuery,
        response: { 200: { description: 'A page of revisions.', content: { 'application/json': { schema: ref(RevisionList) } } }, 304: notModified, 400: problem(400, 'Invalid parameters.'), 404: problem(404, 'No record with that id ever existed.'), 500: problem(500, 'Unexpected server error.') }
      }
    }, async (request) => {
      const id = await resolveIdForHistory(app.db, request.params.id)
      const after = request.query.cursor ? Number(decodeCursor(request.query.cursor, 'revisions', [(k) => /^\d{1,9}$/.test(k)])[0]) : 0
      const limit = request.query.limit ?? 50
      const rows = await revisionsOf(app.db, kind, id, after, limit)
      if (rows.length === 0 && after === 0) throw new RecordNotFound(kind, id)
      const page = rows.slice(0, limit)
      return {
        data: page.map(toRevision),
        next_cursor: rows.length > limit ? encodeCursor('revisions', [String(page.at(-1)!.version)]) : null
      }
    })

    app.get(`${base}/:id/revisions/:version`, {
      schema: {
        operationId: `get${Name}Revision`,
        summary: `Get a past version of ${singular(kind) === 'incident' ? 'an' : 'a'} ${singular(kind)}`,
        description: 'One revision: the record as it was after that change (null for a delete), and what changed.',
        tags: [tag],
        params: RevisionParams(example),
        headers: conditionalHeaders,
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: { description: 'The revision.', content: { 'application/json': { schema: ref(Revision) } } }, 304: notModified, 400: problem(400, 'Invalid parameters.'), 404: problem(404, 'No such record or version.'), 500: problem(500, 'Unexpected server error.') }
      }
    }, async (request) => {
      const id = await resolveIdForHistory(app.db, request.params.id)
      const row = await revisionAt(app.db, kind, id, request.params.version)
      if (!row) throw new ApiError(404, 'not_found', 'Resource not found', `No version ${request.params.version} of ${singular(kind)} "${id}"`)
      return toRevision(row)
    })

    /**
     * A deleted actor's slug no longer resolves; its id still names its history, and its record answers 410 (not 404)
     * to reads and writes. Other errors (an ambiguous alias) stand.
     */
    async function resolveIdForHistory (db: Database, id: string): Promise<string> {
      try {
        return await resolveId(db, id)
      } catch (err) {
        if (err instanceof ApiError && err.statusCode === 404) return id
        throw err
      }
    }
  }
}

type RevisionView = Static<typeof Revision>

function toRevision (row: { version: number, operation: string, at: Date, keyId: string | null, changes: unknown, record: unknown }): RevisionView {
  const changes = row.changes as Record<string, { before: unknown, after: unknown }>
  const side = (which: 'before' | 'after') => Object.fromEntries(Object.entries(changes).map(([field, c]) => [field, c[which]]))
  return {
    version: row.version,
    operation: row.operation as RevisionView['operation'],
    at: row.at.toISOString(),
    key_id: row.keyId,
    changed_fields: Object.keys(changes),
    before: (row.operation === 'create' ? null : side('before')) as RevisionView['before'],
    after: (row.operation === 'delete' ? null : side('after')) as RevisionView['after'],
    record: (row.record ?? null) as RevisionView['record']
  }
}

/** For item GETs: a record that was deleted answers 410 with a pointer to its last revision, not 404. */
export async function throwIfGone (db: Database, kind: WritableKind, id: string): Promise<void> {
  const last = await lastRevision(db, kind, id)
  if (last?.operation === 'delete') throw new RecordGone(kind, id, last.version)
}


/**
 * An item GET: the view with its version ETag (If-Match material for writes); a record that was deleted answers 410
 * with a pointer to its last revision instead of 404.
 */
export async function sendItem<V extends { version: number }> (
  db: Database, reply: FastifyReply, kind: WritableKind, id: string, view: (db: Database, id: string) => Promise<V>
): Promise<V> {
  try {
    const body = await view(db, id)
    reply.header('etag', versionTag(body.version, body))
    return body
  } catch (err) {
    if (err instanceof ApiError && err.statusCode === 404) await throwIfGone(db, kind, id)
    throw err
  }
}

/** A write names its media type: JSON for a record, a merge patch for an edit. */
function requireMediaType (header: string | undefined, expected: string): void {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== expected) {
    throw new ApiError(415, 'unsupported_media_type', 'Unsupported Media Type', `This operation takes ${expected}, not ${type || 'a body without a type'}`)
  }
}

/** Text the database can store: no lone UTF-16 surrogates (JSON escapes can smuggle them in). */
function requireWellFormedText (value: unknown, path = ''): void {
  if (typeof value === 'string') {
    if (!value.isWellFormed()) throw new ApiError(400, 'invalid_parameter', 'Invalid request parameters', `${path || '/'} contains a lone surrogate (not valid Unicode text)`, [{ in: 'body', name: path || '(root)', message: 'must be valid Unicode text' }])
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => requireWellFormedText(v, `${path}/${i}`))
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) requireWellFormedText(v, `${path}/${k}`)
  }
}
