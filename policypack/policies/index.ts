export { bindingLimits } from "./bindingLimits";
export { bindingValid } from "./bindingValid";
export { PrivilegedRolesConfig, privilegedRoles } from "./privilegedRoles";
export { systemAssignedIdentity } from "./systemAssignedIdentity";
export {
  DEFAULT_EXEMPT_TAG,
  TrustedAccessRequiredConfig,
  trustedAccessRequired,
} from "./trustedAccessRequired";
