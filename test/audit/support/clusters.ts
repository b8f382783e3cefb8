import type { AuditedBinding, LiveCluster, ClusterSettings } from "../../../cli/audit/report";

/** Typed builders for in-process tests: a compliant baseline that each case changes in one field. */

export const SUB = "11111111-1111-1111-1111-111111111111";
export const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws`;
export const MLWORKLOAD = "Microsoft.MachineLearningServices/workspaces/mlworkload";

/** The fields the cluster rules read, flat, for cases that change one of them. */
export interface RuleFields {
  readonly nodeOsUpgradeChannel: unknown;
  readonly upgradeChannel: unknown;
  readonly enablePrivateCluster: unknown;
  readonly nodePools: readonly { name: string; enableFips: unknown; osType: unknown; osSku: unknown }[];
  /** `securityProfile.azureKeyVaultKms`; absent when undefined. */
  readonly kms:
    | { enabled: unknown; keyId: unknown; keyVaultNetworkAccess: unknown; keyVaultResourceId: unknown }
    | undefined;
}

/** A cluster's `properties` as ARM's JSON holds the rule fields (`enableFIPS`, `osSKU`). */
export function armProperties(f: RuleFields): ClusterSettings {
  return {
    autoUpgradeProfile: { nodeOSUpgradeChannel: f.nodeOsUpgradeChannel, upgradeChannel: f.upgradeChannel },
    apiServerAccessProfile: { enablePrivateCluster: f.enablePrivateCluster },
    agentPoolProfiles: f.nodePools.map((p) => ({
      name: p.name,
      enableFIPS: p.enableFips,
      osType: p.osType,
      osSKU: p.osSku,
    })),
    ...(f.kms === undefined ? {} : { securityProfile: { azureKeyVaultKms: f.kms } }),
  };
}

/** Settings that pass the four related rules but KMS, which no system-assigned cluster can pass. */
export function someSettings(change: Partial<RuleFields> = {}): ClusterSettings {
  return armProperties({
    nodeOsUpgradeChannel: "NodeImage",
    upgradeChannel: "patch",
    enablePrivateCluster: true,
    nodePools: [{ name: "system", enableFips: true, osType: "Linux", osSku: "Ubuntu" }],
    kms: undefined,
    ...change,
  });
}

export function aCluster(change: Partial<LiveCluster> = {}): LiveCluster {
  return {
    id: `/subscriptions/${SUB}/resourcegroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks-1`,
    subscriptionId: SUB,
    resourceGroup: "rg-prod",
    name: "aks-1",
    location: "westeurope",
    identityType: "SystemAssigned",
    tags: {},
    settings: someSettings(),
    ...change,
  };
}

export function aBinding(change: Partial<AuditedBinding> = {}): AuditedBinding {
  return {
    name: "ml",
    roles: [MLWORKLOAD],
    sourceResourceId: WORKSPACE,
    provisioningState: "Succeeded",
    ...change,
  };
}
