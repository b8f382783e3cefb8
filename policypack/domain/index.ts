export { ARM_ID_FORMS, ArmId, ArmIdParse, fullType, parseArmId, parseClusterId, topLevelType } from "./armId";
export { BindingFields, Findings, MAX_BINDINGS_PER_CLUSTER, checkBinding, fieldPath } from "./bindingRules";
export { BindingIdentity, checkBindingSet } from "./bindingSetRules";
export { SYSTEM_ASSIGNED, isSystemAssigned } from "./identity";
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
export { SkippedCheck, formatSkipNote, parseSkipNote, previewSkipNote } from "./skipNote";
