/** API key schemas (named components), the `keys` tag and the `bearerAuth` security scheme of the document. */
import { Type, type Static } from '@sinclair/typebox'
import { keyIdPattern, keyScopes, nameMaxLength } from '../core/keys/index.ts'
import { Id, noControlChars, Nullable, ref, StringEnum, Timestamp } from './common.ts'

export const exampleKeyId = '3f9c2e17b4d8e06a'
export const exampleKey = `apv_${exampleKeyId}_kR7v0cM2yQ9wZs4LbN1xHd8uTfE6gPjA3oVi5eYqWmU`

export const bearerAuthDescription = `API keys, for the operations that change data. Send \`Authorization: Bearer <key>\`.

**Reads are public.** A \`GET\` never needs a key, and an \`Authorization\` header sent with one is ignored, even an
invalid one.

**Scopes.** Each operation that needs a key names its scope: \`write\` to change records, \`admin\` to manage keys
(\`listKeys\`, \`createKey\`, \`getKey\`, \`revokeKey\`). Neither implies the other: an \`admin\` key cannot write records
and a \`write\` key cannot manage keys; a key that needs both holds both scopes. A missing,
unknown, malformed or revoked key is a \`401\` problem (\`code: unauthorized\`, with \`WWW-Authenticate: Bearer
realm="v1"\`); a valid key without the scope is a \`403\` problem (\`code: forbidden\`) naming the scope needed.

**Getting a key.** Whoever runs the server creates one with
\`npm run key:create -- --name <name> --scope write\` (add \`--scope admin\` for key management); it prints the
key once, on its last line. An admin key can also create keys over HTTP (\`createKey\`). Only a SHA-256 hash of a
key is stored: a lost key cannot be recovered, only revoked (\`npm run key:revoke -- <id>\` or \`revokeKey\`) and
replaced.`

export const bearerAuth = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'apv_<id>_<secret>',
  description: bearerAuthDescription
} as const

export const keysTag = {
  name: 'keys',
  description: 'API keys for writes: list, create and revoke them (admin scope). Reads never need a key.'
}

export const KeyScope = StringEnum(keyScopes, {
  $id: 'KeyScope',
  description: 'What a key may do: `write` changes records; `admin` manages keys. Neither implies the other.'
})

const KeyId = Type.String({ pattern: keyIdPattern, description: 'The key\'s id: 16 hex characters, also the part after `apv_` in the key itself.', examples: [exampleKeyId] })
const KeyName = () => Type.String({ minLength: 1, maxLength: nameMaxLength, pattern: noControlChars, description: 'Who or what the key is for, to recognise it in the list.', examples: ['ci-importer'] })
const Scopes = Type.Array(ref(KeyScope), { minItems: 1, uniqueItems: true, description: 'The scopes the key holds.', examples: [['write']] })
const CreatedAt = Timestamp('When the key was created (RFC 3339, UTC).')

export const ApiKey = Type.Object({
  id: KeyId,
  name: KeyName(),
  scopes: Scopes,
  created_at: CreatedAt,
  revoked_at: Nullable(Timestamp('When the key was revoked (RFC 3339, UTC).'), { description: 'When the key was revoked (RFC 3339, UTC), or null while it is valid.' })
}, {
  $id: 'ApiKey',
  description: 'An API key as listed: never the key itself, which is shown once, when it is created.',
  additionalProperties: false,
  examples: [{ id: exampleKeyId, name: 'ci-importer', scopes: ['write'], created_at: '2026-11-21T10:00:00.000Z', revoked_at: null }]
})

export const ApiKeyList = Type.Object({
  data: Type.Array(ref(ApiKey), { description: 'Every key, revoked ones included, oldest first.' })
}, { $id: 'ApiKeyList', description: 'All API keys (always one page: a deployment has few).', additionalProperties: false })

export const NewApiKey = Type.Object({
  name: KeyName(),
  scopes: Scopes
}, {
  $id: 'NewApiKey',
  description: 'The key to create.',
  additionalProperties: false,
  examples: [{ name: 'ci-importer', scopes: ['write'] }]
})
export type NewApiKeyBody = Static<typeof NewApiKey>

export const IssuedApiKey = Type.Object({
  id: KeyId,
  name: KeyName(),
  scopes: Scopes,
  created_at: CreatedAt,
  key: Type.String({
    description: 'The key itself, `apv_<id>_<secret>`. Shown this once: only its SHA-256 hash is stored. Send it as `Authorization: Bearer <key>`.',
    examples: [exampleKey]
  })
}, {
  $id: 'IssuedApiKey',
  description: 'A newly created API key, with the key itself: store it now, it is never shown again.',
  additionalProperties: false,
  examples: [{ id: exampleKeyId, name: 'ci-importer', scopes: ['write'], created_at: '2026-11-21T10:00:00.000Z', key: exampleKey }]
})

export const KeyIdParams = Type.Object({
  // Any text, not the id pattern: an id that cannot exist is simply not found (404), like every other id.
  id: Id('The key\'s id, as `listKeys` shows it.', exampleKeyId)
}, { additionalProperties: false })
