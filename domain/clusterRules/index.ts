export { CLUSTER_RULES, ClusterRuleId, ClusterRuleInfo, IDENTITY_POLICY } from "./catalog";
export { KMS_IDENTITY_CONFLICT, KmsFields, checkKmsPrivateVault } from "./kmsPrivateVault";
export {
  LiveClusterState,
  LiveFinding,
  LiveRule,
  LiveVerdict,
  Severity,
  armList,
  armValue,
} from "./liveRule";
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
export {
  COMPLIANT_NODE_OS_CHANNELS,
  NODE_OS_WINDOW_FINDING,
  NodeOsUpgradeFields,
  checkNodeOsUpgrade,
} from "./nodeOsUpgrade";
export { checkPrivateCluster } from "./privateCluster";
export { MANAGED_IDENTITY_DOCS, TRUSTED_ACCESS_FINDING } from "./trustedAccess";
export { RuleVerdict } from "./verdict";
