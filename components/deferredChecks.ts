import * as pulumi from "@pulumi/pulumi";
import type { Findings } from "../domain";
import { ArgumentFailure, ComponentArgumentsError } from "./argumentsError";

/** A rule over some argument values: the values it reads, and what it finds in them once they are known. */
export interface Check {
  /** The argument its errors are about, as a property path: `clusterName`, `trustedAccess["ml"].roles`. */
  readonly argument: string;
  readonly reads: readonly pulumi.Input<unknown>[];
  readonly findings: (values: unknown[]) => Findings;
}

/** Holds an input back until a check has passed, so that a failed check fails the resource that consumes it. */
export type Hold = <T>(input: pulumi.Input<T>) => pulumi.Input<T>;

/** Whether a value holds no Output or Promise anywhere, so that it can be checked at once. */
export function isPlain(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return false;
  if (Array.isArray(value)) return value.every(isPlain);
  return true;
}

/** `input` held back by each of `holds` in turn. */
export function holdBack<T>(input: pulumi.Input<T>, holds: readonly Hold[]): pulumi.Input<T> {
  return holds.reduce((held, hold) => hold(held), input);
}

const passThrough: Hold = (input) => input;

/** Each component's checks, for `takeDeferredFailures`. */
const checksOf = new WeakMap<pulumi.Resource, ComponentChecks>();

/**
 * Takes over the failures of `component`'s Output checks, for a caller that reports them itself (the plugin's
 * Construct, as an `InputPropertiesError` naming each argument). Resolves once every such check has run, or been
 * skipped on a value unknown during preview, to the failures found, in the order of the checks. From this call
 * on, an input held back by a failed check never resolves, so the child that consumes it is never registered:
 * otherwise the child's failed registration reaches the process as an unhandled rejection, which the SDK's
 * handlers report without the argument, slowly (they inspect the error and the component it holds), and to
 * whichever call is in flight. Call it in the turn that made the component: the checks run on a later one.
 */
export function takeDeferredFailures(component: pulumi.Resource): Promise<ArgumentFailure[]> {
  return checksOf.get(component)?.takeDeferredFailures() ?? Promise.resolve([]);
}

/**
 * Runs a component's checks. A check whose values are all plain runs at once, and `throwErrorsFound` throws its
 * errors, with those of the other plain checks, before any child is registered. Any other check runs once, inside
 * `apply`, when its values are known (never on a value unknown during preview), and fails the inputs it holds
 * back: each throws a `ResourceError` of the component with the same message (a `ComponentArgumentsError`, which
 * also names the argument of each message), unless `takeDeferredFailures` took the failures over.
 * Warnings go to `pulumi.log.warn`, once each.
 */
export class ComponentChecks {
  private readonly failures: ArgumentFailure[] = [];
  /** Per check run on Output values, in order: its failures once known (none while it has not run). */
  private readonly deferred: { outcome: pulumi.Output<ArgumentFailure[]>; found: ArgumentFailure[] }[] = [];
  private failuresTaken = false;

  constructor(private readonly component: pulumi.Resource) {
    checksOf.set(component, this);
  }

  /** Takes findings about `argument` made at once from plain values. */
  report(argument: string, findings: Findings): void {
    this.warn(findings.warnings);
    this.failures.push(...findings.errors.map((message) => ({ argument, message })));
  }

  /**
   * Runs `check` now when its values are plain (the returned hold then passes inputs through); otherwise returns
   * a hold that passes an input on once the check has passed. Each input held gets an error of its own: Pulumi
   * prefixes an error's message with the property it failed, so an error shared by two inputs would be prefixed
   * twice.
   */
  check(check: Check): Hold {
    if (check.reads.every(isPlain)) {
      this.report(check.argument, check.findings([...check.reads]));
      return passThrough;
    }
    const found: ArgumentFailure[] = [];
    const outcome = pulumi.all([...check.reads]).apply((values) => {
      const findings = check.findings(values);
      this.warn(findings.warnings);
      found.push(...findings.errors.map((message) => ({ argument: check.argument, message })));
      return found;
    });
    this.deferred.push({ outcome, found });
    return <T>(input: pulumi.Input<T>): pulumi.Input<T> =>
      pulumi.all([input, outcome]).apply(async ([value, failures]): Promise<T> => {
        if (failures.length === 0) return value as T;
        if (this.failuresTaken) return new Promise<T>(() => undefined);
        throw new ComponentArgumentsError(failures, this.component);
      });
  }

  /** Runs a check that can only warn, now or once its values are known; it holds nothing back. */
  warnWhenKnown(check: Omit<Check, "argument">): void {
    if (check.reads.every(isPlain)) this.warn(check.findings([...check.reads]).warnings);
    else pulumi.all([...check.reads]).apply((values) => this.warn(check.findings(values).warnings));
  }

  /** Throws the errors found so far in plain values, all in one message. */
  throwErrorsFound(): void {
    if (this.failures.length > 0) throw new ComponentArgumentsError(this.failures, this.component);
  }

  /** See the function of this name. */
  async takeDeferredFailures(): Promise<ArgumentFailure[]> {
    this.failuresTaken = true;
    // The SDK has no public way to await an Output; `isSecret` settles once the value has been computed.
    await pulumi.isSecret(pulumi.all(this.deferred.map((d) => d.outcome)));
    return this.deferred.flatMap((d) => d.found);
  }

  private warn(messages: readonly string[]): void {
    for (const message of messages) void pulumi.log.warn(message, this.component);
  }
}
