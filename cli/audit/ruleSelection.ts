import { UsageError } from "../command/usageError";
import type { RuleSelection } from "./auditCluster";
import { Enforcement, levelOf } from "./enforcement";
import { POLICY_CONFIG_FLAG, RuleFlags } from "./auditFlags";
import { CLUSTER_RULES } from "../../domain";
import { policiesOf } from "./rules";

/**
 * The rules that run, as the pack would run them: those the flags select, but none whose policies are all disabled;
 * the node OS rule asks for a window when `--require-maintenance-window` or the config's `requireMaintenanceWindow`
 * does. A flag that asks for what the config disables is a usage error naming both.
 */
export function selectRules(flags: RuleFlags, enforcement: Enforcement): RuleSelection {
  const disabled = (policy: string): boolean => levelOf(enforcement, policy) === "disabled";
  const source = `${POLICY_CONFIG_FLAG} ${enforcement.configFile ?? ""}`.trimEnd();
  const fix = (drop: string, policies: readonly string[]): string =>
    `: drop ${drop}, or give ${policies.length === 1 ? "the policy" : "them"} a level ("advisory" or "mandatory").`;
  const off = flags.rules.filter((rule) => policiesOf(rule).every(disabled));
  if (flags.rulesNamed && off.length > 0) {
    const policies = policiesOf(off[0]);
    throw new UsageError(
      `--rule ${off[0]} checks ${policies.length === 1 ? "policy" : "policies"} ${policies.join(" and ")}, which ` +
        `${source} sets to "disabled"${fix(`--rule ${off[0]}`, policies)}`,
    );
  }
  const nodeOs = CLUSTER_RULES["node-os-auto-upgrade"].policy;
  if (flags.requireMaintenanceWindow && disabled(nodeOs)) {
    throw new UsageError(
      `--require-maintenance-window belongs to policy ${nodeOs}, which ${source} sets to "disabled"` +
        fix("--require-maintenance-window", [nodeOs]),
    );
  }
  const rules = flags.rules.filter((rule) => !off.includes(rule));
  return {
    rules,
    requireMaintenanceWindow:
      rules.includes("node-os-auto-upgrade") &&
      (flags.requireMaintenanceWindow || enforcement.requireMaintenanceWindow),
    enforcement,
  };
}
