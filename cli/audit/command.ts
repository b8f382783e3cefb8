import type { Command } from "commander";
import { EXIT } from "../main";
import { AuditFlags, OutputFormat, addAuditFlags, parseAuditFlags } from "./auditFlags";
import { describeAzureError } from "./azureError";
import { formatJson } from "./format/json";
import { formatSarif } from "./format/sarif";
import { formatTable } from "./format/table";
import { terminalProgress } from "./progress";
import type { AuditReport } from "./report";
import { runAudit } from "./runAudit";
import { AuditSetupError } from "./setupError";
import { summarize } from "./summary";
import { UsageError } from "./usageError";
import { writeReport } from "./writeReport";

const FORMATTERS: Readonly<Record<OutputFormat, (report: AuditReport) => string>> = {
  table: formatTable,
  json: formatJson,
  sarif: formatSarif,
};

/**
 * Runs a command's work and turns its expected failures into exit code 2 with a message on stderr: bad flags
 * through commander (like its own errors), sign-in and setup problems as they are. Azure calls that fail for a
 * subscription or cluster are not failures here: they are in the report.
 */
export async function runCommand(command: Command, work: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await work();
  } catch (err) {
    if (err instanceof UsageError)
      command.error(`error: ${err.message}`, { exitCode: EXIT.error, code: "commander.usage" });
    const message =
      err instanceof AuditSetupError ? err.message : `stopped unexpectedly: ${describeAzureError(err)}`;
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = EXIT.error;
  }
}

export function registerAuditCommand(program: Command): void {
  const audit = program
    .command("audit")
    .description(
      "Find the live AKS clusters without Trusted Access, across subscriptions. Exit 0 when all are compliant, " +
        "1 when one is not, 2 when something could not be read.",
    );
  addAuditFlags(audit).action((flags: AuditFlags, command: Command) =>
    runCommand(command, async () => {
      const options = parseAuditFlags(flags);
      const progress = terminalProgress(process.stderr);
      let report: AuditReport;
      try {
        report = await runAudit(options, progress.update);
      } finally {
        progress.done();
      }
      writeReport(FORMATTERS[options.output](report), options.out);
      return summarize(report).exitCode;
    }),
  );
}
