export { AzureCliValues, azureCliCommand, shellWord } from "./azureCli";
export { ARM_ID_FORMS, ArmId, ArmIdParse, fullType, parseArmId, parseClusterId } from "./armId";
export {
  BindingFields,
  FieldCheck,
  Findings,
  MAX_BINDINGS_PER_CLUSTER,
  SourceId,
  checkBinding,
  checkBindingName,
  checkRoles,
  checkRolesFitSource,
  checkSourceResourceId,
  fieldPath,
  joinFindings,
} from "./bindingRules";
export {
  BindingIdentity,
  checkAgainstEarlierBindings,
  checkBindingCount,
  checkBindingSet,
  checkSourceSubscription,
} from "./bindingSetRules";
export { BINDING_STATES, BindingStateVerdict, judgeBindingState } from "./bindingState";
export { exemptingTagKey, listsCluster } from "./exemption";
export { isSystemAssigned } from "./identity";
export { BINDING_NAME_RULE, CLUSTER_NAME_RULE, isValidBindingName, isValidClusterName } from "./names";
export { privilegeReasons } from "./privilege";
export {
  CATALOG_LOCATION,
  CatalogRole,
  RoleRule,
  TrustedAccessRole,
  catalogRoles,
  findCatalogRole,
  uncataloguedRoleWarning,
} from "./roleCatalog";
export { ParsedRole, ROLE_EXAMPLE, ROLE_FORM, parseRole, roleAcceptsSource } from "./roles";
export { show } from "./show";
export { UNKNOWN, Unknown } from "./unknown";
export {
  CLUSTER_RULES,
  COMPLIANT_NODE_OS_CHANNELS,
  ClusterRuleId,
  ClusterRuleInfo,
  IDENTITY_POLICY,
  KMS_IDENTITY_CONFLICT,
  KmsFields,
  LiveClusterState,
  LiveFinding,
  LiveRule,
  LiveVerdict,
  MANAGED_IDENTITY_DOCS,
  MIN_WINDOW_HOURS,
  NODE_OS_SCHEDULE_NAME,
  NODE_OS_WINDOW_FINDING,
  NodeOsUpgradeFields,
  NodeOsWindowFields,
  NodePoolFipsFields,
  RuleVerdict,
  Severity,
  TRUSTED_ACCESS_FINDING,
  WEEK_DAYS,
  WINDOW_HOURS_ALLOWED,
  WeeklyStart,
  armList,
  armValue,
  checkKmsPrivateVault,
  checkNodeOsUpgrade,
  checkNodeOsWindow,
  checkNodePoolFips,
  checkPrivateCluster,
  isValidStartTime,
  isValidUtcOffset,
  isValidWindowHours,
  nodeOsWindowAzureCli,
} from "./clusterRules";
export {
  MAX_NODES_PER_POOL,
  NODE_POOL_NAME_RULES,
  NodePoolOs,
  TAINT_FORM,
  isValidNodeCount,
  isValidNodePoolName,
  isValidTaint,
} from "./nodePoolRules";
export { SkippedCheck, formatSkipNote, parseSkipNote, previewSkipNote } from "./skipNote";
