/**
 * The outcome of one cluster rule on one cluster or node pool. `unknown` means a value it needs is known only after
 * deployment (a Pulumi preview): no verdict by guesswork, and `field` says which value.
 */
export type RuleVerdict =
  | { readonly status: "pass" }
  | { readonly status: "fail"; readonly problem: string }
  | { readonly status: "unknown"; readonly field: string };

export const PASS: RuleVerdict = { status: "pass" };

/** A failed rule; `problem` is a verb phrase whose subject is the cluster, e.g. `has enablePrivateCluster false`. */
export function fail(problem: string): RuleVerdict {
  return { status: "fail", problem };
}

export function unknownValue(field: string): RuleVerdict {
  return { status: "unknown", field };
}

/** Whether a value is a string equal to one of `allowed`, ignoring case (ARM compares enum values so). */
export function isOneOf(value: unknown, allowed: readonly string[]): boolean {
  return typeof value === "string" && allowed.some((a) => a.toLowerCase() === value.toLowerCase());
}
