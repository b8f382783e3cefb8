import type { ContainerServiceClient } from "@azure/arm-containerservice";
import { CLUSTER_RULES, ClusterRuleId, NODE_OS_WINDOW_FINDING, NodeOsWindowFields } from "../../domain";
import { assessCluster, identityFindings } from "./assess";
import { NodeOsWindowRead, RuleOutcome, assessNodeOs, assessRule } from "./assessSettings";
import { describeAzureError } from "./azureError";
import { Application, Enforcement, applicationTo } from "./enforcement";
import { listBindings } from "./inventory/clusters";
import { readNodeOsWindow } from "./inventory/maintenanceWindow";
import type { Limiter } from "./limiter";
import { remediationFor } from "./remediation";
import type { AuditedBinding, LiveCluster, ClusterResult, Finding, FindingLevel, RuleCheck } from "./report";
import { AUDIT_RULES, AuditRule, CheckedRule, policiesOf } from "./rules";

/**
 * The two rules that need reads beyond the cluster list, and so code of their own here: Trusted Access (the
 * bindings) and the node OS rule when it asks for a window (its maintenance configuration). Every other rule of the
 * catalog is judged by its file's `live.assess` alone.
 */
const TRUSTED_ACCESS = CLUSTER_RULES["trusted-access"].auditRule;
const NODE_OS: ClusterRuleId = "node-os-auto-upgrade";

/** Which rules to check on every cluster, and how the pack's policies weigh their findings. */
export interface RuleSelection {
  /** In the order of `CHECKED_RULES`; none whose policies are all disabled. */
  readonly rules: readonly CheckedRule[];
  /** Also ask the node OS rule for a maintenance window: one more read per cluster. */
  readonly requireMaintenanceWindow: boolean;
  readonly enforcement: Enforcement;
}

type Read<T> = { readonly value: T } | { readonly reason: string };

async function read<T>(task: () => Promise<T>): Promise<Read<T>> {
  try {
    return { value: await task() };
  } catch (err) {
    return { reason: describeAzureError(err) };
  }
}

/**
 * Audits one cluster by the selected rules, each finding at the level of its policy. The cluster list gave its
 * settings; only the bindings (Trusted Access) and the maintenance window (the node OS rule's window) need reads of
 * their own, one each, made only when a policy that applies to this cluster judges them. A read that fails makes
 * that rule unreadable on this cluster, never the others.
 */
export async function auditCluster(
  client: ContainerServiceClient,
  limit: Limiter,
  cluster: LiveCluster,
  selection: RuleSelection,
): Promise<ClusterResult> {
  const checks = new Set(selection.rules);
  const applyTo = (policy: string): Application => applicationTo(selection.enforcement, policy, cluster);
  const applies = (rule: AuditRule): Application => applyTo(AUDIT_RULES[rule].policy);
  const [bindingsRead, windowRead] = await Promise.all([
    checks.has(TRUSTED_ACCESS) && applies(TRUSTED_ACCESS).applies
      ? read(() => listBindings(client, limit, cluster))
      : undefined,
    checks.has(CLUSTER_RULES[NODE_OS].auditRule) &&
    selection.requireMaintenanceWindow &&
    applies(NODE_OS_WINDOW_FINDING).applies
      ? read(() => readNodeOsWindow(client, limit, cluster))
      : undefined,
  ]);
  const bindings = bindingsRead !== undefined && "value" in bindingsRead ? bindingsRead.value : undefined;
  const trustedAccess = assessTrustedAccess(cluster, bindingsRead);

  const outcomeOf = (rule: CheckedRule): RuleOutcome => {
    const id = (Object.keys(CLUSTER_RULES) as ClusterRuleId[]).find(
      (k) => CLUSTER_RULES[k].auditRule === rule,
    );
    if (id === undefined) throw new RangeError(`no cluster rule has the audit id ${rule}`);
    if (rule === TRUSTED_ACCESS) return trustedAccess.outcome;
    if (id === NODE_OS)
      return assessNodeOs(cluster, windowRead === undefined ? undefined : windowOf(windowRead));
    return assessRule(id, cluster);
  };
  const judged = selection.rules.map((rule) => {
    const outcome = outcomeOf(rule);
    const kept = outcome.findings.flatMap((f) => {
      const how = applies(f.rule);
      return how.applies ? [{ ...f, enforcementLevel: how.level }] : [];
    });
    return { findings: kept, check: ruleCheck(rule, outcome, kept, policiesOf(rule).map(applyTo)) };
  });
  const findings = judged.flatMap((j) => j.findings);
  const ruleChecks = judged.map((j) => j.check);
  const context = {
    cluster,
    bindings: bindings ?? ([] as AuditedBinding[]),
    nodeOsWindow: windowRead !== undefined && "value" in windowRead ? windowRead.value : undefined,
    exemptions: selection.enforcement.exemptions,
  };
  return {
    status: findings.some((f) => f.enforcementLevel === "mandatory")
      ? "non-compliant"
      : ruleChecks.some((c) => c.reason !== undefined)
        ? "unreadable"
        : findings.length > 0
          ? "advisory"
          : "compliant",
    cluster,
    checks: ruleChecks,
    bindings,
    findings: findings.map((f): Finding => ({
      ...f,
      remediation: remediationFor({ ...context, findings: [f] }),
    })),
    warnings: trustedAccess.warnings,
    notices: trustedAccess.notices,
    remediation: remediationFor({ ...context, findings }),
  };
}

/**
 * A rule's verdict on the cluster from the findings its policies kept: failed when one is left, else unreadable when
 * a read it needs failed, else exempt when the cluster is exempt from one of its policies, else passed.
 */
function ruleCheck(
  rule: CheckedRule,
  outcome: RuleOutcome,
  kept: readonly { enforcementLevel: FindingLevel }[],
  applications: readonly Application[],
): RuleCheck {
  const levels = applications.flatMap((a) => (a.applies ? [a.level] : []));
  const exemptions = applications.flatMap((a) =>
    !a.applies && a.exemption !== undefined ? [a.exemption] : [],
  );
  const result =
    kept.length > 0
      ? "fail"
      : outcome.unreadable !== undefined
        ? "unreadable"
        : exemptions.length > 0
          ? "exempt"
          : "pass";
  return {
    rule,
    result,
    ...(levels.length === 0
      ? {}
      : { enforcementLevel: levels.includes("mandatory") ? "mandatory" : "advisory" }),
    ...(outcome.unreadable === undefined ? {} : { reason: outcome.unreadable }),
    ...(exemptions.length === 0 ? {} : { exemption: exemptions.join("; ") }),
  };
}

/** The Trusted Access rule: on the bindings when they were read, else only on the identity, with why not. */
function assessTrustedAccess(
  cluster: LiveCluster,
  bindingsRead: Read<AuditedBinding[]> | undefined,
): { outcome: RuleOutcome; warnings: readonly string[]; notices: readonly string[] } {
  if (bindingsRead === undefined)
    return { outcome: { findings: identityFindings(cluster) }, warnings: [], notices: [] };
  if ("reason" in bindingsRead) {
    return {
      outcome: { findings: identityFindings(cluster), unreadable: bindingsRead.reason },
      warnings: [],
      notices: [],
    };
  }
  const { findings, warnings, notices } = assessCluster(cluster, bindingsRead.value);
  return { outcome: { findings }, warnings, notices };
}

function windowOf(r: Read<NodeOsWindowFields | undefined>): NodeOsWindowRead {
  return "value" in r ? { found: r.value } : { unreadable: r.reason };
}
