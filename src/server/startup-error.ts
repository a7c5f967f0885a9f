/**
 * A failure the person starting SECTOR can fix (bad environment, database folder in use):
 * commands print its message alone, without a stack trace.
 */
export class StartupError extends Error {
  override name = "StartupError";
}
