import type { AuditedBinding, ClusterRef, ClusterSettings } from "../../../cli/audit/report";

/** Typed builders for in-process tests: a compliant baseline that each case changes in one field. */

export const SUB = "11111111-1111-1111-1111-111111111111";
export const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws`;
export const MLWORKLOAD = "Microsoft.MachineLearningServices/workspaces/mlworkload";

/** Settings that pass the four related rules but KMS, which no system-assigned cluster can pass. */
export function someSettings(change: Partial<ClusterSettings> = {}): ClusterSettings {
  return {
    nodeOsUpgradeChannel: "NodeImage",
    upgradeChannel: "patch",
    enablePrivateCluster: true,
    nodePools: [{ name: "system", enableFips: true, osType: "Linux", osSku: "Ubuntu" }],
    kms: undefined,
    ...change,
  };
}

export function aCluster(change: Partial<ClusterRef> = {}): ClusterRef {
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
