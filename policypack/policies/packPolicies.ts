import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { bindingLimits } from "./bindingLimits";
import { bindingValid } from "./bindingValid";
import { privilegedRoles } from "./privilegedRoles";
import { reportingSkips } from "./skipCheck";
import { systemAssignedIdentity } from "./systemAssignedIdentity";
import { trustedAccessRequired } from "./trustedAccessRequired";

/**
 * The pack's policies, in the order it serves them: the one list the pack, its tests and the benchmark share. Each
 * reports the checks it skipped on values known only after deployment ({@link reportingSkips}).
 */
export const PACK_POLICIES: readonly (ResourceValidationPolicy | StackValidationPolicy)[] = [
  trustedAccessRequired,
  bindingValid,
  bindingLimits,
  systemAssignedIdentity,
  privilegedRoles,
].map((policy) => reportingSkips(policy));
