/** API key management (admin scope): list, create (the key shown once), get, revoke. Thin: the work is in src/core/keys. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { createKey, getKey, InvalidKeyInputError, KeyNotFoundError, listKeys, revokeKey } from '../../core/keys/index.ts'
import { invalidParameter, notFound } from '../../http/problem.ts'
import { ref } from '../../schemas/common.ts'
import { ApiKey, ApiKeyList, IssuedApiKey, KeyIdParams, NewApiKey } from '../../schemas/keys.ts'
import { conditionalHeaders, notModified } from '../responses.ts'
import { keyErrors } from './responses.ts'

/** Domain errors as problems: bad input is a 400 naming the body field, an unknown key a 404. */
function toProblem (error: unknown): unknown {
  if (error instanceof InvalidKeyInputError) return invalidParameter(error.field, error.reason, 'body')
  if (error instanceof KeyNotFoundError) return notFound('API key', error.id)
  return error
}

async function mapped<T> (work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw toProblem(error)
  }
}

const etag = (what: string) => ({
  ETag: { description: `Entity tag of this ${what}; send it back in \`If-None-Match\` to revalidate.`, type: 'string', examples: ['"2f-1a2b3c"'] }
})

const noStore = {
  'Cache-Control': { description: 'Always `no-store`: key lists and new keys are never cached.', type: 'string', examples: ['no-store'] }
}

const keyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/keys', {
    config: { scope: 'admin' },
    schema: {
      operationId: 'listKeys',
      summary: 'List API keys',
      description: 'Every API key, revoked ones included, oldest first: id, name, scopes and dates. Never the keys themselves (only their hashes are stored, and those are never returned). Needs the `admin` scope.',
      tags: ['keys'],
      headers: conditionalHeaders,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: {
        200: {
          description: 'All API keys.',
          headers: { ...etag('list'), ...noStore },
          content: { 'application/json': { schema: ref(ApiKeyList) } }
        },
        304: notModified,
        ...keyErrors.list
      }
    }
  }, async () => ({ data: await listKeys(app.db) }))

  app.post('/v1/keys', {
    config: { scope: 'admin' },
    schema: {
      operationId: 'createKey',
      summary: 'Create an API key',
      description: 'Creates a key with a name and its scopes and answers with the key itself, `apv_<id>_<secret>`, in `key`. **The key is shown this once**: only its SHA-256 hash is stored, so store it now; a lost key can only be revoked and replaced. Needs the `admin` scope.',
      tags: ['keys'],
      querystring: Type.Object({}, { additionalProperties: false }),
      body: ref(NewApiKey),
      response: {
        201: {
          description: 'The key was created. `key` is shown only in this response.',
          headers: {
            Location: { description: 'The new key\'s path (`getKey`, `revokeKey`).', type: 'string', examples: ['/v1/keys/3f9c2e17b4d8e06a'] },
            ...noStore
          },
          content: { 'application/json': { schema: ref(IssuedApiKey) } }
        },
        ...keyErrors.create
      }
    }
  }, async (request, reply) => {
    const key = await mapped(() => createKey(app.db, request.body))
    return reply.code(201).header('location', `/v1/keys/${key.id}`).send(key)
  })

  app.get('/v1/keys/:id', {
    config: { scope: 'admin' },
    schema: {
      operationId: 'getKey',
      summary: 'Get an API key',
      description: 'One key by id (the `Location` of `createKey`): name, scopes and dates, revoked or not. Never the key itself. Needs the `admin` scope.',
      tags: ['keys'],
      params: KeyIdParams,
      headers: conditionalHeaders,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: {
        200: { description: 'The key.', headers: { ...etag('key'), ...noStore }, content: { 'application/json': { schema: ref(ApiKey) } } },
        304: notModified,
        ...keyErrors.item
      }
    }
  }, async (request) => mapped(() => getKey(app.db, request.params.id)))

  app.delete('/v1/keys/:id', {
    config: { scope: 'admin' },
    schema: {
      operationId: 'revokeKey',
      summary: 'Revoke an API key',
      description: 'Revokes a key: from now on it is refused with 401. The key stays in `listKeys` with its `revoked_at`; revoking it again changes nothing (204). A key cannot be un-revoked. Needs the `admin` scope (an admin key may revoke itself).',
      tags: ['keys'],
      params: KeyIdParams,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: {
        204: { type: 'null', description: 'The key is revoked. No body.' },
        ...keyErrors.item
      }
    }
  }, async (request, reply) => {
    await mapped(() => revokeKey(app.db, request.params.id))
    return reply.code(204).send()
  })
}

export default keyRoutes
