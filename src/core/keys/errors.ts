/** Domain errors of API key management; the HTTP edge maps them to problems, scripts to messages. */

/** No key has this id. */
export class KeyNotFoundError extends Error {
  constructor (readonly id: string) {
    super(`No API key with id "${id}"`)
    this.name = 'KeyNotFoundError'
  }
}

/** A name or scope list a key cannot be created with. */
export class InvalidKeyInputError extends Error {
  constructor (readonly field: 'name' | 'scopes', readonly reason: string) {
    super(`${field} ${reason}`)
    this.name = 'InvalidKeyInputError'
  }
}
