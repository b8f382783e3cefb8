/**
 * Synthetic stacks for the pack benchmark: N AKS clusters with 3 Trusted Access role bindings each, shaped as the
 * engine sends them. Every second cluster is a preview of a new, autonamed cluster, so its bindings name it only
 * through `propertyDependencies` (the name is unknown); the others are linked by names alone. Two clusters in ten
 * are declared with the classic azure provider, two with a versioned azure-native token; one resource group holds
 * ten clusters. The stack is compliant: the pack must link every binding to find that out.
 */
import { secureClusterInputs } from "../secureClusterInputs";
import { PropertyMap, StackResource, UnknownValue, resourceUrn, unknown } from "../../cli/packHost";
import { TrustedAccessRole } from "../../domain";

export const BENCH_STACK = { project: "bench", stack: "dev" } as const;

const SUBSCRIPTION = "00000000-0000-0000-0000-0000000000b1";
const CLUSTERS_PER_GROUP = 10;

const TYPES = {
  group: "azure-native:resources:ResourceGroup",
  nativeCluster: "azure-native:containerservice:ManagedCluster",
  nativeBinding: "azure-native:containerservice:TrustedAccessRoleBinding",
  versionedCluster: "azure-native:containerservice/v20240901:ManagedCluster",
  versionedBinding: "azure-native:containerservice/v20240901:TrustedAccessRoleBinding",
  classicCluster: "azure:containerservice/kubernetesCluster:KubernetesCluster",
  classicBinding: "azure:containerservice/clusterTrustedAccessRoleBinding:ClusterTrustedAccessRoleBinding",
} as const;

/** How the i-th cluster is declared. */
export type ClusterFlavour = "azure-native" | "versioned" | "classic";
/** How its bindings name it: through property dependencies only (value unknown), or by known names. */
export type BindingLink = "propertyDependencies" | "names";

/** Two clusters in ten of each kind that is not plain azure-native, one of each link kind. */
export function flavourOf(index: number): ClusterFlavour {
  const digit = index % 10;
  if (digit === 6 || digit === 7) return "classic";
  return digit === 2 || digit === 3 ? "versioned" : "azure-native";
}

export function linkOf(index: number): BindingLink {
  return index % 2 === 0 ? "propertyDependencies" : "names";
}

export interface SyntheticCluster {
  readonly urn: string;
  readonly bindingUrns: readonly string[];
}

export interface SyntheticStack {
  readonly resources: readonly StackResource[];
  /** The clusters, in order, with the URNs of their bindings. */
  readonly clusters: readonly SyntheticCluster[];
}

const urnOf = (type: string, name: string): string => resourceUrn({ ...BENCH_STACK, type, name });

/** A compliant stack of `clusters` clusters, each with 3 bindings (Azure ML, Backup, Defender). */
export function syntheticStack(clusters: number): SyntheticStack {
  if (!Number.isInteger(clusters) || clusters < 1) {
    throw new Error(`clusters must be a whole number of 1 or more, got ${clusters}`);
  }
  const resources: StackResource[] = [];
  const clusterList: SyntheticCluster[] = [];
  for (let i = 0; i < clusters; i++) {
    const group = `rg-bench-${Math.floor(i / CLUSTERS_PER_GROUP)}`;
    const groupUrn = urnOf(TYPES.group, group);
    if (i % CLUSTERS_PER_GROUP === 0) {
      resources.push({ type: TYPES.group, name: group, urn: groupUrn, properties: groupProps(group) });
    }
    const cluster = clusterResource(i, group, groupUrn);
    const bindings = bindingResources(i, group, groupUrn, cluster.urn);
    clusterList.push({ urn: cluster.urn, bindingUrns: bindings.map((b) => b.urn) });
    resources.push(cluster, ...bindings);
  }
  return { resources, clusters: clusterList };
}

/** The stack's resources without the bindings of `cluster`: the pack must flag that cluster. */
export function withoutBindingsOf(stack: SyntheticStack, cluster: SyntheticCluster): StackResource[] {
  const left = new Set(cluster.bindingUrns);
  return stack.resources.filter((r) => !left.has(r.urn));
}

function groupProps(group: string): PropertyMap {
  return { resourceGroupName: group, location: "westeurope" };
}

function clusterName(index: number): string {
  return `aks-bench-${index}`;
}

/** azure-native's autonaming appends 8 random hex digits; here they are derived from the index. */
function autonameSuffix(index: number): string {
  return ((index * 2654435761) >>> 0).toString(16).padStart(8, "0");
}

/**
 * What the four related rules ask beyond the component's defaults, so that every policy of the pack passes and does
 * its whole work. Azure would refuse KMS on a system-assigned cluster (see docs/components.md): the stack is synthetic.
 */
const KMS_KEY_ID = "https://kv-bench.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
const KMS_VAULT_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-bench-0/providers/Microsoft.KeyVault/vaults/kv-bench";
const nativeRuleSettings = {
  apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: "system" },
  securityProfile: {
    azureKeyVaultKms: {
      enabled: true,
      keyId: KMS_KEY_ID,
      keyVaultNetworkAccess: "Private",
      keyVaultResourceId: KMS_VAULT_ID,
    },
  },
};

function clusterResource(index: number, group: string, groupUrn: string): StackResource {
  const name = clusterName(index);
  const flavour = flavourOf(index);
  const autonamed = linkOf(index) === "propertyDependencies";
  if (flavour === "classic") {
    return {
      type: TYPES.classicCluster,
      name,
      urn: urnOf(TYPES.classicCluster, name),
      properties: {
        name,
        resourceGroupName: group,
        location: "westeurope",
        dnsPrefix: name,
        identity: { type: "SystemAssigned" },
        defaultNodePool: {
          name: "system",
          vmSize: "Standard_D4ds_v5",
          nodeCount: 3,
          zones: ["1", "2", "3"],
          fipsEnabled: true,
        },
        localAccountDisabled: true,
        automaticUpgradeChannel: "stable",
        nodeOsUpgradeChannel: "NodeImage",
        privateClusterEnabled: true,
        keyManagementService: { keyVaultKeyId: KMS_KEY_ID, keyVaultNetworkAccess: "Private" },
        tags: { env: "bench" },
      },
      dependencies: [groupUrn],
      propertyDependencies: { resourceGroupName: [groupUrn] },
    };
  }
  const type = flavour === "versioned" ? TYPES.versionedCluster : TYPES.nativeCluster;
  return {
    type,
    name,
    urn: urnOf(type, name),
    properties: {
      resourceGroupName: group,
      // An autonamed cluster's name is made up by azure-native's Check, so the engine sends it filled in.
      resourceName: autonamed ? `${name}${autonameSuffix(index)}` : name,
      ...secureClusterInputs,
      ...nativeRuleSettings,
      dnsPrefix: name,
      tags: { env: "bench" },
    },
    dependencies: [groupUrn],
    propertyDependencies: { resourceGroupName: [groupUrn] },
  };
}

interface BindingSpec {
  readonly key: string;
  readonly roles: readonly string[];
  readonly sourceResourceId: string;
}

function bindingSpecs(index: number): BindingSpec[] {
  const groupId = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-bench-sources-${index}`;
  return [
    {
      key: "ml",
      roles: [TrustedAccessRole.MachineLearningWorkload, TrustedAccessRole.MachineLearningInference],
      sourceResourceId: `${groupId}/providers/Microsoft.MachineLearningServices/workspaces/ml-${index}`,
    },
    {
      key: "backup",
      roles: [TrustedAccessRole.BackupOperator],
      sourceResourceId: `${groupId}/providers/Microsoft.DataProtection/backupVaults/backup-${index}`,
    },
    {
      key: "defender",
      roles: [TrustedAccessRole.DefenderOperator],
      sourceResourceId:
        `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Security/pricings/CloudPosture` +
        "/securityOperators/DefenderCSPMSecurityOperator",
    },
  ];
}

function bindingResources(
  index: number,
  group: string,
  groupUrn: string,
  clusterUrn: string,
): StackResource[] {
  const cluster = clusterName(index);
  const flavour = flavourOf(index);
  const byDependency = linkOf(index) === "propertyDependencies";
  // Linked through property dependencies only: the cluster's name (or id) is not known before it exists.
  const clusterValue = (known: string): string | UnknownValue => (byDependency ? unknown() : known);
  return bindingSpecs(index).map((spec): StackResource => {
    const name = `${cluster}-${spec.key}`;
    if (flavour === "classic") {
      const clusterId =
        `/subscriptions/${SUBSCRIPTION}/resourceGroups/${group}` +
        `/providers/Microsoft.ContainerService/managedClusters/${cluster}`;
      return {
        type: TYPES.classicBinding,
        name,
        urn: urnOf(TYPES.classicBinding, name),
        properties: {
          name: spec.key,
          kubernetesClusterId: clusterValue(clusterId),
          roles: [...spec.roles],
          sourceResourceId: spec.sourceResourceId,
        },
        ...(byDependency
          ? { dependencies: [clusterUrn], propertyDependencies: { kubernetesClusterId: [clusterUrn] } }
          : {}),
      };
    }
    const type = flavour === "versioned" ? TYPES.versionedBinding : TYPES.nativeBinding;
    return {
      type,
      name,
      urn: urnOf(type, name),
      properties: {
        resourceGroupName: group,
        resourceName: clusterValue(cluster),
        trustedAccessRoleBindingName: spec.key,
        roles: [...spec.roles],
        sourceResourceId: spec.sourceResourceId,
      },
      ...(byDependency
        ? {
            dependencies: [groupUrn, clusterUrn],
            propertyDependencies: { resourceGroupName: [groupUrn], resourceName: [clusterUrn] },
          }
        : {}),
    };
  });
}
