/**
 * The Trusted Access rule's findings on a live cluster. Audit judges them with code of its own: they need the
 * cluster's role bindings, one read per cluster, and its identity.
 */
import type { LiveRule } from "./liveRule";

/**
 * The policy of the Trusted Access rule's prerequisite, checked apart from its bindings: the cluster's identity is
 * system-assigned. Its findings weigh as this policy's level, not as the rule's own policy's.
 */
export const IDENTITY_POLICY = "aks-cluster-system-assigned-identity";

/** Microsoft's page on the managed identities of AKS clusters. */
export const MANAGED_IDENTITY_DOCS = "https://learn.microsoft.com/azure/aks/use-managed-identity";

/** The finding ids of the Trusted Access rule. */
export const TRUSTED_ACCESS_FINDING = {
  missing: "trusted-access-missing",
  identity: "identity-not-system-assigned",
  binding: "binding-not-succeeded",
} as const;

export const TRUSTED_ACCESS_LIVE: LiveRule = {
  findings: [
    {
      id: TRUSTED_ACCESS_FINDING.missing,
      title: "Trusted Access not enabled",
      description:
        "An AKS cluster has at least one Trusted Access role binding (the Cloud Conformity rule " +
        "'Enable Trusted Access for AKS Clusters').",
    },
    {
      id: TRUSTED_ACCESS_FINDING.identity,
      title: "Cluster identity not system-assigned",
      description: "An AKS cluster uses a system-assigned managed identity, as the Trusted Access rule asks.",
      severity: "medium",
      policy: IDENTITY_POLICY,
      docs: MANAGED_IDENTITY_DOCS,
    },
    {
      id: TRUSTED_ACCESS_FINDING.binding,
      title: "Role binding failed, canceled or being deleted",
      description:
        "No Trusted Access role binding of a cluster is in provisioning state Failed, Canceled or Deleting " +
        "(Updating is a change in progress, and a binding without a state is not a failure).",
      severity: "low",
    },
  ],
};
