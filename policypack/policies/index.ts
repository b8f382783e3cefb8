export { bindingLimits } from "./bindingLimits";
export { bindingValid } from "./bindingValid";
export { PACK_POLICIES } from "./packPolicies";
export { PrivilegedRolesConfig, privilegedRoles } from "./privilegedRoles";
export { systemAssignedIdentity } from "./systemAssignedIdentity";
export {
  DEFAULT_EXEMPT_TAG,
  TrustedAccessRequiredConfig,
  trustedAccessRequired,
} from "./trustedAccessRequired";
export { reportingSkips, skipCheck } from "./skipCheck";
