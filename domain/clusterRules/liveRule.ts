/**
 * How `audit` judges a live cluster by one rule: the finding ids the rule gives and, for a rule that needs only the
 * cluster list's own JSON, the verdicts on it. Each rule's file exports its part; the catalog row holds it, and
 * audit iterates over the catalog.
 */
import type { RuleVerdict } from "./verdict";

export type Severity = "low" | "medium" | "high";

/** One reason a rule fails a live cluster: its id in JSON and SARIF, and the words of SARIF's rule metadata. */
export interface LiveFinding {
  readonly id: string;
  /** A few words, for headings. */
  readonly title: string;
  /** One sentence. */
  readonly description: string;
  /** SARIF's `security-severity`; the rule's own severity when absent. */
  readonly severity?: Severity;
  /** The policy whose level and exemptions the finding follows; the rule's own policy when absent. */
  readonly policy?: string;
  /** Microsoft's page on what the finding is about; the rule's docs when absent. */
  readonly docs?: string;
}

/**
 * A live cluster as the cluster list gives it: its identity type, and its `properties` as ARM's JSON holds them
 * (the Azure SDK's model, whose names differ from ARM's only in case, such as `enableFips`, reads the same).
 */
export interface LiveClusterState {
  readonly identityType: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** One verdict of a rule on a live cluster, or on one of its node pools. */
export interface LiveVerdict {
  /** Which of the rule's findings a fail is. */
  readonly finding: string;
  readonly verdict: RuleVerdict;
  /** The node pool the verdict is about: its fix names it (`<pool>`). */
  readonly nodePool?: string;
}

export interface LiveRule {
  /** The rule's findings; the first is the rule's own id (`auditRule` in the catalog). */
  readonly findings: readonly LiveFinding[];
  /**
   * The verdicts on a cluster from the cluster list's JSON alone. Absent for a rule that needs reads of its own
   * (Trusted Access reads the bindings): audit then judges it with code of its own.
   */
  readonly assess?: (cluster: LiveClusterState) => readonly LiveVerdict[];
  /** What a user must know before running the rule's fix on a live cluster (said once, whatever the clusters). */
  readonly fixNote?: string;
  /**
   * When the rule's fix cannot be run on this cluster and the choice is recorded with the policy's exemption tag
   * instead (KMS on a system-assigned cluster).
   */
  readonly fixByExemption?: (cluster: LiveClusterState) => boolean;
}

/**
 * The value at a dotted path of ARM JSON (`apiServerAccessProfile.enablePrivateCluster`). Names match ignoring case,
 * as ARM matches them (the SDK's model spells `enableFIPS` as `enableFips`); odd shapes and null read as absent.
 */
export function armValue(json: unknown, path: string): unknown {
  let at: unknown = json;
  for (const key of path.split(".")) {
    if (typeof at !== "object" || at === null || Array.isArray(at)) return undefined;
    const record = at as Record<string, unknown>;
    const name = key in record ? key : Object.keys(record).find((k) => k.toLowerCase() === key.toLowerCase());
    at = name === undefined ? undefined : record[name];
  }
  return at ?? undefined;
}

/** The list at a path of ARM JSON; anything else reads as an empty list. */
export function armList(json: unknown, path: string): readonly unknown[] {
  const value = armValue(json, path);
  return Array.isArray(value) ? value : [];
}
