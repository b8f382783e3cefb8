/**
 * A failure that stops a command before it can report — a program that failed, a pack that did not start, no
 * sign-in, a report file that cannot be written. Its message is one paragraph for the user, never a stack trace of
 * this tool; the command prints it and exits 2.
 */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandError";
  }
}

/** The message of anything thrown, for a paragraph; of a gRPC error, the details its server sent. */
export function messageOf(err: unknown): string {
  const grpcDetails = (err as { details?: unknown } | undefined)?.details;
  if (typeof grpcDetails === "string" && grpcDetails !== "") return grpcDetails;
  return err instanceof Error ? err.message : String(err);
}
