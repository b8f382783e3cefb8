export { CLUSTER_RULES, ClusterRuleId, ClusterRuleInfo } from "./catalog";
export { KMS_IDENTITY_CONFLICT, KmsFields, checkKmsPrivateVault } from "./kmsPrivateVault";
export {
  MAX_WINDOW_HOURS,
  MIN_WINDOW_HOURS,
  NODE_OS_SCHEDULE_NAME,
  NODE_OS_WINDOW_AZURE_CLI,
  NodeOsWindowFields,
  WEEK_DAYS,
  WINDOW_HOURS_ALLOWED,
  checkNodeOsWindow,
  isValidStartTime,
  isValidUtcOffset,
  isValidWindowHours,
} from "./nodeOsWindow";
export { FIPS_BY_DEFAULT_WINDOWS_SKUS, NodePoolFipsFields, checkNodePoolFips } from "./nodePoolFips";
export {
  COMPLIANT_NODE_OS_CHANNELS,
  NODE_IMAGE_UPGRADE_CHANNEL,
  NodeOsUpgradeFields,
  checkNodeOsUpgrade,
} from "./nodeOsUpgrade";
export { checkPrivateCluster } from "./privateCluster";
export { RuleVerdict } from "./verdict";
