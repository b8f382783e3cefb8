export { AksCluster, AksClusterArgs } from "./aksCluster";
export { ArgumentFailure, ComponentArgumentsError } from "./argumentsError";
export {
  NODE_OS_MAINTENANCE_WINDOW_DEFAULTS,
  NodeOsMaintenanceWindowArgs,
  WeekDay,
} from "./maintenanceWindow";
export { NodePoolArgs, NodePoolOsType } from "./nodePoolArgs";
export { SystemNodePoolArgs, SYSTEM_NODE_POOL_DEFAULTS } from "./systemNodePool";
export { TrustedAccessBindingArgs } from "./trustedAccessBindingArgs";
export { TrustedAccessBindings, TrustedAccessBindingsArgs } from "./trustedAccessBindings";
export { KubernetesUpgradeChannel, NodeOsUpgradeChannel } from "./upgradeChannels";
