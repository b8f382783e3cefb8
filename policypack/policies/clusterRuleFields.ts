import {
  KmsFields,
  NodeOsUpgradeFields,
  NodeOsWindowFields,
  NodePoolFipsFields,
  UNKNOWN,
  show,
} from "../domain";
import { Plain, field, isRecord, plainFields, stateField } from "./plainProps";
import { StackCluster } from "./stackResources";

/**
 * Each provider's property shapes mapped onto the fields of the domain's cluster rules (domain/clusterRules).
 * azure-native: a cluster's inputs, or the outputs of one that exists (what Azure runs) with its inputs under
 * `__inputs` as the fallback. Classic azure: inputs and outputs share names. Only the properties a rule needs
 * are copied out of the SDK's proxy.
 */

/** A property of the cluster, read past the proxy: outputs first, then `__inputs` (azure-native). */
function clusterProperty(cluster: StackCluster, key: string): Plain {
  return stateField(plainFields(cluster.resource.props, [key]), key);
}

/** The first of several property names the provider's versions use that is set, read as one. */
function firstProperty(cluster: StackCluster, keys: readonly string[]): { key: string; value: Plain } {
  const props = plainFields(cluster.resource.props, keys);
  for (const key of keys) {
    const value = field(props, key);
    if (value !== undefined) return { key, value };
  }
  return { key: keys[0], value: undefined };
}

export function nodeOsUpgradeFields(cluster: StackCluster): NodeOsUpgradeFields {
  if (cluster.provider === "azure-native") {
    const profile = clusterProperty(cluster, "autoUpgradeProfile");
    return {
      nodeOsChannel: field(profile, "nodeOSUpgradeChannel"),
      nodeOsChannelField: "autoUpgradeProfile.nodeOSUpgradeChannel",
      upgradeChannel: field(profile, "upgradeChannel"),
      upgradeChannelField: "autoUpgradeProfile.upgradeChannel",
    };
  }
  // @pulumi/azure 6.x names first, then 5.x (nodeOsChannelUpgrade, automaticChannelUpgrade).
  const nodeOs = firstProperty(cluster, ["nodeOsUpgradeChannel", "nodeOsChannelUpgrade"]);
  const upgrade = firstProperty(cluster, ["automaticUpgradeChannel", "automaticChannelUpgrade"]);
  return {
    nodeOsChannel: nodeOs.value,
    nodeOsChannelField: nodeOs.key,
    upgradeChannel: upgrade.value,
    upgradeChannelField: upgrade.key,
  };
}

/**
 * The classic provider's inline node OS maintenance window (`maintenanceWindowNodeOs.duration`, hours); undefined
 * when the cluster declares none, or for azure-native, whose window is a MaintenanceConfiguration resource.
 */
export function inlineNodeOsWindow(cluster: StackCluster): NodeOsWindowFields | "unknown" | undefined {
  if (cluster.provider === "azure-native") return undefined;
  const window = clusterProperty(cluster, "maintenanceWindowNodeOs");
  if (window === UNKNOWN) return "unknown";
  if (window === undefined || window === null) return undefined;
  return { durationHours: field(window, "duration"), durationField: "maintenanceWindowNodeOs.duration" };
}

export interface PrivateClusterFields {
  readonly enabled: Plain;
  readonly field: string;
}

export function privateClusterFields(cluster: StackCluster): PrivateClusterFields {
  if (cluster.provider === "azure-native") {
    const profile = clusterProperty(cluster, "apiServerAccessProfile");
    return {
      enabled: field(profile, "enablePrivateCluster"),
      field: "apiServerAccessProfile.enablePrivateCluster",
    };
  }
  return { enabled: clusterProperty(cluster, "privateClusterEnabled"), field: "privateClusterEnabled" };
}

/** An inline pool of a cluster, with its Azure name when known. */
export interface InlinePool extends NodePoolFipsFields {
  readonly poolName: string | undefined;
}

/**
 * The node pools declared inline in the cluster: azure-native `agentPoolProfiles[]`, classic `defaultNodePool`.
 * `"unknown"` while the list itself is unknown in preview.
 */
export function inlinePools(cluster: StackCluster): readonly InlinePool[] | "unknown" {
  if (cluster.provider === "azure") {
    const pool = clusterProperty(cluster, "defaultNodePool");
    if (pool === UNKNOWN) return "unknown";
    if (!isRecord(pool)) return [];
    const name = field(pool, "name");
    return [
      {
        pool: typeof name === "string" ? `default node pool ${show(name)}` : "its default node pool",
        poolName: typeof name === "string" ? name : undefined,
        enableFips: field(pool, "fipsEnabled"),
        enableFipsField: "defaultNodePool.fipsEnabled",
        // The default node pool is always Linux; its os_sku picks among Linux images only.
        osType: "Linux",
        osSku: field(pool, "osSku"),
      },
    ];
  }
  const profiles = clusterProperty(cluster, "agentPoolProfiles");
  if (profiles === UNKNOWN) return "unknown";
  if (!Array.isArray(profiles)) return [];
  return profiles.map((profile, i): InlinePool => {
    const name = field(profile, "name");
    return {
      pool: typeof name === "string" ? `node pool ${show(name)}` : `agentPoolProfiles[${i}]`,
      poolName: typeof name === "string" ? name : undefined,
      enableFips: field(profile, "enableFIPS"),
      enableFipsField: typeof name === "string" ? "enableFIPS" : `agentPoolProfiles[${i}].enableFIPS`,
      osType: field(profile, "osType"),
      osSku: field(profile, "osSKU"),
    };
  });
}

export function kmsFields(cluster: StackCluster): KmsFields {
  if (cluster.provider === "azure-native") {
    const kms = field(clusterProperty(cluster, "securityProfile"), "azureKeyVaultKms");
    const at = "securityProfile.azureKeyVaultKms";
    return {
      enabled: field(kms, "enabled"),
      enabledField: `${at}.enabled`,
      keyId: field(kms, "keyId"),
      keyIdField: `${at}.keyId`,
      networkAccess: field(kms, "keyVaultNetworkAccess"),
      networkAccessField: `${at}.keyVaultNetworkAccess`,
      vaultResourceId: field(kms, "keyVaultResourceId"),
      vaultResourceIdField: `${at}.keyVaultResourceId`,
    };
  }
  // Classic: KMS is on when the keyManagementService block is there; it takes no vault id.
  const block = clusterProperty(cluster, "keyManagementService");
  return {
    enabled: isRecord(block) ? true : block,
    enabledField: "keyManagementService",
    keyId: field(block, "keyVaultKeyId"),
    keyIdField: "keyManagementService.keyVaultKeyId",
    networkAccess: field(block, "keyVaultNetworkAccess"),
    networkAccessField: "keyManagementService.keyVaultNetworkAccess",
    vaultResourceId: undefined,
    vaultResourceIdField: undefined,
  };
}
