/** What a key may do: `write` changes records, `admin` manages keys. Neither implies the other. */

export const keyScopes = ['write', 'admin'] as const
export type KeyScope = typeof keyScopes[number]

export function isKeyScope (value: unknown): value is KeyScope {
  return (keyScopes as readonly unknown[]).includes(value)
}

/**
 * A key may do exactly what its scopes name. Admin does not imply write: the key an operator manages keys with is
 * not the key an importer writes with, and every change is attributed to a key that was meant to write. A key
 * that needs both holds both (`--scope write --scope admin`).
 */
export function allows (granted: readonly string[], needed: KeyScope): boolean {
  return granted.includes(needed)
}
