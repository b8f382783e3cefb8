import { CommandError } from "../command/commandError";

/** A check that could not complete: a usage mistake, a program that failed, a pack that did not start. */
export class CheckError extends CommandError {
  constructor(message: string) {
    super(message);
    this.name = "CheckError";
  }
}
