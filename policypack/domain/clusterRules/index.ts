export { CLUSTER_RULES, ClusterRuleInfo, IDENTITY_POLICY } from "./catalog";
export { KMS_IDENTITY_CONFLICT, KmsFields, checkKmsPrivateVault } from "./kmsPrivateVault";
export {
  MIN_WINDOW_HOURS,
  NODE_OS_SCHEDULE_NAME,
  NodeOsWindowFields,
  WEEK_DAYS,
  WINDOW_HOURS_ALLOWED,
  WeeklyStart,
  checkNodeOsWindow,
  isValidStartTime,
  isValidUtcOffset,
  isValidWindowHours,
  nodeOsWindowAzureCli,
} from "./nodeOsWindow";
export { NodePoolFipsFields, checkNodePoolFips } from "./nodePoolFips";
export { COMPLIANT_NODE_OS_CHANNELS, NodeOsUpgradeFields, checkNodeOsUpgrade } from "./nodeOsUpgrade";
export { checkPrivateCluster } from "./privateCluster";
export { RuleVerdict } from "./verdict";
