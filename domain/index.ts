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
// Every rule of clusterRules/, so that a new rule is exported once, from its own index.
export * from "./clusterRules";
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
