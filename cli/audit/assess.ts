import { checkBinding, checkBindingSet, isSystemAssigned } from "../../policypack/domain";
import type { AuditedBinding, ClusterRef, Finding } from "./report";
import { AuditRule } from "./rules";

const SUCCEEDED = "Succeeded";

export interface Assessment {
  /** Why the cluster is non-compliant; empty when it is compliant. */
  readonly findings: Finding[];
  /** The package's binding checks applied to the live bindings; they do not change compliance. */
  readonly warnings: string[];
}

/**
 * Judges one live cluster by the Trusted Access rule: non-compliant without bindings (the Cloud Conformity rule),
 * with an identity that is not system-assigned, or with a binding whose provisioning did not succeed.
 */
export function assessCluster(cluster: ClusterRef, bindings: readonly AuditedBinding[]): Assessment {
  const findings: Finding[] = [];
  if (bindings.length === 0) {
    findings.push({
      rule: AuditRule.TrustedAccessMissing,
      message:
        "has no Trusted Access role bindings (`az aks trustedaccess rolebinding list` returns []): give each " +
        "Azure service that reaches its API server a role binding.",
    });
  }
  findings.push(...identityFindings(cluster));
  for (const b of bindings) {
    if (b.provisioningState !== SUCCEEDED) {
      findings.push({
        rule: AuditRule.BindingNotSucceeded,
        binding: b.name,
        message:
          `has binding "${b.name}" in provisioning state "${b.provisioningState}", not "${SUCCEEDED}": it ` +
          "gives no access until it is applied again.",
      });
    }
  }
  return { findings, warnings: bindingWarnings(cluster, bindings) };
}

/** The part of the Trusted Access rule that needs no bindings: the cluster's identity is system-assigned. */
export function identityFindings(cluster: ClusterRef): Finding[] {
  if (isSystemAssigned(cluster.identityType)) return [];
  return [
    {
      rule: AuditRule.IdentityNotSystemAssigned,
      message:
        `uses identity type "${cluster.identityType}", not a system-assigned managed identity, which the ` +
        "Trusted Access rule asks for.",
    },
  ];
}

function bindingWarnings(cluster: ClusterRef, bindings: readonly AuditedBinding[]): string[] {
  const labelled = bindings.map((b) => ({
    label: `bindings["${b.name}"]`,
    name: b.name,
    roles: b.roles,
    sourceResourceId: b.sourceResourceId,
  }));
  const one = labelled.map((b) => checkBinding(b));
  const set = checkBindingSet(labelled, cluster.subscriptionId);
  return [...one, set].flatMap((f) => [...f.errors, ...f.warnings]);
}
