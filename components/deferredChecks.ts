import * as pulumi from "@pulumi/pulumi";
import type { Findings } from "../policypack/domain";
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

/**
 * Runs a component's checks. A check whose values are all plain runs at once, and `throwErrorsFound` throws its
 * errors, with those of the other plain checks, before any child is registered. Any other check runs inside
 * `apply` once its values are known (never on a value unknown during preview) and throws there, failing the
 * input it holds back. Either way the message is the same and the error a `ResourceError` of the component
 * (a `ComponentArgumentsError`, which also names the argument of each message);
 * warnings go to `pulumi.log.warn`, once each.
 */
export class ComponentChecks {
  private readonly failures: ArgumentFailure[] = [];

  constructor(private readonly component: pulumi.Resource) {}

  /** Takes findings about `argument` made at once from plain values. */
  report(argument: string, findings: Findings): void {
    this.warn(findings.warnings);
    this.failures.push(...findings.errors.map((message) => ({ argument, message })));
  }

  /**
   * Runs `check` now when its values are plain (the returned hold then passes inputs through); otherwise returns
   * a hold that runs it once its values are known. Each input held gets an error of its own: Pulumi prefixes an
   * error's message with the property it failed, so an error shared by two inputs would be prefixed twice.
   */
  check(check: Check): Hold {
    if (check.reads.every(isPlain)) {
      this.report(check.argument, check.findings([...check.reads]));
      return passThrough;
    }
    let warned = false;
    return <T>(input: pulumi.Input<T>): pulumi.Input<T> => {
      const inputs: pulumi.Input<unknown>[] = [input, ...check.reads];
      return pulumi.all(inputs).apply(([value, ...values]) => {
        const findings = check.findings(values);
        if (!warned) this.warn(findings.warnings);
        warned = true;
        if (findings.errors.length > 0) {
          throw new ComponentArgumentsError(
            findings.errors.map((message) => ({ argument: check.argument, message })),
            this.component,
          );
        }
        return value as T;
      });
    };
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

  private warn(messages: readonly string[]): void {
    for (const message of messages) void pulumi.log.warn(message, this.component);
  }
}
