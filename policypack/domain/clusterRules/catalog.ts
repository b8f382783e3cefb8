/**
 * The Cloud Conformity rules for AKS that this package covers: Trusted Access and the four its page names. One
 * entry per rule, shared by the policies (names, docs), `audit` (rule ids, remediation) and the README's table.
 */
export interface ClusterRuleInfo {
  /** The Cloud Conformity rule's title. */
  readonly conformityRule: string;
  /** The policy of the pack that checks it before deployment. */
  readonly policy: string;
  /** The rule id of `audit` (JSON and SARIF). */
  readonly auditRule: string;
  /** What the AksCluster component does about it. */
  readonly componentDefault: string;
  /**
   * The Azure CLI command that fixes a live cluster, with placeholders: those `azureCliCommand` fills in
   * (`<group>`, `<cluster>`, `<pool>`, …) and those only the user knows (`<key-id>`).
   */
  readonly azureCli: string;
  /** What a user must know before running it, when anything. */
  readonly azureCliNote?: string;
  /** Microsoft's page on the feature. */
  readonly docs: string;
  /** How much a failure weighs: the policy's `severity` and `audit`'s SARIF `security-severity` alike. */
  readonly severity: "low" | "medium" | "high";
}

/**
 * The policy of the Trusted Access rule's prerequisite, checked apart from its bindings: the cluster's identity is
 * system-assigned. Its findings weigh as this policy's level, not as the rule's own policy's.
 */
export const IDENTITY_POLICY = "aks-cluster-system-assigned-identity";

/** The rules' keys in CLUSTER_RULES. */
export type ClusterRuleId =
  "trusted-access" | "node-os-auto-upgrade" | "private-cluster" | "node-pool-fips" | "kms-private-key-vault";

export const CLUSTER_RULES: Readonly<Record<ClusterRuleId, ClusterRuleInfo>> = {
  "trusted-access": {
    conformityRule: "Enable Trusted Access for AKS Clusters",
    policy: "aks-trusted-access-required",
    auditRule: "trusted-access-missing",
    componentDefault: "`trustedAccess` (required, 1 to 8 bindings)",
    azureCli:
      "az aks trustedaccess rolebinding create --resource-group <group> --cluster-name <cluster> " +
      "--name <binding-name> --source-resource-id <source-resource-id> --roles <role>[,<role>...]",
    docs: "https://learn.microsoft.com/azure/aks/trusted-access-feature",
    severity: "high",
  },
  "node-os-auto-upgrade": {
    conformityRule: "Enable and Configure Node OS Auto-Upgrades",
    policy: "aks-node-os-auto-upgrade",
    auditRule: "node-os-auto-upgrade",
    componentDefault: '`nodeOsUpgradeChannel: "NodeImage"`, `nodeOsMaintenanceWindow` weekly, 4 hours',
    azureCli: "az aks update --resource-group <group> --name <cluster> --node-os-upgrade-channel NodeImage",
    docs: "https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image",
    severity: "medium",
  },
  "private-cluster": {
    conformityRule: "Private Kubernetes Clusters",
    policy: "aks-private-cluster",
    auditRule: "private-cluster",
    componentDefault: "`privateCluster: true` (system private DNS zone)",
    azureCli: "az aks update --resource-group <group> --name <cluster> --enable-private-cluster",
    azureCliNote:
      "clusters with API Server VNet Integration; a Private Link cluster must be created anew with az aks create " +
      "--enable-private-cluster",
    docs: "https://learn.microsoft.com/azure/aks/private-clusters",
    severity: "medium",
  },
  "node-pool-fips": {
    conformityRule: "Enable FIPS for AKS Cluster Node Pools",
    policy: "aks-node-pool-fips",
    auditRule: "node-pool-fips",
    componentDefault: "`systemNodePool.enableFips` and each `nodePools` entry's `enableFips`: `true`",
    azureCli:
      "az aks nodepool update --resource-group <group> --cluster-name <cluster> --name <pool> --enable-fips-image",
    docs: "https://learn.microsoft.com/azure/aks/enable-fips-nodes",
    severity: "medium",
  },
  "kms-private-key-vault": {
    conformityRule: "Use Private Key Vaults for Encryption at Rest in AKS",
    policy: "aks-kms-private-key-vault",
    auditRule: "kms-private-key-vault",
    componentDefault: "not offered: Azure refuses KMS on a system-assigned cluster",
    azureCli:
      "az aks update --resource-group <group> --name <cluster> --enable-azure-keyvault-kms " +
      "--azure-keyvault-kms-key-id <key-id> --azure-keyvault-kms-key-vault-network-access Private " +
      "--azure-keyvault-kms-key-vault-resource-id <key-vault-resource-id>",
    azureCliNote: "needs a user-assigned identity",
    docs: "https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption",
    severity: "medium",
  },
};
