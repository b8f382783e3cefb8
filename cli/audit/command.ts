import type { Command } from "commander";
import { CLUSTER_RULES } from "../../domain";
import { runCommand } from "../command/runCommand";
import { AuditFlags, addAuditFlags } from "./auditFlags";
import { describeAzureError } from "./azureError";

/** The rules' titles, from their catalog: "A", "B" and "C". */
const RULE_TITLES = Object.values(CLUSTER_RULES)
  .map((rule) => `"${rule.conformityRule}"`)
  .join(", ")
  .replace(/, ([^,]*)$/, " and $1");

export function registerAuditCommand(program: Command): void {
  const audit = program
    .command("audit")
    .description(
      `Check live AKS clusters across subscriptions against the Cloud Conformity rules ${RULE_TITLES}, each at ` +
        "its policy's level in the policy pack. Exit 0 without a mandatory finding, 1 with one, 2 when what could " +
        "not be read may hide one.",
    );
  addAuditFlags(audit).action((flags: AuditFlags, command: Command) =>
    runCommand(
      command,
      // The Azure SDK loads only when audit runs: `check` and `--help` start without it.
      async () => (await import("./auditAction")).auditAction(flags),
      describeAzureError,
    ),
  );
}
