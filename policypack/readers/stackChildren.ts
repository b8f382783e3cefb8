import { PolicyResource } from "@pulumi/policy";
import { ClusterChild } from "./bindingLinks";
import { ClusterLocator, locatorOfChildId, locatorOfClusterId } from "./clusterLocator";
import { Plain, TextReading, field, firstText, plainFields, stateField } from "./plainProps";
import { AzureProvider, isMaintenanceConfiguration, nodePoolProvider } from "./resourceTypes";

/**
 * Resources a cluster policy reads besides the clusters: node pools and maintenance configurations declared as
 * resources of their own. They link to their cluster as bindings do (see bindingLinks).
 */

/** A node pool resource (azure-native `AgentPool`, classic `KubernetesClusterNodePool`). */
export interface StackNodePool extends ClusterChild {
  readonly provider: AzureProvider;
  /** The pool's Azure name. */
  readonly poolName: TextReading;
  readonly enableFips: Plain;
  /** `enableFIPS` (azure-native) or `fipsEnabled` (classic). */
  readonly enableFipsField: string;
  readonly osType: Plain;
  readonly osSku: Plain;
}

/** An azure-native `MaintenanceConfiguration` of a cluster. */
export interface StackMaintenanceConfiguration extends ClusterChild {
  /** The configuration's name (`configName`); AKS knows the node OS schedule by its name only. */
  readonly configName: TextReading;
  /** `maintenanceWindow.durationHours`. */
  readonly durationHours: Plain;
}

const NATIVE_POOL_FIELDS = [
  "id",
  "name",
  "agentPoolName",
  "resourceGroupName",
  "resourceName",
  "enableFIPS",
  "osType",
  "osSKU",
];
const CLASSIC_POOL_FIELDS = ["name", "kubernetesClusterId", "fipsEnabled", "osType", "osSku"];
const MAINTENANCE_FIELDS = [
  "id",
  "name",
  "configName",
  "resourceGroupName",
  "resourceName",
  "maintenanceWindow",
];

/** The node pool resources of a stack, in stack order. */
export function stackNodePools(resources: readonly PolicyResource[]): StackNodePool[] {
  const pools: StackNodePool[] = [];
  for (const resource of resources) {
    const provider = nodePoolProvider(resource.type);
    if (provider === "azure-native") pools.push(readNativePool(resource));
    else if (provider === "azure") pools.push(readClassicPool(resource));
  }
  return pools;
}

/** The maintenance configuration resources of a stack, in stack order. */
export function stackMaintenanceConfigurations(
  resources: readonly PolicyResource[],
): StackMaintenanceConfiguration[] {
  const configurations: StackMaintenanceConfiguration[] = [];
  for (const resource of resources) {
    if (!isMaintenanceConfiguration(resource.type)) continue;
    const props = plainFields(resource.props, MAINTENANCE_FIELDS);
    // azure-native outputs of an existing configuration: `name`, `maintenanceWindow`, inputs under `__inputs`.
    const configName = stateField(props, "configName");
    configurations.push({
      resource,
      clusterProperty: "resourceName",
      target: nativeChildTarget(props, "maintenanceConfigurations"),
      configName: firstText(configName !== undefined ? configName : field(props, "name")),
      durationHours: field(stateField(props, "maintenanceWindow"), "durationHours"),
    });
  }
  return configurations;
}

function readNativePool(resource: PolicyResource): StackNodePool {
  const props = plainFields(resource.props, NATIVE_POOL_FIELDS);
  const inputName = stateField(props, "agentPoolName");
  return {
    resource,
    provider: "azure-native",
    clusterProperty: "resourceName",
    target: nativeChildTarget(props, "agentPools"),
    poolName: firstText(inputName !== undefined ? inputName : field(props, "name")),
    // Outputs (what Azure runs) come first, then the inputs under `__inputs`.
    enableFips: stateField(props, "enableFIPS"),
    enableFipsField: "enableFIPS",
    osType: stateField(props, "osType"),
    osSku: stateField(props, "osSKU"),
  };
}

function readClassicPool(resource: PolicyResource): StackNodePool {
  const props = plainFields(resource.props, CLASSIC_POOL_FIELDS);
  return {
    resource,
    provider: "azure",
    clusterProperty: "kubernetesClusterId",
    target: locatorOfClusterId(firstText(field(props, "kubernetesClusterId"))),
    poolName: firstText(field(props, "name")),
    enableFips: field(props, "fipsEnabled"),
    enableFipsField: "fipsEnabled",
    osType: field(props, "osType"),
    osSku: field(props, "osSku"),
  };
}

/**
 * The cluster an azure-native child names: its `resourceGroupName` and `resourceName` inputs (directly, or under
 * `__inputs` once it exists), else its own id, which sits under its cluster's.
 */
function nativeChildTarget(props: Plain, childType: string): ClusterLocator {
  const resourceGroupName = stateField(props, "resourceGroupName");
  const clusterName = stateField(props, "resourceName");
  return resourceGroupName === undefined && clusterName === undefined
    ? locatorOfChildId(firstText(field(props, "id")), childType)
    : {
        subscriptionId: undefined,
        resourceGroupName: firstText(resourceGroupName),
        clusterName: firstText(clusterName),
      };
}
