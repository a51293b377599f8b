/** API key commands and queries: create (plaintext returned once, hash stored), list, get, revoke, authenticate. */
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { apiKeys } from '../../db/schema.ts'
import { InvalidKeyInputError, KeyNotFoundError } from './errors.ts'
import { isKeyScope, keyScopes, type KeyScope } from './scopes.ts'
import { hashToken, newKeyId, newToken, parseToken } from './tokens.ts'

export interface KeyInput {
  name: string
  scopes: readonly string[]
}

/** A key as listed: never its hash. */
export interface KeyView {
  id: string
  name: string
  scopes: KeyScope[]
  created_at: string
  revoked_at: string | null
}

/** A newly created key, with its plaintext `key`: the only time it is ever available. */
export interface IssuedKey {
  id: string
  name: string
  scopes: KeyScope[]
  created_at: string
  key: string
}

/** Who a request's key belongs to and what it may do. */
export interface AuthenticatedKey {
  id: string
  name: string
  scopes: KeyScope[]
}

export const nameMaxLength = 100

/** The name and scopes as stored: name trimmed, scopes deduplicated in their canonical order. */
function checkInput (input: KeyInput): { name: string, scopes: KeyScope[] } {
  const name = input.name.trim()
  if (name.length === 0) throw new InvalidKeyInputError('name', 'must not be empty')
  if (name.length > nameMaxLength) throw new InvalidKeyInputError('name', `must be at most ${nameMaxLength} characters`)
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new InvalidKeyInputError('name', 'must not contain control characters')
  if (input.scopes.length === 0) throw new InvalidKeyInputError('scopes', `must name at least one of: ${keyScopes.join(', ')}`)
  const unknown = input.scopes.filter((scope) => !isKeyScope(scope))
  if (unknown.length > 0) throw new InvalidKeyInputError('scopes', `must be one of: ${keyScopes.join(', ')} (got ${unknown.join(', ')})`)
  return { name, scopes: keyScopes.filter((scope) => input.scopes.includes(scope)) }
}

const asScopes = (scopes: string[]) => scopes.filter(isKeyScope)

export async function createKey (db: Database, input: KeyInput): Promise<IssuedKey> {
  const { name, scopes } = checkInput(input)
  const id = newKeyId()
  const key = newToken(id)
  const [row] = await db.insert(apiKeys)
    .values({ id, name, scopes, hash: hashToken(key) })
    .returning({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt })
  return { id: row!.id, name: row!.name, scopes: asScopes(row!.scopes), created_at: row!.createdAt.toISOString(), key }
}

const viewColumns = {
  id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt, revokedAt: apiKeys.revokedAt
}

function toView (row: { id: string, name: string, scopes: string[], createdAt: Date, revokedAt: Date | null }): KeyView {
  return {
    id: row.id,
    name: row.name,
    scopes: asScopes(row.scopes),
    created_at: row.createdAt.toISOString(),
    revoked_at: row.revokedAt ? row.revokedAt.toISOString() : null
  }
}

/** Every key, revoked ones included, oldest first. */
export async function listKeys (db: Database): Promise<KeyView[]> {
  const rows = await db.select(viewColumns).from(apiKeys).orderBy(asc(apiKeys.createdAt), asc(apiKeys.id))
  return rows.map(toView)
}

/** One key by id, revoked or not. */
export async function getKey (db: Database, id: string): Promise<KeyView> {
  const [row] = await db.select(viewColumns).from(apiKeys).where(eq(apiKeys.id, id))
  if (!row) throw new KeyNotFoundError(id)
  return toView(row)
}

/** Revokes a key from now on; revoking a revoked key keeps its first revocation time. */
export async function revokeKey (db: Database, id: string): Promise<KeyView> {
  await db.update(apiKeys).set({ revokedAt: new Date() }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
  return getKey(db, id)
}

/**
 * The key a bearer token belongs to, or null when it is malformed, unknown or revoked. Looked up by the hash of
 * the whole token, never by its id: an unknown id and a wrong secret for a real id cost the same one index probe,
 * and nothing compares secrets byte by byte.
 */
export async function authenticate (db: Database, token: string): Promise<AuthenticatedKey | null> {
  if (parseToken(token) === null) return null
  const [row] = await db.select({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes })
    .from(apiKeys)
    .where(and(eq(apiKeys.hash, hashToken(token)), isNull(apiKeys.revokedAt)))
  return row ? { id: row.id, name: row.name, scopes: asScopes(row.scopes) } : null
}
