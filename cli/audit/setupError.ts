import { CommandError } from "../command/commandError";

/** A problem that stops an Azure command before it can report anything: no sign-in, no subscriptions. */
export class AuditSetupError extends CommandError {
  constructor(message: string) {
    super(message);
    this.name = "AuditSetupError";
  }
}
