import type { AuditReport, ClusterResult, RuleCheck, SubscriptionResult } from "../report";
import { NODE_OS_WINDOW_FINDING } from "../../../domain";
import { CHECKED_RULE_OF, CheckedRule, catalogEntry, policiesOf } from "../rules";
import { summarize } from "../summary";
import { resultLine } from "./resultLine";
import { count, textTable } from "./textTable";

const SOURCE_NOTE = {
  "resource-manager": "clusters listed by Azure Resource Manager",
  "resource-graph":
    "clusters listed by Azure Resource Graph, which leaves out what the credential may not read without saying so",
};

const RESULT = {
  compliant: "compliant",
  advisory: "advisory",
  "non-compliant": "NON-COMPLIANT",
  unreadable: "UNREADABLE",
} as const;

/** A narrow column per checked rule, so that a cluster stays one line: the catalog's `column`. */
const ruleColumn = (rule: CheckedRule): string => catalogEntry(rule).column;

/** The rule whose window `--require-maintenance-window` asks for. */
const WINDOW_RULE = CHECKED_RULE_OF[NODE_OS_WINDOW_FINDING];

/** A failed rule's cell is `FAIL` with a mandatory finding, `warn` with advisory ones only. */
const CHECK_CELL: Readonly<Record<Exclude<RuleCheck["result"], "fail">, string>> = {
  pass: "ok",
  unreadable: "?",
  exempt: "exempt",
};

interface Located {
  readonly subscription: SubscriptionResult;
  readonly result: ClusterResult;
}

/** The human report: an overview table, the bindings, what to fix and how, what could not be read. */
export function formatTable(report: AuditReport): string {
  const summary = summarize(report);
  const read: Located[] = report.subscriptions.flatMap((subscription) =>
    subscription.status === "read" ? subscription.clusters.map((result) => ({ subscription, result })) : [],
  );
  const lines: string[] = [
    `AKS audit of ${count(report.subscriptions.length, "subscription")} ` +
      `(${SOURCE_NOTE[report.clusterSource]})`,
    "",
    ...overview(report),
    legend(report),
    levelsLine(report),
  ];
  const withBindings = read.filter((l) => (l.result.bindings ?? []).length > 0);
  if (withBindings.length > 0) {
    lines.push("", "Bindings", ...bindingsTable(withBindings));
  }
  const withFindings = read.filter((l) => l.result.findings.length > 0);
  if (withFindings.length > 0) lines.push("", "Findings and their fixes", ...withFindings.flatMap(fixes));
  // The same caveat holds for every cluster it concerns: said once, not once per cluster.
  const notes = [...new Set(withFindings.flatMap((l) => l.result.remediation.notes ?? []))];
  if (notes.length > 0) lines.push("", "Before you run these fixes", ...notes.map((n) => `- ${n}`));
  const perCluster = (heading: string, items: (r: ClusterResult) => readonly string[]): void => {
    const found = read.flatMap((l) => items(l.result).map((item) => `${l.result.cluster.name}: ${item}`));
    if (found.length > 0) lines.push("", heading, ...found);
  };
  perCluster("Exempt (by the policies' exemptions)", (r) => r.checks.flatMap((c) => c.exemption ?? []));
  perCluster("Notices (no finding)", (r) => r.notices);
  perCluster("Warnings (they do not change compliance)", (r) => r.warnings);
  const unreadable = unreadableLines(report, read);
  if (unreadable.length > 0) lines.push("", "Could not be read", ...unreadable);
  lines.push("", resultLine(summary));
  return lines.join("\n") + "\n";
}

/**
 * One line per cluster, however many rules: names, the bindings' count, a narrow cell per rule, the result. The
 * location and identity type are in JSON and SARIF; a failing identity shows as the ACCESS rule's finding.
 */
function overview(report: AuditReport): string[] {
  const none = (last: string): string[] => [...Array<string>(3 + report.rules.length).fill("-"), last];
  const rows = report.subscriptions.flatMap((s): string[][] => {
    if (s.status === "unreadable") return [[s.name, ...none(RESULT.unreadable)]];
    if (s.clusters.length === 0) return [[s.name, ...none("no clusters")]];
    return s.clusters.map((r) => [
      s.name,
      r.cluster.resourceGroup,
      r.cluster.name,
      r.bindings === undefined ? "-" : String(r.bindings.length),
      ...r.checks.map((c) => checkCell(r, c)),
      RESULT[r.status],
    ]);
  });
  return textTable(
    ["SUBSCRIPTION", "RESOURCE GROUP", "CLUSTER", "BINDINGS", ...report.rules.map(ruleColumn), "RESULT"],
    rows,
  );
}

function checkCell(r: ClusterResult, c: RuleCheck): string {
  if (c.result !== "fail") return CHECK_CELL[c.result];
  const mandatory = r.findings.some(
    (f) => CHECKED_RULE_OF[f.rule] === c.rule && f.enforcementLevel === "mandatory",
  );
  return mandatory ? "FAIL" : "warn";
}

/** What the rule columns mean, in one line. */
function legend(report: AuditReport): string {
  const columns = report.rules.map((r) => {
    const window = r === WINDOW_RULE && report.requireMaintenanceWindow ? " with its window" : "";
    return `${ruleColumn(r)} ${r}${window}`;
  });
  return (
    `(${columns.join(", ")}; ok passed, FAIL a mandatory finding, warn advisory findings only, ` +
    "? could not be read, exempt exempt by a policy's exemption)"
  );
}

/**
 * The level of each policy behind the checked rules, and the disabled ones (their rules did not run): what decides
 * the exit code, and where it came from.
 */
function levelsLine(report: AuditReport): string {
  const ran = new Set(report.rules.flatMap(policiesOf));
  const group = (level: string): string[] =>
    Object.entries(report.enforcementLevels)
      .filter(([policy, l]) => l === level && (ran.has(policy) || level === "disabled"))
      .map(([policy]) => policy);
  const groups = ["mandatory", "remediate", "advisory", "disabled"]
    .map((level) => [level, group(level)] as const)
    .filter(([, policies]) => policies.length > 0)
    .map(([level, policies]) => `${level} ${policies.join(", ")}`);
  const source =
    report.policyConfig === undefined
      ? "the pack's defaults"
      : `the pack's defaults and --policy-config ${report.policyConfig}`;
  return `Levels (${source}): ${groups.join("; ")}.`;
}

function bindingsTable(located: readonly Located[]): string[] {
  const rows = located.flatMap(({ result }) =>
    (result.bindings ?? []).map((b) => [
      result.cluster.resourceGroup,
      result.cluster.name,
      b.name,
      b.provisioningState ?? "-",
      b.sourceResourceId,
      b.roles.join(", "),
    ]),
  );
  return textTable(["RESOURCE GROUP", "CLUSTER", "BINDING", "STATE", "SOURCE", "ROLES"], rows);
}

function fixes({ subscription, result }: Located): string[] {
  const { cluster, remediation } = result;
  const indented = (heading: string, items: readonly string[] | undefined): string[] =>
    items === undefined || items.length === 0 ? [] : [heading, ...items.map((c) => `    ${c}`)];
  return [
    `${cluster.name} (subscription ${subscription.name}, resource group ${cluster.resourceGroup})`,
    ...result.findings.map((f) => `  - ${f.message} [${f.rule}, ${f.enforcementLevel}]`),
    ...indented("  Fix with the Azure CLI:", remediation.azureCli),
    ...(remediation.pulumi === undefined
      ? []
      : [
          "  Or in a Pulumi stack:",
          ...remediation.pulumi.split("\n").map((l) => (l === "" ? "" : `    ${l}`)),
        ]),
    ...indented("  With the AksCluster component:", remediation.component),
  ];
}

function unreadableLines(report: AuditReport, located: readonly Located[]): string[] {
  const subscriptions = report.subscriptions.flatMap((s) =>
    s.status === "unreadable" ? [`subscription ${s.name} (${s.id}): ${s.reason}`] : [],
  );
  const clusters = located.flatMap(({ subscription, result }) =>
    result.checks.flatMap((c) =>
      c.reason === undefined
        ? []
        : [
            `cluster ${result.cluster.name} (subscription ${subscription.name}, resource group ` +
              `${result.cluster.resourceGroup}), rule ${c.rule}: ${c.reason}`,
          ],
    ),
  );
  return [...subscriptions, ...clusters];
}
