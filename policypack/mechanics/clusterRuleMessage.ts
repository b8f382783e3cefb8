import { ClusterRuleInfo, azureCliCommand, show } from "../../domain";
import { ClusterLocator } from "../readers/clusterLocator";
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

/**
 * A rule's Azure CLI command with its placeholders filled in wherever the value is known (quoted as a shell needs
 * it, as `audit` writes it), and the rule's note on it in parentheses.
 */
export function azureCliFor(
  rule: Pick<ClusterRuleInfo, "azureCli" | "azureCliNote">,
  ref: ClusterLocator,
  poolName?: unknown,
): string {
  const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
  const command = azureCliCommand(rule.azureCli, {
    resourceGroup: text(ref.resourceGroupName),
    cluster: text(ref.clusterName),
    pool: text(poolName),
  });
  return rule.azureCliNote === undefined ? command : `${command} (${rule.azureCliNote})`;
}
