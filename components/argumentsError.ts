import { inspect } from "util";
import * as pulumi from "@pulumi/pulumi";

/** One broken rule: the argument it is about, as a Pulumi property path, and the message that says so. */
export interface ArgumentFailure {
  /** `clusterName`, `trustedAccess`, `trustedAccess["ml"].sourceResourceId`. */
  readonly argument: string;
  readonly message: string;
}

/**
 * A component's arguments broke its rules. To a TypeScript program it is the `ResourceError` it always was (the
 * messages, one a line, no stack); the plugin host reads `failures` to tell a Python, Go or .NET program which
 * argument each message is about.
 */
export class ComponentArgumentsError extends pulumi.ResourceError {
  constructor(
    public readonly failures: readonly ArgumentFailure[],
    component: pulumi.Resource,
  ) {
    // hideStack: the message says all there is; a stack trace would point into this package, not the caller's code.
    super(failures.map((f) => f.message).join("\n"), component, true);
  }

  /**
   * Shown as its stack (the messages first). Pulumi's program runners inspect every unhandled error, and the
   * default inspection walks the component this error holds (its children, their Outputs and promises): for one
   * AksCluster it ran out of string length after seconds of garbage collection.
   */
  [inspect.custom](): string {
    return this.stack ?? this.message;
  }
}
