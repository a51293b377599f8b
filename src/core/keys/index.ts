/** API keys, HTTP-free: the commands and queries, the scopes, the token format and the domain errors. */
export { authenticate, createKey, getKey, listKeys, nameMaxLength, revokeKey } from './keys.ts'
export type { AuthenticatedKey, IssuedKey, KeyInput, KeyView } from './keys.ts'
export { InvalidKeyInputError, KeyNotFoundError } from './errors.ts'
export { allows, isKeyScope, keyScopes, type KeyScope } from './scopes.ts'
export { keyIdPattern, parseToken } from './tokens.ts'
