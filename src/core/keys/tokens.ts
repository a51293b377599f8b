/** The plaintext key format, `apv_<id>_<secret>`, and the SHA-256 hash that is all the database keeps. */
import { createHash, randomBytes } from 'node:crypto'

const prefix = 'apv'
/** 16 lowercase hex characters (64 random bits): unique enough for ids, never a secret. */
const idPattern = '[0-9a-f]{16}'
/** 32 random bytes as base64url: 43 characters, 256 bits. */
const secretPattern = '[A-Za-z0-9_-]{43}'
const tokenPattern = new RegExp(`^${prefix}_(${idPattern})_(${secretPattern})$`)

export const keyIdPattern = `^${idPattern}$`

export function newKeyId (): string {
  return randomBytes(8).toString('hex')
}

export function newToken (id: string): string {
  return `${prefix}_${id}_${randomBytes(32).toString('base64url')}`
}

/** SHA-256 hex of the whole token: a key with 256 random bits needs no salt or slow hash. */
export function hashToken (token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** The key id a well-formed token names, or null when the text is not shaped like one of our keys. */
export function parseToken (token: string): { id: string } | null {
  const match = tokenPattern.exec(token)
  return match ? { id: match[1]! } : null
}
