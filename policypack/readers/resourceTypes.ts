/**
 * The Pulumi type tokens this pack recognises. azure-native also publishes every API version as its own module
 * (`azure-native:containerservice/v20240901:ManagedCluster`), so a token is matched with any version module.
 */

/** Which Pulumi provider declared a resource: the two name their properties differently. */
export type AzureProvider = "azure-native" | "azure";

const nativeToken = (resource: string): RegExp =>
  new RegExp(`^azure-native:containerservice(/v\\d{8}(preview)?)?:${resource}$`);

const NATIVE_CLUSTER = nativeToken("ManagedCluster");
const NATIVE_BINDING = nativeToken("TrustedAccessRoleBinding");
const NATIVE_NODE_POOL = nativeToken("AgentPool");
const NATIVE_MAINTENANCE_CONFIGURATION = nativeToken("MaintenanceConfiguration");
const CLASSIC_CLUSTER = "azure:containerservice/kubernetesCluster:KubernetesCluster";
const CLASSIC_NODE_POOL = "azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool";
const CLASSIC_BINDING =
  "azure:containerservice/clusterTrustedAccessRoleBinding:ClusterTrustedAccessRoleBinding";

/** The provider of an AKS cluster resource type, or undefined when the type is not an AKS cluster. */
export function clusterProvider(type: string): AzureProvider | undefined {
  if (NATIVE_CLUSTER.test(type)) return "azure-native";
  return type === CLASSIC_CLUSTER ? "azure" : undefined;
}

/** The provider of a Trusted Access role binding resource type, or undefined for any other type. */
export function bindingProvider(type: string): AzureProvider | undefined {
  if (NATIVE_BINDING.test(type)) return "azure-native";
  return type === CLASSIC_BINDING ? "azure" : undefined;
}

/** The provider of a node pool resource declared apart from its cluster, or undefined for any other type. */
export function nodePoolProvider(type: string): AzureProvider | undefined {
  if (NATIVE_NODE_POOL.test(type)) return "azure-native";
  return type === CLASSIC_NODE_POOL ? "azure" : undefined;
}

/**
 * Whether a type is a cluster's maintenance configuration resource. Only azure-native has one: the classic
 * provider declares maintenance windows inline in the cluster (`maintenanceWindowNodeOs`).
 */
export function isMaintenanceConfiguration(type: string): boolean {
  return NATIVE_MAINTENANCE_CONFIGURATION.test(type);
}
