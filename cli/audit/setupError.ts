/**
 * A problem that stops a command before it can report anything: no sign-in, no subscriptions, a file that cannot
 * be written. Its message is for the user as it stands; the command prints it and exits 2.
 */
export class AuditSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuditSetupError";
  }
}
