/**
 * One set of AKS clusters, written once: `test/e2e/fixtures/same-clusters` declares them in a Pulumi program for
 * `check` (the policy pack before deployment), and the verdict test serves them live from the fake Resource Manager
 * for `audit`. Each row differs from a compliant cluster in what its name says.
 */
export interface SameCluster {
  /** Its Azure name, and its Pulumi name in the program. */
  readonly name: string;
  readonly identity: "SystemAssigned" | "UserAssigned";
  /** Whether a Trusted Access role binding targets it (one Succeeded binding, live). */
  readonly bound: boolean;
  readonly privateCluster: boolean;
  readonly nodeOsChannel: "NodeImage" | "None";
  /** `enableFIPS` of its one node pool. */
  readonly fips: boolean;
  /** KMS on, with a private key vault and its resource id (Azure allows it only with a user-assigned identity). */
  readonly kms: boolean;
  /** Hours of its aksManagedNodeOSUpgradeSchedule. */
  readonly windowHours: number;
  readonly tags: Readonly<Record<string, string>>;
}

export const SAME_SUBSCRIPTION = "99999999-0000-0000-0000-000000000001";
export const SAME_GROUP = "rg-same";
export const SAME_LOCATION = "westeurope";
export const BACKUP_OPERATOR = "Microsoft.DataProtection/backupVaults/backup-operator";
export const BACKUP_VAULT =
  `/subscriptions/${SAME_SUBSCRIPTION}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/` +
  "backupVaults/vault-same";
export const KEY_ID = "https://kv-same.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
export const KEY_VAULT = `/subscriptions/${SAME_SUBSCRIPTION}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-same`;
export const USER_IDENTITY =
  `/subscriptions/${SAME_SUBSCRIPTION}/resourceGroups/${SAME_GROUP}/providers/Microsoft.ManagedIdentity/` +
  "userAssignedIdentities/aks-identity";

/** A system-assigned cluster that meets every rule but KMS, which it cannot have: exempt from it by its tag. */
const GOOD: SameCluster = {
  name: "aks-good",
  identity: "SystemAssigned",
  bound: true,
  privateCluster: true,
  nodeOsChannel: "NodeImage",
  fips: true,
  kms: false,
  windowHours: 4,
  tags: { "kms-exempt": "Trusted Access first" },
};

export const SAME_CLUSTERS: readonly SameCluster[] = [
  GOOD,
  { ...GOOD, name: "aks-unbound", bound: false },
  { ...GOOD, name: "aks-user-assigned", identity: "UserAssigned", kms: true, tags: {} },
  { ...GOOD, name: "aks-public", privateCluster: false },
  { ...GOOD, name: "aks-lab", privateCluster: false, tags: {} },
  { ...GOOD, name: "aks-no-node-os", nodeOsChannel: "None" },
  { ...GOOD, name: "aks-short-window", windowHours: 2 },
  { ...GOOD, name: "aks-no-fips", fips: false },
  {
    ...GOOD,
    name: "aks-exempt",
    bound: false,
    privateCluster: false,
    tags: { "trusted-access-exempt": "lab", "kms-exempt": "lab" },
  },
];
