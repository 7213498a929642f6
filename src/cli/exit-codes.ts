/** Exit codes of every polity command (documented in README.md). */
export const EXIT = {
  /** Everything asked for was done. */
  OK: 0,
  /** The command ran, but some inputs were rejected (each named on stderr); the rest were processed. */
  SOME_FAILED: 1,
  /** The command line was wrong (unknown option, missing argument). */
  USAGE: 2,
  /** Nothing could be done: unreadable database, missing gold directory, server could not start. */
  FAILED: 3,
} as const;
