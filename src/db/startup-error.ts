/**
 * A reason the service cannot start that the operator can fix (a held data folder, an unreachable database, a full
 * disk). Entry points print its message as it is, without a stack trace, and exit 1.
 */
export class StartupError extends Error {}
