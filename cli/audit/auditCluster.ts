import type { ContainerServiceClient } from "@azure/arm-containerservice";
import type { NodeOsWindowFields } from "../../policypack/domain";
import { assessCluster, identityFindings } from "./assess";
import {
  RuleOutcome,
  assessKms,
  assessNodeOs,
  assessNodePoolFips,
  assessPrivateCluster,
} from "./assessSettings";
import { describeAzureError } from "./azureError";
import { listBindings } from "./inventory/clusters";
import { readNodeOsWindow } from "./inventory/maintenanceWindow";
import type { Limiter } from "./limiter";
import { remediationFor } from "./remediation";
import type { AuditedBinding, ClusterRef, ClusterResult, RuleCheck } from "./report";
import type { CheckedRule } from "./rules";

/** Which rules to check on every cluster. */
export interface RuleSelection {
  /** In the order of `CHECKED_RULES`. */
  readonly rules: readonly CheckedRule[];
  /** Also ask the node OS rule for a maintenance window: one more read per cluster. */
  readonly requireMaintenanceWindow: boolean;
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
 * Audits one cluster by the selected rules. The cluster list gave its settings; only the bindings (Trusted Access)
 * and the maintenance window (`--require-maintenance-window`) need reads of their own, one each, made only when
 * their rule is checked. A read that fails makes that rule unreadable on this cluster, never the others.
 */
export async function auditCluster(
  client: ContainerServiceClient,
  limit: Limiter,
  cluster: ClusterRef,
  selection: RuleSelection,
): Promise<ClusterResult> {
  const checks = new Set(selection.rules);
  const [bindingsRead, windowRead] = await Promise.all([
    checks.has("trusted-access-missing") ? read(() => listBindings(client, limit, cluster)) : undefined,
    checks.has("node-os-auto-upgrade") && selection.requireMaintenanceWindow
      ? read(() => readNodeOsWindow(client, limit, cluster))
      : undefined,
  ]);
  const bindings = bindingsRead !== undefined && "value" in bindingsRead ? bindingsRead.value : undefined;
  const trustedAccess = assessTrustedAccess(cluster, bindingsRead);

  const outcomes: Record<CheckedRule, () => RuleOutcome> = {
    "trusted-access-missing": () => trustedAccess.outcome,
    "node-os-auto-upgrade": () =>
      assessNodeOs(cluster.settings, windowRead === undefined ? undefined : windowOf(windowRead)),
    "private-cluster": () => assessPrivateCluster(cluster.settings),
    "node-pool-fips": () => assessNodePoolFips(cluster.settings),
    "kms-private-key-vault": () => assessKms(cluster.settings),
  };
  const judged = selection.rules.map((rule) => ({ rule, outcome: outcomes[rule]() }));
  const findings = judged.flatMap((j) => j.outcome.findings);
  const ruleChecks = judged.map(({ rule, outcome }): RuleCheck => ({
    rule,
    result: outcome.findings.length > 0 ? "fail" : outcome.unreadable === undefined ? "pass" : "unreadable",
    ...(outcome.unreadable === undefined ? {} : { reason: outcome.unreadable }),
  }));
  const context = {
    cluster,
    bindings: bindings ?? ([] as AuditedBinding[]),
    nodeOsWindow: windowRead !== undefined && "value" in windowRead ? windowRead.value : undefined,
  };
  return {
    status:
      findings.length > 0
        ? "non-compliant"
        : ruleChecks.some((c) => c.result === "unreadable")
          ? "unreadable"
          : "compliant",
    cluster,
    checks: ruleChecks,
    bindings,
    findings: findings.map((f) => ({ ...f, remediation: remediationFor({ ...context, findings: [f] }) })),
    warnings: trustedAccess.warnings,
    remediation: remediationFor({ ...context, findings }),
  };
}

/** The Trusted Access rule: on the bindings when they were read, else only on the identity, with why not. */
function assessTrustedAccess(
  cluster: ClusterRef,
  bindingsRead: Read<AuditedBinding[]> | undefined,
): { outcome: RuleOutcome; warnings: readonly string[] } {
  if (bindingsRead === undefined) return { outcome: { findings: [] }, warnings: [] };
  if ("reason" in bindingsRead) {
    return {
      outcome: { findings: identityFindings(cluster), unreadable: bindingsRead.reason },
      warnings: [],
    };
  }
  const { findings, warnings } = assessCluster(cluster, bindingsRead.value);
  return { outcome: { findings }, warnings };
}

function windowOf(
  r: Read<NodeOsWindowFields | undefined>,
): { found: NodeOsWindowFields | undefined } | { unreadable: string } {
  return "value" in r ? { found: r.value } : { unreadable: r.reason };
}
