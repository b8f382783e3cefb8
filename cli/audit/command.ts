import type { Command } from "commander";
import { CLUSTER_RULES } from "../../domain";
import { runCommand } from "../command/runCommand";
import { prepareReports, writeReports } from "../command/reportFlag";
import { prepareOut, writeReport } from "../command/writeReport";
import { AuditFlags, OutputFormat, addAuditFlags, parseAuditFlags } from "./auditFlags";
import { describeAzureError } from "./azureError";
import { formatJson } from "./format/json";
import { formatJunit } from "./format/junit";
import { formatMarkdown } from "./format/markdown";
import { formatSarif } from "./format/sarif";
import { formatTable } from "./format/table";
import { loadEnforcement } from "./policyConfig";
import { terminalProgress } from "./progress";
import type { AuditReport } from "./report";
import { selectRules } from "./ruleSelection";
import { runAudit } from "./runAudit";
import { summarize } from "./summary";

const FORMATTERS: Readonly<Record<OutputFormat, (report: AuditReport) => string>> = {
  table: formatTable,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
  junit: formatJunit,
};

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
      async () => {
        const options = parseAuditFlags(flags);
        const selection = selectRules(options, await loadEnforcement(options.policyConfig));
        prepareOut(options.out);
        prepareReports(options.reports);
        const progress = terminalProgress(process.stderr);
        let report: AuditReport;
        try {
          report = await runAudit({ ...options, ...selection }, progress.update);
        } finally {
          progress.done();
        }
        writeReport(FORMATTERS[options.output](report), options.out);
        writeReports(options.reports, (format) => FORMATTERS[format as OutputFormat](report));
        return summarize(report).exitCode;
      },
      describeAzureError,
    ),
  );
}
