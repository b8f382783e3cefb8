import { prepareReports, writeReports } from "../command/reportFlag";
import { prepareOut, writeReport } from "../command/writeReport";
import { AuditFlags, OutputFormat, parseAuditFlags } from "./auditFlags";
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

/**
 * What `audit` does once its flags are parsed; its exit code. Loaded only when `audit` runs (command.ts), so that
 * the other commands do not load the Azure SDK.
 */
export async function auditAction(flags: AuditFlags): Promise<number> {
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
}
