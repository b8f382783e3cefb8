import { PolicyPack, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { PACK_POLICIES } from "../../policypack/policies";

/**
 * The aks-trusted-access pack's policies — same names, kinds and levels — with bodies that do nothing. The policy
 * SDK decodes the whole request and wraps it in its proxy once per policy before calling the body, so this pack
 * costs what any pack with these policies costs; the benchmark checks that its policies match the real pack's.
 */
const doNothing = (): void => undefined;

function emptied(
  policy: ResourceValidationPolicy | StackValidationPolicy,
): ResourceValidationPolicy | StackValidationPolicy {
  return "validateStack" in policy
    ? { ...policy, validateStack: doNothing }
    : { ...policy, validateResource: doNothing };
}

new PolicyPack("bench-noop-pack", {
  policies: PACK_POLICIES.map(emptied),
});
