// The package's entry: the components, and the domain names their users need to fill in bindings.
// In a Pulumi plugin process (`pulumi package add`), it also serves the components to every Pulumi language.
import "./plugin/startAsPlugin";
export {
  AksCluster,
  AksClusterArgs,
  KubernetesUpgradeChannel,
  NODE_OS_MAINTENANCE_WINDOW_DEFAULTS,
  NodeOsMaintenanceWindowArgs,
  NodeOsUpgradeChannel,
  NodePoolArgs,
  NodePoolOsType,
  SYSTEM_NODE_POOL_DEFAULTS,
  SystemNodePoolArgs,
  TrustedAccessBindingArgs,
  TrustedAccessBindings,
  TrustedAccessBindingsArgs,
  WeekDay,
} from "./components";
export { TrustedAccessRole, catalogRoles, findCatalogRole, parseArmId, parseRole } from "./domain";
