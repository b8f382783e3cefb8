// The package's entry: the components, and the domain names their users need to fill in bindings.
// In a Pulumi plugin process (`pulumi package add`), it also serves the components to every Pulumi language.
import "./plugin/startAsPlugin";
export {
  AksCluster,
  AksClusterArgs,
  KubernetesUpgradeChannel,
  NodeOsUpgradeChannel,
  SYSTEM_NODE_POOL_DEFAULTS,
  SystemNodePoolArgs,
  TrustedAccessBindingArgs,
  TrustedAccessBindings,
  TrustedAccessBindingsArgs,
} from "./components";
export { TrustedAccessRole, catalogRoles, findCatalogRole, parseArmId, parseRole } from "./policypack/domain";
