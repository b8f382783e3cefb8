import { PolicyResource } from "@pulumi/policy";
import { show } from "../../domain";
import { BINDING_FIELDS, BindingProps, readBindingProps } from "./bindingProps";
import { ClusterLocator, locatorOfBindingId, locatorOfClusterId } from "./clusterLocator";
import { Plain, field, firstText, plainFields, stateField } from "./plainProps";
import { AzureProvider, bindingProvider, clusterProvider } from "./resourceTypes";

/** An AKS cluster of the stack, as a stack policy sees it (outputs, or inputs in a preview of a new one). */
export interface StackCluster {
  readonly resource: PolicyResource;
  readonly provider: AzureProvider;
  /** Where the cluster is: from its inputs (directly or under `__inputs`), its `name` output or its id. */
  readonly ref: ClusterLocator;
  readonly tags: Plain;
}

/** A Trusted Access role binding of the stack, with what it says about its cluster. */
export interface StackBinding extends BindingProps {
  readonly resource: PolicyResource;
  readonly provider: AzureProvider;
  /** The property that names the cluster, whose `propertyDependencies` link the binding to it. */
  readonly clusterProperty: "resourceName" | "kubernetesClusterId";
  readonly target: ClusterLocator;
}

export interface StackInventory {
  readonly clusters: readonly StackCluster[];
  readonly bindings: readonly StackBinding[];
}

/** The clusters and bindings among a stack's resources, in stack order; other resources are left out. */
export function stackInventory(resources: readonly PolicyResource[]): StackInventory {
  const clusters: StackCluster[] = [];
  const bindings: StackBinding[] = [];
  for (const resource of resources) {
    const asCluster = clusterProvider(resource.type);
    if (asCluster !== undefined) clusters.push(readCluster(resource, asCluster));
    const asBinding = bindingProvider(resource.type);
    if (asBinding !== undefined) bindings.push(readBinding(resource, asBinding));
  }
  return { clusters, bindings };
}

/** The clusters among a stack's resources, in stack order: what a policy reads that needs no bindings. */
export function stackClusters(resources: readonly PolicyResource[]): StackCluster[] {
  const clusters: StackCluster[] = [];
  for (const resource of resources) {
    const provider = clusterProvider(resource.type);
    if (provider !== undefined) clusters.push(readCluster(resource, provider));
  }
  return clusters;
}

// The only properties readCluster reads (readBinding reads BINDING_FIELDS): a stack policy copies just these.
const CLUSTER_FIELDS: readonly string[] = ["id", "name", "resourceName", "resourceGroupName", "tags"];

function readCluster(resource: PolicyResource, provider: AzureProvider): StackCluster {
  const props = plainFields(resource.props, CLUSTER_FIELDS);
  const byId = locatorOfClusterId(firstText(field(props, "id")));
  // azure-native: the Azure name is the `resourceName` input, and the `name` output once the cluster exists.
  const nameCandidates: Plain[] =
    provider === "azure-native"
      ? [stateField(props, "resourceName"), field(props, "name")]
      : [field(props, "name")];
  return {
    resource,
    provider,
    ref: {
      subscriptionId: byId.subscriptionId,
      resourceGroupName: firstText(stateField(props, "resourceGroupName"), byId.resourceGroupName),
      clusterName: firstText(...nameCandidates, byId.clusterName),
    },
    tags: stateField(props, "tags"),
  };
}

function readBinding(resource: PolicyResource, provider: AzureProvider): StackBinding {
  const props = plainFields(resource.props, BINDING_FIELDS);
  const declared = readBindingProps(provider, props);
  if (provider === "azure") {
    const target = locatorOfClusterId(firstText(field(props, "kubernetesClusterId")));
    return { ...declared, resource, provider, clusterProperty: "kubernetesClusterId", target };
  }
  // azure-native: outputs of an existing binding lack resourceGroupName/resourceName; `__inputs` keeps them,
  // and a state without `__inputs` still has the binding's own id, which sits under its cluster's.
  const resourceGroupName = stateField(props, "resourceGroupName");
  const clusterName = stateField(props, "resourceName");
  const target: ClusterLocator =
    resourceGroupName === undefined && clusterName === undefined
      ? locatorOfBindingId(firstText(field(props, "id")))
      : {
          subscriptionId: undefined,
          resourceGroupName: firstText(resourceGroupName),
          clusterName: firstText(clusterName),
        };
  return { ...declared, resource, provider, clusterProperty: "resourceName", target };
}

/** `AKS cluster "<Pulumi name>"`, with its Azure name when that is known and differs. */
export function describeCluster(cluster: StackCluster): string {
  const base = `AKS cluster ${show(cluster.resource.name)}`;
  const azureName = cluster.ref.clusterName;
  return typeof azureName === "string" && azureName !== cluster.resource.name
    ? `${base} (Azure name ${show(azureName)})`
    : base;
}
