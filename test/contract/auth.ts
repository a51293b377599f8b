/** API keys for the contract tests: one per secured operation with exactly the scope the document says it needs, plus keys that must be refused. */
import { createKey, keyScopes, revokeKey } from '../../src/core/keys/index.ts'
import type { Database } from '../../src/db/client.ts'
import { isSecured, requiredScope, type Operation } from './spec.ts'

export interface ContractKeys {
  /** The key each secured operation is called with (by operationId): its own, so Idempotency-Keys never collide across operations. */
  byOperation: Map<string, { id: string, key: string, scopes: string[] }>
  /** A key holding one scope only, by scope. */
  byScope: Map<string, { id: string, key: string }>
  /** A key that was valid and is revoked. */
  revoked: string
  /** Well-formed (`apv_<id>_<secret>`) but never issued. */
  unknown: string
}

/** Creates the keys straight in the database (the HTTP side of key management is what the tests exercise). */
export async function contractKeys (db: Database, operations: Operation[]): Promise<ContractKeys> {
  const byOperation: ContractKeys['byOperation'] = new Map()
  const byScope: ContractKeys['byScope'] = new Map()
  for (const scope of keyScopes) {
    const issued = await createKey(db, { name: `contract ${scope} only`, scopes: [scope] })
    byScope.set(scope, { id: issued.id, key: issued.key })
  }
  for (const op of operations.filter(isSecured)) {
    const scope = requiredScope(op)
    // When the document does not say which scope, the key holds them all (and no 403 can be provoked).
    const scopes = scope !== undefined && (keyScopes as readonly string[]).includes(scope) ? [scope] : [...keyScopes]
    const issued = await createKey(db, { name: `contract ${op.operationId}`, scopes })
    byOperation.set(op.operationId, { id: issued.id, key: issued.key, scopes })
  }
  const doomed = await createKey(db, { name: 'contract revoked', scopes: [...keyScopes] })
  await revokeKey(db, doomed.id)
  return { byOperation, byScope, revoked: doomed.key, unknown: `apv_0123456789abcdef_${'A'.repeat(43)}` }
}

/** The Authorization header an operation is called with: none for public operations. */
export function authorize (op: Operation, keys: ContractKeys): Record<string, string> {
  const own = keys.byOperation.get(op.operationId)
  return isSecured(op) && own ? { authorization: `Bearer ${own.key}` } : {}
}

/** A valid key without the scope the operation needs (undefined when every scope would do, or the document names none). */
export function keyLackingScope (op: Operation, keys: ContractKeys): string | undefined {
  const scope = requiredScope(op)
  if (scope === undefined) return undefined
  const other = [...keys.byScope.entries()].find(([s]) => s !== scope)
  return other?.[1].key
}
