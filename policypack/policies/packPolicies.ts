import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { bindingLimits } from "./bindingLimits";
import { bindingValid } from "./bindingValid";
import { kmsPrivateKeyVault } from "./kmsPrivateKeyVault";
import { nodeOsAutoUpgrade } from "./nodeOsAutoUpgrade";
import { nodePoolFips } from "./nodePoolFips";
import { privateCluster } from "./privateCluster";
import { privilegedRoles } from "./privilegedRoles";
import { reportingSkips } from "../mechanics/skipCheck";
import { systemAssignedIdentity } from "./systemAssignedIdentity";
import { trustedAccessRequired } from "./trustedAccessRequired";

/** The pack's name, as the Pulumi CLI and a config file's messages show it. */
export const PACK_NAME = "aks-trusted-access";

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
  nodeOsAutoUpgrade,
  privateCluster,
  nodePoolFips,
  kmsPrivateKeyVault,
].map((policy) => reportingSkips(policy));
