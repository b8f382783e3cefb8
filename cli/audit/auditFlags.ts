import { Command, Option } from "commander";
import { show } from "../../domain";
import { ConnectionFlags, addConnectionFlags, parseConnectionFlags } from "./connection/connectionFlags";
import { CHECKED_RULES, CheckedRule } from "./rules";
import type { AuditOptions } from "./runAudit";
import { UsageError } from "../command/usageError";
import { ReportRequest, collectReports, parseReportFlags, reportOptionHelp } from "../command/reportFlag";

export const OutputFormat = {
  Table: "table",
  Json: "json",
  Sarif: "sarif",
  Markdown: "markdown",
  Junit: "junit",
} as const;
export type OutputFormat = (typeof OutputFormat)[keyof typeof OutputFormat];

/** The option that names the policy config file, in every message about it. */
export const POLICY_CONFIG_FLAG = "--policy-config";

/** The rules the flags ask for. */
export interface RuleFlags {
  /** `--rule`'s rules in the order of `CHECKED_RULES`, or all of them without it. */
  readonly rules: readonly CheckedRule[];
  /** Whether `--rule` named them. */
  readonly rulesNamed: boolean;
  /** `--require-maintenance-window`. */
  readonly requireMaintenanceWindow: boolean;
}

export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 64;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `audit`'s flags as commander parses them. */
export interface AuditFlags extends ConnectionFlags {
  /** Absent when not given. */
  readonly subscription?: readonly string[];
  readonly allSubscriptions?: boolean;
  readonly resourceGraph?: boolean;
  readonly output: string;
  readonly out?: string;
  /** Each `--report FORMAT=FILE` as given. */
  readonly report?: readonly string[];
  readonly concurrency: string;
  /** Absent when not given: every rule. Commander has checked each against `CHECKED_RULES`. */
  readonly rule?: readonly string[];
  readonly requireMaintenanceWindow?: boolean;
  readonly policyConfig?: string;
}

/** What the flags ask for; the rules that run and their levels follow once `--policy-config` is read. */
export interface AuditCommandOptions
  extends Omit<AuditOptions, "rules" | "requireMaintenanceWindow" | "enforcement">, RuleFlags {
  readonly output: OutputFormat;
  /** Write the report here instead of stdout. */
  readonly out?: string;
  /** More reports of the same audit, each in its format to its file. */
  readonly reports: readonly ReportRequest[];
  /** The policy pack's config file (`pulumi preview --policy-pack-config`'s format), when given. */
  readonly policyConfig?: string;
}

export function addAuditFlags(command: Command): Command {
  command
    .option(
      "--subscription <id>",
      "a subscription to audit; repeat it for several",
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option("--all-subscriptions", "audit every subscription the credential can see")
    .option(
      "--resource-graph",
      "list clusters with Azure Resource Graph (estates of thousands of subscriptions)",
    )
    .addOption(
      new Option("--output <format>", "report format")
        .choices(Object.values(OutputFormat))
        .default(OutputFormat.Table),
    )
    .option("--out <file>", "write the report to this file instead of stdout")
    .option("--report <format=file>", reportOptionHelp(Object.values(OutputFormat)), collectReports)
    .addOption(
      new Option(
        "--rule <id...>",
        "check only this rule; repeat it for several (default: every rule)",
      ).choices(CHECKED_RULES),
    )
    .option(
      "--require-maintenance-window",
      "the node OS rule also asks for an aksManagedNodeOSUpgradeSchedule of at least 4 hours (one more read per cluster)",
    )
    .option(
      `${POLICY_CONFIG_FLAG} <file>`,
      "the policy pack's config file (pulumi preview --policy-pack-config's format): each rule's level (mandatory " +
        "findings exit 1, advisory ones do not), its exemptions and requireMaintenanceWindow",
    )
    .option(
      "--concurrency <n>",
      `most Azure requests in flight at once (1-${MAX_CONCURRENCY})`,
      String(DEFAULT_CONCURRENCY),
    );
  return addConnectionFlags(command);
}

/** Checks `audit`'s flags and turns them into options; a bad value throws `UsageError`. */
export function parseAuditFlags(flags: AuditFlags): AuditCommandOptions {
  const ids = flags.subscription ?? [];
  const bad = ids.find((id) => !GUID.test(id));
  if (bad !== undefined) {
    throw new UsageError(
      `--subscription ${show(bad)} is not a subscription id: give a GUID such as ` +
        "00000000-0000-0000-0000-000000000000.",
    );
  }
  if (ids.length > 0 && flags.allSubscriptions === true) {
    throw new UsageError("--subscription and --all-subscriptions exclude each other: give one of them.");
  }
  if (ids.length === 0 && flags.allSubscriptions !== true) {
    throw new UsageError(
      "Choose what to audit: --subscription <id> (repeat it for several) or --all-subscriptions.",
    );
  }
  const concurrency = /^[0-9]+$/.test(flags.concurrency) ? Number(flags.concurrency) : NaN;
  if (!(concurrency >= 1 && concurrency <= MAX_CONCURRENCY)) {
    throw new UsageError(
      `--concurrency ${show(flags.concurrency)} is not allowed: give a whole number from 1 to ${MAX_CONCURRENCY}.`,
    );
  }
  const rules = CHECKED_RULES.filter((r) => flags.rule === undefined || flags.rule.includes(r));
  if (flags.requireMaintenanceWindow === true && !rules.includes("node-os-auto-upgrade")) {
    throw new UsageError(
      "--require-maintenance-window belongs to rule node-os-auto-upgrade, which --rule leaves out: add " +
        "--rule node-os-auto-upgrade or drop --require-maintenance-window.",
    );
  }
  const unique = [...new Map(ids.map((id) => [id.toLowerCase(), id])).values()];
  return {
    ...parseConnectionFlags(flags),
    subscriptions: flags.allSubscriptions === true ? "all" : unique,
    resourceGraph: flags.resourceGraph === true,
    concurrency,
    rules: rules as CheckedRule[],
    rulesNamed: flags.rule !== undefined,
    requireMaintenanceWindow: flags.requireMaintenanceWindow === true,
    output: flags.output as OutputFormat,
    reports: parseReportFlags(flags.report, Object.values(OutputFormat), flags.out),
    ...(flags.out === undefined ? {} : { out: flags.out }),
    ...(flags.policyConfig === undefined ? {} : { policyConfig: flags.policyConfig }),
  };
}
