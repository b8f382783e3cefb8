import type { ManagedCluster } from "@azure/arm-containerservice";
import type { ClusterSettings, NodePoolSettings } from "../report";

type Json = Record<string, unknown>;
const object = (v: unknown): Json =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {};

/** The rule settings of a cluster from the Azure SDK's model (`managedClusters.list`), whose names are camelCase. */
export function settingsFromSdk(c: ManagedCluster): ClusterSettings {
  const kms = c.securityProfile?.azureKeyVaultKms;
  return {
    nodeOsUpgradeChannel: c.autoUpgradeProfile?.nodeOSUpgradeChannel,
    upgradeChannel: c.autoUpgradeProfile?.upgradeChannel,
    enablePrivateCluster: c.apiServerAccessProfile?.enablePrivateCluster,
    nodePools: (c.agentPoolProfiles ?? []).map((p) => ({
      name: p.name,
      enableFips: p.enableFips,
      osType: p.osType,
      osSku: p.osSKU,
    })),
    kms:
      kms === undefined
        ? undefined
        : {
            enabled: kms.enabled,
            keyId: kms.keyId,
            keyVaultNetworkAccess: kms.keyVaultNetworkAccess,
            keyVaultResourceId: kms.keyVaultResourceId,
          },
  };
}

/**
 * The rule settings of a cluster from Azure's own JSON (a Resource Graph row's columns, as `CLUSTER_QUERY`
 * projects them: `autoUpgradeProfile`, `apiServerAccessProfile`, `agentPoolProfiles`, `azureKeyVaultKms`). ARM
 * spells `enableFIPS` and `osSKU` so; odd shapes read as absent, and the rules then fail them.
 */
export function settingsFromArmJson(row: Json): ClusterSettings {
  const upgrade = object(row.autoUpgradeProfile);
  const pools = Array.isArray(row.agentPoolProfiles) ? (row.agentPoolProfiles as unknown[]) : [];
  const kms = row.azureKeyVaultKms;
  return {
    nodeOsUpgradeChannel: upgrade.nodeOSUpgradeChannel,
    upgradeChannel: upgrade.upgradeChannel,
    enablePrivateCluster: object(row.apiServerAccessProfile).enablePrivateCluster,
    nodePools: pools.map((raw, i): NodePoolSettings => {
      const p = object(raw);
      return {
        name: typeof p.name === "string" ? p.name : `agentPoolProfiles[${i}]`,
        enableFips: p.enableFIPS,
        osType: p.osType,
        osSku: p.osSKU,
      };
    }),
    kms:
      typeof kms === "object" && kms !== null
        ? {
            enabled: object(kms).enabled,
            keyId: object(kms).keyId,
            keyVaultNetworkAccess: object(kms).keyVaultNetworkAccess,
            keyVaultResourceId: object(kms).keyVaultResourceId,
          }
        : undefined,
  };
}
