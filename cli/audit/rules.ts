import { CLUSTER_RULES, ClusterRuleInfo } from "../../policypack/domain";

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
  /** A few words, for headings. */
  readonly title: string;
  /** One sentence. */
  readonly description: string;
  /** For SARIF's `security-severity`, on the scale of the policies' severities. */
  readonly severity?: "low" | "medium" | "high" | "critical";
}

export const AUDIT_RULES: Readonly<Record<AuditRule, AuditRuleText>> = {
  "trusted-access-missing": {
    title: "Trusted Access not enabled",
    description:
      "An AKS cluster has at least one Trusted Access role binding (the Cloud Conformity rule " +
      "'Enable Trusted Access for AKS Clusters').",
    severity: CLUSTER_RULES["trusted-access"].severity,
  },
  "identity-not-system-assigned": {
    title: "Cluster identity not system-assigned",
    description: "An AKS cluster uses a system-assigned managed identity, as the Trusted Access rule asks.",
    severity: "medium",
  },
  "binding-not-succeeded": {
    title: "Role binding not provisioned",
    description: "Every Trusted Access role binding of a cluster is in provisioning state Succeeded.",
    severity: "low",
  },
  "node-os-auto-upgrade": {
    title: "Node OS auto-upgrade off",
    description:
      "An AKS cluster's node OS upgrade channel is NodeImage or SecurityPatch (the Cloud Conformity rule " +
      "'Enable and Configure Node OS Auto-Upgrades').",
    severity: CLUSTER_RULES["node-os-auto-upgrade"].severity,
  },
  "node-os-maintenance-window": {
    title: "No node OS maintenance window",
    description:
      "An AKS cluster has an aksManagedNodeOSUpgradeSchedule maintenance configuration of at least 4 hours " +
      "(the 'Configure' of 'Enable and Configure Node OS Auto-Upgrades').",
    severity: "low",
  },
  "private-cluster": {
    title: "Public API server",
    description:
      "An AKS cluster's API server has no public endpoint (the Cloud Conformity rule 'Private Kubernetes Clusters').",
    severity: CLUSTER_RULES["private-cluster"].severity,
  },
  "node-pool-fips": {
    title: "Node pool without FIPS",
    description:
      "Every node pool of an AKS cluster runs a FIPS-enabled OS (the Cloud Conformity rule 'Enable FIPS for AKS " +
      "Cluster Node Pools').",
    severity: CLUSTER_RULES["node-pool-fips"].severity,
  },
  "kms-private-key-vault": {
    title: "etcd not encrypted with a private key vault",
    description:
      "An AKS cluster encrypts etcd with KMS and a key vault reached over a private link (the Cloud Conformity rule " +
      "'Use Private Key Vaults for Encryption at Rest in AKS').",
    severity: CLUSTER_RULES["kms-private-key-vault"].severity,
  },
};

/** Advice that does not make a cluster non-compliant: the package's binding checks on live bindings. */
export const ADVICE_RULE = "binding-advice";
export const ADVICE_RULE_TEXT: AuditRuleText = {
  title: "Binding advice",
  description:
    "A live Trusted Access role binding meets this package's binding checks (roles, source, subscription).",
};
