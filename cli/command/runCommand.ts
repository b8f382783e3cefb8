import type { Command } from "commander";
import { EXIT } from "./exitCodes";
import { CommandError, messageOf } from "./commandError";
import { UsageError } from "./usageError";

/**
 * Runs a command's work and turns its failures into exit code 2 with one line on stderr: bad flags through
 * commander (like its own errors), a {@link CommandError} as it stands, anything else as `<command> stopped
 * unexpectedly` with the message `describeUnexpected` gives it.
 */
export async function runCommand(
  command: Command,
  work: () => Promise<number>,
  describeUnexpected: (err: unknown) => string = messageOf,
): Promise<void> {
  try {
    process.exitCode = await work();
  } catch (err) {
    if (err instanceof UsageError)
      command.error(`error: ${err.message}`, { exitCode: EXIT.error, code: "commander.usage" });
    const message =
      err instanceof CommandError
        ? err.message
        : `${command.name()} stopped unexpectedly: ${describeUnexpected(err)}`;
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = EXIT.error;
  }
}
