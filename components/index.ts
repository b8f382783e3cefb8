export { AksCluster, AksClusterArgs } from "./aksCluster";
export { ArgumentFailure, ComponentArgumentsError } from "./argumentsError";
export { SystemNodePoolArgs, SYSTEM_NODE_POOL_DEFAULTS } from "./systemNodePool";
export { TrustedAccessBindingArgs } from "./trustedAccessBindingArgs";
export { TrustedAccessBindings, TrustedAccessBindingsArgs } from "./trustedAccessBindings";
export { KubernetesUpgradeChannel, NodeOsUpgradeChannel } from "./upgradeChannels";
