/**
 * Idempotency keys: the first response to a POST is stored with the key and a hash of the request; a retry with the
 * same key and request gets it again, another request under the same key is refused. The key row is claimed at the
 * start of the write's transaction, so concurrent retries wait for the first to commit, then replay it.
 */
import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { idempotencyKeys } from '../db/schema.ts'

export interface StoredResponse { status: number, headers: Record<string, string>, body: string }

export class IdempotencyKeyReused extends Error {
  constructor (readonly key: string) { super(`Idempotency-Key "${key}" was already used with a different request`) }
}

/** JSON with object keys sorted at every level: the same request whatever order its fields were sent in. */
function canonicalJson (value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function requestHash (method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url}\n${canonicalJson(body)}`).digest('hex')
}

/**
 * Runs `write` once per (API key, idempotency key): returns the stored response when the key was used with the same
 * request, throws IdempotencyKeyReused when with another. Call inside the write's transaction.
 */
export async function once (db: Database, keyId: string, key: string, hash: string, write: () => Promise<StoredResponse>): Promise<StoredResponse & { replayed: boolean }> {
  const claimed = await db.insert(idempotencyKeys)
    .values({ keyId, key, requestHash: hash, status: 0, headers: {}, body: '' })
    .onConflictDoNothing().returning({ key: idempotencyKeys.key })
  if (claimed.length === 0) {
    const [stored] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.keyId, keyId), eq(idempotencyKeys.key, key)))
    if (!stored || stored.requestHash !== hash) throw new IdempotencyKeyReused(key)
    return { status: stored.status, headers: stored.headers as Record<string, string>, body: stored.body, replayed: true }
  }
  const response = await write()
  await db.update(idempotencyKeys).set({ status: response.status, headers: response.headers, body: response.body })
    .where(and(eq(idempotencyKeys.keyId, keyId), eq(idempotencyKeys.key, key)))
  return { ...response, replayed: false }
}
