export { bindingLimits } from "./bindingLimits";
export { bindingValid } from "./bindingValid";
export { ExemptionConfig } from "../mechanics/exemptions";
export { KMS_PRIVATE_KEY_VAULT_EXEMPT_TAG, kmsPrivateKeyVault } from "./kmsPrivateKeyVault";
export {
  NODE_OS_AUTO_UPGRADE_EXEMPT_TAG,
  NodeOsAutoUpgradeConfig,
  nodeOsAutoUpgrade,
} from "./nodeOsAutoUpgrade";
export { NODE_POOL_FIPS_EXEMPT_TAG, nodePoolFips } from "./nodePoolFips";
export { PACK_NAME, PACK_POLICIES } from "./packPolicies";
export { PRIVATE_CLUSTER_EXEMPT_TAG, privateCluster } from "./privateCluster";
export { PrivilegedRolesConfig, privilegedRoles } from "./privilegedRoles";
export { systemAssignedIdentity } from "./systemAssignedIdentity";
export {
  DEFAULT_EXEMPT_TAG,
  TrustedAccessRequiredConfig,
  trustedAccessRequired,
} from "./trustedAccessRequired";
export { reportingSkips, skipCheck } from "../mechanics/skipCheck";
