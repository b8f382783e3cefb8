import { Command, Option } from "commander";
import { EXIT } from "../command/exitCodes";
import { renderText } from "../output/checkText";
import { renderCheckJunit } from "../output/checkJunit";
import { renderMarkdown } from "../output/checkMarkdown";
import { renderSarif } from "../output/checkSarif";
import { renderJson } from "../output/json";
import { CheckReport } from "../output/checkReport";
import { runCommand } from "../command/runCommand";
import {
  collectReports,
  parseReportFlags,
  prepareReports,
  reportOptionHelp,
  writeReports,
} from "../command/reportFlag";
import { prepareOut, writeReport } from "../command/writeReport";
import { TSC_ENV } from "./program/nativeCompiler";
import { runCheck } from "./runCheck";
import { statusLine } from "./statusLine";

const FORMATS = ["text", "json", "sarif", "markdown", "junit"] as const;
type Format = (typeof FORMATS)[number];

interface Flags {
  stack?: string;
  config: string[];
  configFile?: string;
  configPath?: boolean;
  policyPack: string[];
  policyPackConfig: string[];
  output: Format;
  out?: string;
  report: string[];
  tsc?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `aks-trusted-access check`: the policy pack's verdict on a Pulumi program, offline. */
export function registerCheckCommand(program: Command): void {
  program
    .command("check")
    .description(
      "Run a Pulumi TypeScript/JavaScript program as a first `pulumi preview` would, offline (no Pulumi CLI, " +
        "no cloud), and check it with policy packs. Exit 0: no mandatory violation; 1: a mandatory policy is " +
        "violated; 2: the check could not run.",
    )
    .argument("[PROGRAM_DIR]", "folder of the program's Pulumi.yaml", ".")
    .option("--stack <name>", "read stack config from Pulumi.<name>.yaml (secrets become unknown)")
    .option(
      "-c, --config <key=value>",
      "stack config for this check, as `pulumi preview -c` takes it (a bare key belongs to the project); repeatable",
      collect,
      [],
    )
    .option("--config-file <file>", "read stack config from this file instead of Pulumi.<stack>.yaml")
    .option("--config-path", "--config keys are property paths (app:tags.team, app:pools[0].name)")
    .option(
      "--policy-pack <dir>",
      "policy pack folder, repeatable (default: ./policypack of the program, else the pack shipped with this package)",
      collect,
      [],
    )
    .option(
      "--policy-pack-config <file>",
      "config for the n-th policy pack, in the Pulumi CLI's format; repeatable",
      collect,
      [],
    )
    .addOption(new Option("--output <format>", "report format").choices(FORMATS).default("text"))
    .option("--out <file>", "write the report to this file (the text report still goes to stdout)")
    .option("--report <format=file>", reportOptionHelp(FORMATS), collectReports, [])
    .option(
      "--tsc <auto|ts-node|path>",
      "type-check with TypeScript 7's native tsc when the program has it (auto, the default), with the program's " +
        "own typescript through ts-node as Pulumi does (ts-node), or with the TypeScript 7 tsc at this path; " +
        `default from ${TSC_ENV}`,
    )
    .action((programDir: string, flags: Flags, command: Command) =>
      runCommand(command, () => check(programDir, flags)),
    );
}

async function check(programDir: string, flags: Flags): Promise<number> {
  const reports = parseReportFlags(flags.report, FORMATS, flags.out);
  prepareOut(flags.out);
  prepareReports(reports);
  const { report } = await runCheck(
    {
      programDir,
      stackConfig: {
        ...(flags.stack === undefined ? {} : { stack: flags.stack }),
        ...(flags.configFile === undefined ? {} : { configFile: flags.configFile }),
        settings: flags.config,
        configPath: flags.configPath === true,
      },
      policyPacks: flags.policyPack,
      policyPackConfigs: flags.policyPackConfig,
      ...(flags.tsc === undefined ? {} : { tsc: flags.tsc }),
      onNote: (note) => process.stderr.write(`note: ${note}\n`),
    },
    statusLine(),
  );
  const rendered = render(report, flags.output);
  writeReport(rendered, flags.out);
  writeReports(reports, (format) => render(report, format as Format));
  // With --out, the text report still goes to stdout.
  if (flags.out !== undefined) process.stdout.write(flags.output === "text" ? rendered : renderText(report));
  return report.verdict === "fail" ? EXIT.violations : EXIT.ok;
}

function render(report: CheckReport, format: Format): string {
  switch (format) {
    case "text":
      return renderText(report);
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report);
    case "markdown":
      return renderMarkdown(report);
    case "junit":
      return renderCheckJunit(report);
  }
}
