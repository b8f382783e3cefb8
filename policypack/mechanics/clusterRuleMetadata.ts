import type { Policy } from "@pulumi/policy";
import type { ClusterRuleInfo } from "../../domain";

/** A cluster rule's policy metadata, all of it from its catalog row: the one place a rule's words are kept. */
export function clusterRuleMetadata(
  rule: ClusterRuleInfo,
): Required<
  Pick<Policy, "name" | "description" | "enforcementLevel" | "severity" | "url" | "remediationSteps">
> {
  return {
    name: rule.policy,
    description: rule.description,
    enforcementLevel: rule.defaultLevel,
    severity: rule.severity,
    url: rule.docs,
    remediationSteps: rule.remediationSteps,
  };
}
