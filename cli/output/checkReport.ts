/**
 * The result of `aks-trusted-access check --output json`: one object, stable across releases of the same
 * `schemaVersion`. Paths are relative to the working directory, with forward slashes.
 */
export interface CheckReport {
  /** Bumped only when a field changes meaning or goes away; new fields may appear in any release. */
  readonly schemaVersion: 1;
  readonly tool: { readonly name: string; readonly version: string };
  readonly project: string;
  readonly stack: string;
  /** The program's entry file. */
  readonly program: string;
  /** Which compiler type-checked the program; absent when nothing was (JavaScript, `noCheck`, transpile-only). */
  readonly typeCheck?: ReportTypeCheck;
  /**
   * `fail` when any mandatory policy is violated (exit code 1), else `pass` (exit code 0). A `pass` with
   * `totals.mandatorySkipped` above 0 is not a clean pass: no check that ran found a violation, but that many
   * mandatory checks could not run on values known only after deployment (see {@link skipped}).
   */
  readonly verdict: "pass" | "fail";
  /** Every resource the program registered, in registration order. */
  readonly resources: readonly ReportResource[];
  /** The packs that ran, in command-line order. */
  readonly policyPacks: readonly ReportPack[];
  /** Every violation and advisory note, ordered by pack, policy, resource (registration order) and message. */
  readonly diagnostics: readonly ReportDiagnostic[];
  /**
   * Each policy check skipped on a resource because a value it needs is known only after deployment, ordered like
   * the diagnostics. Neither a violation nor a pass.
   */
  readonly skipped: readonly ReportSkip[];
  /** What the program logged (`pulumi.log.*`) or printed, in order. */
  readonly logs: readonly ReportLog[];
  readonly totals: ReportTotals;
}

export interface ReportTypeCheck {
  /** `tsc`: TypeScript 7's native compiler; `ts-node`: the program's own TypeScript, as Pulumi's host uses it. */
  readonly compiler: "tsc" | "ts-node";
  /** TypeScript's version. */
  readonly version: string;
  /** Why a TypeScript 7 that was found or asked for did not type-check (as printed on stderr). */
  readonly note?: string;
}

/** A line of the program's source. */
export interface ReportLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ReportResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** `create` for a resource the program declares, `read` for one it looks up with `.get`. */
  readonly operation: "create" | "read";
  /** `false` for component resources and the root stack. */
  readonly custom: boolean;
  readonly parent?: string;
  /** The line of the user's code that declared it. */
  readonly location?: ReportLocation;
}

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

export interface ReportPack {
  readonly name: string;
  readonly version: string;
  /** The pack's folder. */
  readonly path: string;
  readonly policies: readonly ReportPolicy[];
}

export interface ReportPolicy {
  readonly name: string;
  readonly description: string;
  /** The level it ran at, after the config file (if any). */
  readonly enforcementLevel: EnforcementLevel;
  readonly severity?: "low" | "medium" | "high" | "critical";
  readonly remediationSteps?: string;
  readonly url?: string;
}

export interface ReportDiagnostic {
  readonly policyPack: string;
  readonly policyPackVersion: string;
  readonly policy: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly severity?: "low" | "medium" | "high" | "critical";
  /** The policy's description. */
  readonly description: string;
  /** What the policy said about this resource (without the description line the policy SDK puts first). */
  readonly message: string;
  /** The resource it is about; absent when a stack policy names none. */
  readonly urn?: string;
  readonly resourceType?: string;
  readonly resourceName?: string;
  /** Where the resource (or the nearest ancestor with a known line) is declared. */
  readonly location?: ReportLocation;
}

/** One policy check skipped on one resource (or on the stack) in this preview. */
export interface ReportSkip {
  readonly policyPack: string;
  readonly policyPackVersion: string;
  readonly policy: string;
  /** The level the policy ran at: a skipped `mandatory` check is one that could have failed the check. */
  readonly enforcementLevel: EnforcementLevel;
  /** What the check needed and could not read, e.g. `sourceResourceId`. */
  readonly unknown: string;
  /** The resource it was skipped on; absent when a stack policy names none. */
  readonly urn?: string;
  readonly resourceType?: string;
  readonly resourceName?: string;
  readonly location?: ReportLocation;
}

export interface ReportLog {
  readonly severity: "debug" | "info" | "warning" | "error";
  readonly message: string;
  readonly urn?: string;
}

export interface ReportTotals {
  readonly resources: number;
  readonly policyPacks: number;
  readonly policies: number;
  /** Mandatory violations (`remediate` counts here: a violation left after remediation is mandatory). */
  readonly mandatory: number;
  readonly advisory: number;
  /** Checks skipped on values known only after deployment, one per policy and resource. */
  readonly skipped: number;
  /** Of {@link skipped}, those of policies that ran at a mandatory level. */
  readonly mandatorySkipped: number;
}

/** Whether a diagnostic makes the check fail. */
export function isMandatory(level: EnforcementLevel): boolean {
  return level === "mandatory" || level === "remediate";
}
