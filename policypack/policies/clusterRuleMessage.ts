import { ClusterRuleInfo, show } from "../domain";
import { ClusterRef } from "./clusterRef";
import { Exemptions, exemptionHint } from "./exemptions";

/**
 * A cluster rule's violation, in the order the pack's messages follow: the resource, what is wrong (the domain's
 * problem, a verb phrase whose subject is the cluster), the rule it fails, how to fix it, how to exempt it.
 */
export function ruleViolation(
  subject: string,
  problem: string,
  rule: ClusterRuleInfo,
  fix: string,
  exemptions: Exemptions,
): string {
  return (
    `${subject} ${problem}. This fails the Cloud Conformity rule ${show(rule.conformityRule)}: ${fix}; ` +
    `${exemptionHint(exemptions)}.`
  );
}

/** An Azure CLI command of the catalog with its placeholders filled in wherever the value is known. */
export function azureCliFor(command: string, ref: ClusterRef, poolName?: unknown): string {
  const fill = (text: string, placeholder: string, value: unknown): string =>
    typeof value === "string" && value !== "" ? text.split(placeholder).join(value) : text;
  const filled = fill(fill(command, "<group>", ref.resourceGroupName), "<cluster>", ref.clusterName);
  return fill(filled, "<pool>", poolName);
}
