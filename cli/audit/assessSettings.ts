import {
  CLUSTER_RULES,
  ClusterRuleId,
  LiveVerdict,
  NODE_OS_WINDOW_FINDING,
  NodeOsWindowFields,
  checkNodeOsWindow,
} from "../../domain";
import type { LiveCluster, ClusterSettings, RuleFinding } from "./report";

/**
 * A rule's outcome on one live cluster: its findings (none: passed), and why part of it could not be read, if so.
 * A rule with findings fails even when another part could not be read: what was read already decides it.
 */
export interface RuleOutcome {
  readonly findings: readonly RuleFinding[];
  readonly unreadable?: string;
}

/** The verdicts of one rule as an outcome; a value the domain cannot judge (never in live data) is unreadable. */
function outcome(verdicts: readonly LiveVerdict[]): RuleOutcome {
  const findings = verdicts.flatMap(({ finding, verdict, nodePool }): RuleFinding[] =>
    verdict.status === "fail"
      ? [{ rule: finding, message: `${verdict.problem}.`, ...(nodePool === undefined ? {} : { nodePool }) }]
      : [],
  );
  const unknown = verdicts.map((v) => v.verdict).find((v) => v.status === "unknown");
  return unknown?.status === "unknown"
    ? { findings, unreadable: `Azure gave no value of ${unknown.field}` }
    : { findings };
}

/**
 * A rule's verdicts on a cluster from the cluster list's JSON alone, as the rule's file reads it (`live.assess` in
 * the catalog); none for a rule that needs reads of its own.
 */
export function assessRule(
  rule: ClusterRuleId,
  cluster: { readonly identityType: string; readonly settings: ClusterSettings },
): RuleOutcome {
  const assess = CLUSTER_RULES[rule].live.assess;
  return outcome(assess?.({ identityType: cluster.identityType, properties: cluster.settings }) ?? []);
}

/** The node OS rule's window, read apart: the cluster's `aksManagedNodeOSUpgradeSchedule`, or why it was not read. */
export type NodeOsWindowRead =
  { readonly found: NodeOsWindowFields | undefined } | { readonly unreadable: string };

/**
 * The node OS rule: channel NodeImage or SecurityPatch, and, when `window` is given (`--require-maintenance-window`),
 * an `aksManagedNodeOSUpgradeSchedule` of at least 4 hours (`found: undefined`: the cluster has none), or why it
 * could not be read.
 */
export function assessNodeOs(
  cluster: Pick<LiveCluster, "identityType" | "settings">,
  window?: NodeOsWindowRead,
): RuleOutcome {
  const channel = assessRule("node-os-auto-upgrade", cluster);
  if (window === undefined) return channel;
  const schedule: RuleOutcome =
    "unreadable" in window
      ? { findings: [], unreadable: window.unreadable }
      : outcome([{ finding: NODE_OS_WINDOW_FINDING, verdict: checkNodeOsWindow(window.found) }]);
  return combine(channel, schedule);
}

/** Two parts of one rule as one outcome: the findings of both, and what either could not read. */
export function combine(a: RuleOutcome, b: RuleOutcome): RuleOutcome {
  const unreadable = [a.unreadable, b.unreadable].filter((u): u is string => u !== undefined);
  const findings = [...a.findings, ...b.findings];
  return unreadable.length === 0 ? { findings } : { findings, unreadable: unreadable.join("; ") };
}
