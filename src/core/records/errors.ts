/** Domain errors of the record write path; the HTTP edge maps each to a problem response. */

export interface RecordIssue {
  /** JSON pointer into the record (`/reports/0/source`). */
  path: string
  message: string
}

export class RecordError extends Error {}

/** No record with that id (and none was ever deleted). */
export class RecordNotFound extends RecordError {
  constructor (readonly kind: string, readonly id: string) { super(`No ${singular(kind)} with id "${id}"`) }
}

/** The record was deleted; its last revision is still readable. */
export class RecordGone extends RecordError {
  constructor (readonly kind: string, readonly id: string, readonly lastVersion: number) {
    super(`The ${singular(kind)} "${id}" was deleted (version ${lastVersion})`)
  }
}

/** A create for an id that is taken. */
export class RecordExists extends RecordError {
  constructor (readonly kind: string, readonly id: string) { super(`A ${singular(kind)} with id "${id}" already exists`) }
}

/** The version the client edited is not the current one. */
export class VersionMismatch extends RecordError {
  constructor (readonly kind: string, readonly id: string, readonly expected: number, readonly current: number) {
    super(`The ${singular(kind)} "${id}" is at version ${current}, not ${expected}: read it again and reapply the change`)
  }
}

/** The record breaks a rule: a reference to nothing, a date outside its window, figures out of order. */
export class InvalidRecord extends RecordError {
  constructor (readonly kind: string, readonly issues: RecordIssue[]) {
    super(issues.map((i) => `${i.path || '/'} ${i.message}`).join('; '))
  }
}

/** The record cannot be deleted while others refer to it. */
export class RecordInUse extends RecordError {
  constructor (readonly kind: string, readonly id: string, readonly detail: string) {
    super(`The ${singular(kind)} "${id}" is referred to by other records (${detail}); change those first`)
  }
}

export function singular (kind: string): string {
  return kind.endsWith('ies') ? `${kind.slice(0, -3)}y` : kind.replace(/s$/, '')
}
