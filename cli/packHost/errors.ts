/** The policy pack could not be started; `stderr` holds what the pack printed before it failed. */
export class PackStartError extends Error {
  constructor(
    readonly packDir: string,
    readonly reason: string,
    readonly stderr: string = "",
  ) {
    super(`policy pack "${packDir}" failed to start: ${reason}${withOutput(stderr)}`);
    this.name = "PackStartError";
  }
}

/** A call to a running pack failed (the pack threw, crashed, or the session was closed). */
export class PackCallError extends Error {
  constructor(
    readonly packDir: string,
    readonly method: string,
    readonly reason: string,
    /** The pack's stderr, when the process has exited: it usually says why. */
    readonly stderr: string = "",
  ) {
    super(`policy pack "${packDir}": ${method} failed: ${reason}${withOutput(stderr)}`);
    this.name = "PackCallError";
  }
}

/** The caller handed the host something it cannot send to a pack. */
export class PackInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackInputError";
  }
}

function withOutput(stderr: string): string {
  const text = stderr.trim();
  return text === "" ? "" : `\n--- pack stderr ---\n${text}`;
}
