/**
 * The Cloud Conformity rules for AKS that this package covers: Trusted Access and the four its page names. One
 * entry per rule, the one source of every layer: the pack's policies (name, description, level, severity, docs,
 * remediation, exemption tag), `audit` (rule ids, columns, findings, fixes), SARIF's rule metadata and the README's
 * table (`npm run readme:rules`). Adding a rule: CONTRIBUTING.md.
 */
import { KMS_IDENTITY_CONFLICT, KMS_PRIVATE_VAULT_LIVE } from "./kmsPrivateVault";
import { LiveRule, Severity } from "./liveRule";
import { NODE_POOL_FIPS_LIVE } from "./nodePoolFips";
import { COMPLIANT_NODE_OS_CHANNELS, NODE_OS_UPGRADE_LIVE } from "./nodeOsUpgrade";
import { NODE_OS_SCHEDULE_NAME, WINDOW_HOURS_ALLOWED } from "./nodeOsWindow";
import { PRIVATE_CLUSTER_LIVE } from "./privateCluster";
import { TRUSTED_ACCESS_LIVE } from "./trustedAccess";

export { IDENTITY_POLICY } from "./trustedAccess";

export interface ClusterRuleInfo {
  /** The Cloud Conformity rule's title. */
  readonly conformityRule: string;
  /** The policy of the pack that checks it before deployment. */
  readonly policy: string;
  /** The policy's description: one sentence. */
  readonly description: string;
  /** The policy's level unless a config file changes it. */
  readonly defaultLevel: "mandatory" | "advisory";
  /** The policy's `remediationSteps`. */
  readonly remediationSteps: string;
  /** The tag key that exempts a cluster from the policy, unless its config names another. */
  readonly exemptTag: string;
  /** The rule id of `audit` (`--rule`, JSON and SARIF); the id of its first finding. */
  readonly auditRule: string;
  /** `audit`'s narrow table column for the rule. */
  readonly column: string;
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
  readonly severity: Severity;
  /** How `audit` judges a live cluster by the rule: its findings, and its verdicts from the cluster's JSON. */
  readonly live: LiveRule;
}

const CHANNELS = COMPLIANT_NODE_OS_CHANNELS.map((c) => `"${c}"`).join(" or ");

const RULES = {
  "trusted-access": {
    conformityRule: "Enable Trusted Access for AKS Clusters",
    policy: "aks-trusted-access-required",
    description:
      "Every AKS cluster in the stack is the target of at least one Trusted Access role binding in the same stack.",
    defaultLevel: "mandatory",
    remediationSteps:
      "Declare the cluster with the AksCluster component and at least one trustedAccess entry, or add a " +
      "TrustedAccessBindings component (or a TrustedAccessRoleBinding resource) for it in the same stack. " +
      'To exempt a cluster, tag it with the exemptTag key ("trusted-access-exempt" by default) or list it in ' +
      "exemptClusters.",
    exemptTag: "trusted-access-exempt",
    auditRule: "trusted-access-missing",
    column: "ACCESS",
    componentDefault: "`trustedAccess` (required, 1 to 8 bindings)",
    azureCli:
      "az aks trustedaccess rolebinding create --resource-group <group> --cluster-name <cluster> " +
      "--name <binding-name> --source-resource-id <source-resource-id> --roles <role>[,<role>...]",
    docs: "https://learn.microsoft.com/azure/aks/trusted-access-feature",
    severity: "high",
    live: TRUSTED_ACCESS_LIVE,
  },
  "node-os-auto-upgrade": {
    conformityRule: "Enable and Configure Node OS Auto-Upgrades",
    policy: "aks-node-os-auto-upgrade",
    description: `Every AKS cluster in the stack upgrades its nodes' OS automatically (node OS channel ${CHANNELS}).`,
    defaultLevel: "advisory",
    remediationSteps:
      `Set autoUpgradeProfile.nodeOSUpgradeChannel (classic provider: nodeOsUpgradeChannel, in 5.x nodeOsChannelUpgrade) to ${CHANNELS}, as ` +
      "the AksCluster component does, or the cluster upgrade channel to node-image. With requireMaintenanceWindow, " +
      `also schedule the upgrades: a MaintenanceConfiguration named ${NODE_OS_SCHEDULE_NAME} (classic provider: ` +
      `maintenanceWindowNodeOs) of ${WINDOW_HOURS_ALLOWED}.`,
    exemptTag: "node-os-auto-upgrade-exempt",
    auditRule: "node-os-auto-upgrade",
    column: "NODE-OS",
    componentDefault: '`nodeOsUpgradeChannel: "NodeImage"`, `nodeOsMaintenanceWindow` weekly, 4 hours',
    azureCli: "az aks update --resource-group <group> --name <cluster> --node-os-upgrade-channel NodeImage",
    docs: "https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image",
    severity: "medium",
    live: NODE_OS_UPGRADE_LIVE,
  },
  "private-cluster": {
    conformityRule: "Private Kubernetes Clusters",
    policy: "aks-private-cluster",
    description:
      "Every AKS cluster in the stack has a private API server, reachable only from its virtual network.",
    defaultLevel: "advisory",
    remediationSteps:
      "Set apiServerAccessProfile.enablePrivateCluster (classic provider: privateClusterEnabled) to true, as the " +
      "AksCluster component does. A cluster with API Server VNet Integration can be switched with " +
      "`az aks update --enable-private-cluster`; any other must be created anew. Trusted Access keeps working: it " +
      "is made for private clusters.",
    exemptTag: "private-cluster-exempt",
    auditRule: "private-cluster",
    column: "PRIVATE",
    componentDefault: "`privateCluster: true` (system private DNS zone)",
    azureCli: "az aks update --resource-group <group> --name <cluster> --enable-private-cluster",
    azureCliNote:
      "clusters with API Server VNet Integration; a Private Link cluster must be created anew with az aks create " +
      "--enable-private-cluster",
    docs: "https://learn.microsoft.com/azure/aks/private-clusters",
    severity: "medium",
    live: PRIVATE_CLUSTER_LIVE,
  },
  "node-pool-fips": {
    conformityRule: "Enable FIPS for AKS Cluster Node Pools",
    policy: "aks-node-pool-fips",
    description:
      "Every node pool of every AKS cluster in the stack, inline or a resource of its own, runs a FIPS-enabled OS.",
    defaultLevel: "advisory",
    remediationSteps:
      "Set enableFIPS (classic provider: fipsEnabled) to true on every node pool, Linux and Windows, as the " +
      "AksCluster component does; only Windows Server 2025 pools are FIPS without it. An existing " +
      "pool is switched, and reimaged, with `az aks nodepool update --enable-fips-image`.",
    exemptTag: "node-pool-fips-exempt",
    auditRule: "node-pool-fips",
    column: "FIPS",
    componentDefault: "`systemNodePool.enableFips` and each `nodePools` entry's `enableFips`: `true`",
    azureCli:
      "az aks nodepool update --resource-group <group> --cluster-name <cluster> --name <pool> --enable-fips-image",
    docs: "https://learn.microsoft.com/azure/aks/enable-fips-nodes",
    severity: "medium",
    live: NODE_POOL_FIPS_LIVE,
  },
  "kms-private-key-vault": {
    conformityRule: "Use Private Key Vaults for Encryption at Rest in AKS",
    policy: "aks-kms-private-key-vault",
    description:
      "Every AKS cluster in the stack encrypts etcd with a KMS key from a key vault reachable only over a " +
      "private link.",
    defaultLevel: "advisory",
    remediationSteps:
      'Turn on securityProfile.azureKeyVaultKms with enabled: true, keyId, keyVaultNetworkAccess: "Private" and ' +
      'keyVaultResourceId (classic provider: a keyManagementService block with keyVaultNetworkAccess "Private"). ' +
      `${KMS_IDENTITY_CONFLICT}.`,
    exemptTag: "kms-private-key-vault-exempt",
    auditRule: "kms-private-key-vault",
    column: "KMS",
    componentDefault: "not offered: Azure refuses KMS on a system-assigned cluster",
    azureCli:
      "az aks update --resource-group <group> --name <cluster> --enable-azure-keyvault-kms " +
      "--azure-keyvault-kms-key-id <key-id> --azure-keyvault-kms-key-vault-network-access Private " +
      "--azure-keyvault-kms-key-vault-resource-id <key-vault-resource-id>",
    azureCliNote: "needs a user-assigned identity",
    docs: "https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption",
    severity: "medium",
    live: KMS_PRIVATE_VAULT_LIVE,
  },
} satisfies Readonly<Record<string, ClusterRuleInfo>>;

/** The rules' keys in CLUSTER_RULES: a new row's key joins them by itself. */
export type ClusterRuleId = keyof typeof RULES;

/** The rules, in the order every layer lists them. */
export const CLUSTER_RULES: Readonly<Record<ClusterRuleId, ClusterRuleInfo>> = RULES;
