import type { Command } from "commander";
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

export function registerAuditCommand(program: Command): void {
  const audit = program
    .command("audit")
    .description(
      "Check live AKS clusters across subscriptions against the Trusted Access rule and the four it names (node OS " +
        "auto-upgrade, private cluster, FIPS node pools, KMS with a private key vault), each at its policy's " +
        "level in the policy pack. Exit 0 without a mandatory finding, 1 with one, 2 when what could not be read " +
        "may hide one.",
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
