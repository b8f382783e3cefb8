import { CLUSTER_RULES, ClusterRuleInfo, IDENTITY_POLICY } from "../../policypack/domain";

/** What makes a live cluster non-compliant, one id per reason; SARIF uses the ids as rule ids. */
export const AuditRule = {
  TrustedAccessMissing: "trusted-access-missing",
  IdentityNotSystemAssigned: "identity-not-system-assigned",
  BindingNotSucceeded: "binding-not-succeeded",
  NodeOsAutoUpgrade: "node-os-auto-upgrade",
  NodeOsMaintenanceWindow: "node-os-maintenance-window",
  PrivateCluster: "private-cluster",
  NodePoolFips: "node-pool-fips",
  KmsPrivateKeyVault: "kms-private-key-vault",
} as const;
export type AuditRule = (typeof AuditRule)[keyof typeof AuditRule];

/**
 * The rules `audit` checks, one per Cloud Conformity rule, named by their audit rule id (`--rule`). Each may give
 * findings of several ids: the Trusted Access rule also finds the identity and the bindings' state, the node OS rule
 * the maintenance window.
 */
export const CHECKED_RULES = [
  "trusted-access-missing",
  "node-os-auto-upgrade",
  "private-cluster",
  "node-pool-fips",
  "kms-private-key-vault",
] as const;
export type CheckedRule = (typeof CHECKED_RULES)[number];

/** The catalog entry (policy, component default, docs) of a checked rule. */
export function catalogEntry(rule: CheckedRule): ClusterRuleInfo {
  const entry = Object.values(CLUSTER_RULES).find((r) => r.auditRule === rule);
  if (entry === undefined) throw new RangeError(`no cluster rule has the audit id ${rule}`);
  return entry;
}

/** Which checked rule gives findings of each id. */
export const CHECKED_RULE_OF: Readonly<Record<AuditRule, CheckedRule>> = {
  "trusted-access-missing": "trusted-access-missing",
  "identity-not-system-assigned": "trusted-access-missing",
  "binding-not-succeeded": "trusted-access-missing",
  "node-os-auto-upgrade": "node-os-auto-upgrade",
  "node-os-maintenance-window": "node-os-auto-upgrade",
  "private-cluster": "private-cluster",
  "node-pool-fips": "node-pool-fips",
  "kms-private-key-vault": "kms-private-key-vault",
};

export interface AuditRuleText {
  /**
   * The pack's policy that judges the same thing before deployment: its level (after `--policy-config`) is the
   * finding's, and its exemptions exempt the cluster.
   */
  readonly policy: string;
  /** A few words, for headings. */
  readonly title: string;
  /** One sentence. */
  readonly description: string;
  /** For SARIF's `security-severity`, on the scale of the policies' severities. */
  readonly severity?: "low" | "medium" | "high" | "critical";
}

export const AUDIT_RULES: Readonly<Record<AuditRule, AuditRuleText>> = {
  "trusted-access-missing": {
    policy: CLUSTER_RULES["trusted-access"].policy,
    title: "Trusted Access not enabled",
    description:
      "An AKS cluster has at least one Trusted Access role binding (the Cloud Conformity rule " +
      "'Enable Trusted Access for AKS Clusters').",
    severity: CLUSTER_RULES["trusted-access"].severity,
  },
  "identity-not-system-assigned": {
    policy: IDENTITY_POLICY,
    title: "Cluster identity not system-assigned",
    description: "An AKS cluster uses a system-assigned managed identity, as the Trusted Access rule asks.",
    severity: "medium",
  },
  "binding-not-succeeded": {
    policy: CLUSTER_RULES["trusted-access"].policy,
    title: "Role binding failed, canceled or being deleted",
    description:
      "No Trusted Access role binding of a cluster is in provisioning state Failed, Canceled or Deleting (Updating " +
      "is a change in progress, and a binding without a state is not a failure).",
    severity: "low",
  },
  "node-os-auto-upgrade": {
    policy: CLUSTER_RULES["node-os-auto-upgrade"].policy,
    title: "Node OS auto-upgrade off",
    description:
      "An AKS cluster's node OS upgrade channel is NodeImage or SecurityPatch (the Cloud Conformity rule " +
      "'Enable and Configure Node OS Auto-Upgrades').",
    severity: CLUSTER_RULES["node-os-auto-upgrade"].severity,
  },
  "node-os-maintenance-window": {
    policy: CLUSTER_RULES["node-os-auto-upgrade"].policy,
    title: "No node OS maintenance window",
    description:
      "An AKS cluster has an aksManagedNodeOSUpgradeSchedule maintenance configuration of at least 4 hours " +
      "(the 'Configure' of 'Enable and Configure Node OS Auto-Upgrades').",
    severity: "low",
  },
  "private-cluster": {
    policy: CLUSTER_RULES["private-cluster"].policy,
    title: "Public API server",
    description:
      "An AKS cluster's API server has no public endpoint (the Cloud Conformity rule 'Private Kubernetes Clusters').",
    severity: CLUSTER_RULES["private-cluster"].severity,
  },
  "node-pool-fips": {
    policy: CLUSTER_RULES["node-pool-fips"].policy,
    title: "Node pool without FIPS",
    description:
      "Every node pool of an AKS cluster runs a FIPS-enabled OS (the Cloud Conformity rule 'Enable FIPS for AKS " +
      "Cluster Node Pools').",
    severity: CLUSTER_RULES["node-pool-fips"].severity,
  },
  "kms-private-key-vault": {
    policy: CLUSTER_RULES["kms-private-key-vault"].policy,
    title: "etcd not encrypted with a private key vault",
    description:
      "An AKS cluster encrypts etcd with KMS and a key vault reached over a private link (the Cloud Conformity rule " +
      "'Use Private Key Vaults for Encryption at Rest in AKS').",
    severity: CLUSTER_RULES["kms-private-key-vault"].severity,
  },
};

/** Advice that does not make a cluster non-compliant: the package's binding checks on live bindings. */
export const ADVICE_RULE = "binding-advice";
export const ADVICE_RULE_TEXT: Omit<AuditRuleText, "policy"> = {
  title: "Binding advice",
  description:
    "A live Trusted Access role binding meets this package's binding checks (roles, source, subscription).",
};

/** The pack's policies whose levels and exemptions a checked rule's findings follow, in the order of its finding ids. */
export function policiesOf(rule: CheckedRule): string[] {
  const ids = (Object.keys(AUDIT_RULES) as AuditRule[]).filter((id) => CHECKED_RULE_OF[id] === rule);
  return [...new Set(ids.map((id) => AUDIT_RULES[id].policy))];
}
