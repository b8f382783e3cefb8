import {
  KmsFields,
  NodeOsUpgradeFields,
  NodeOsWindowFields,
  NodePoolFipsFields,
  UNKNOWN,
  show,
} from "../../domain";
import { Plain, field, isRecord, plainFields, stateField } from "./plainProps";
import { StackCluster } from "./stackResources";

/**
 * Each provider's property shapes mapped onto the fields of the domain's cluster rules (domain/clusterRules).
 * azure-native: a cluster's inputs, or the outputs of one that exists (what Azure runs) with its inputs under
 * `__inputs` as the fallback. Classic azure: inputs and outputs share names. Only the properties a rule needs
 * are copied out of the SDK's proxy.
 */

/**
 * A property of the cluster, read past the proxy: outputs first, then `__inputs` (azure-native). A rule's policy
 * whose field is a top-level property reads it with this alone.
 */
export function clusterProperty(cluster: StackCluster, key: string): Plain {
  return stateField(plainFields(cluster.resource.props, [key]), key);
}

/** The classic provider's names of the upgrade channels: @pulumi/azure 6.x (azurerm 4.x) renamed both. */
const CLASSIC_CHANNEL_NAMES = {
  6: { nodeOs: "nodeOsUpgradeChannel", upgrade: "automaticUpgradeChannel" },
  5: { nodeOs: "nodeOsChannelUpgrade", upgrade: "automaticChannelUpgrade" },
} as const;

/**
 * The major version of @pulumi/azure that manages a classic cluster: its provider's `version` when the engine gives
 * it, else 5 when the cluster sets a field only 5.x has, else 6 (the current one).
 */
function classicMajorVersion(cluster: StackCluster): 5 | 6 {
  const provider = cluster.resource.provider;
  const version =
    provider === undefined ? undefined : field(plainFields(provider.props, ["version"]), "version");
  const major = typeof version === "string" ? Number.parseInt(version, 10) : NaN;
  if (Number.isInteger(major)) return major >= 6 ? 6 : 5;
  const old = CLASSIC_CHANNEL_NAMES[5];
  const props = plainFields(cluster.resource.props, [old.nodeOs, old.upgrade]);
  return field(props, old.nodeOs) !== undefined || field(props, old.upgrade) !== undefined ? 5 : 6;
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
  // Read, and named in messages, as the cluster's own provider version calls them.
  const names = CLASSIC_CHANNEL_NAMES[classicMajorVersion(cluster)];
  return {
    nodeOsChannel: clusterProperty(cluster, names.nodeOs),
    nodeOsChannelField: names.nodeOs,
    upgradeChannel: clusterProperty(cluster, names.upgrade),
    upgradeChannelField: names.upgrade,
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
