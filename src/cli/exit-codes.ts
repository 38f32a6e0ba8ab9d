/**
 * The `folio` command's exit codes (README, "Command line"): scripts and service managers rely on
 * them, so they change only with the README.
 */
export const exitCodes = {
  /** Done; also after --help, --version and a clean shutdown on SIGTERM/SIGINT. */
  ok: 0,
  /** Anything unexpected: the database or the file store failed, or shutdown outlasted FOLIO_SHUTDOWN_TIMEOUT. */
  failure: 1,
  /** The person can fix it: unknown command or option, a missing or bad option, a bad environment variable, a port in use, a database schema from a newer Folio. */
  usage: 2,
} as const;

/** Problems a person can fix: printed as one line, exit code 2. */
export class UsageError extends Error {}
