/** Why a release could not be written: said in one line, no stack trace (a server answering wrong, a folder in the way). */
export class ReleaseError extends Error {}
