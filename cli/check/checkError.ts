/**
 * A check that could not complete — a usage mistake, a program that failed, a pack that did not start. Its message
 * is one paragraph for the user, never a stack trace of this tool; the command exits with code 2.
 */
export class CheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckError";
  }
}

/** The message of anything thrown, for a paragraph. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
