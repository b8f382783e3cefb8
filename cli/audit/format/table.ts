import type { AuditReport, ClusterResult, RuleCheck, SubscriptionResult } from "../report";
import type { CheckedRule } from "../rules";
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
  "non-compliant": "NON-COMPLIANT",
  unreadable: "UNREADABLE",
} as const;

/** A narrow column per checked rule, so that a cluster stays one line. */
const RULE_COLUMN: Readonly<Record<CheckedRule, string>> = {
  "trusted-access-missing": "ACCESS",
  "node-os-auto-upgrade": "NODE-OS",
  "private-cluster": "PRIVATE",
  "node-pool-fips": "FIPS",
  "kms-private-key-vault": "KMS",
};

const CHECK_CELL: Readonly<Record<RuleCheck["result"], string>> = {
  pass: "ok",
  fail: "FAIL",
  unreadable: "?",
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
  ];
  const withBindings = read.filter((l) => (l.result.bindings ?? []).length > 0);
  if (withBindings.length > 0) {
    lines.push("", "Bindings", ...bindingsTable(withBindings));
  }
  const nonCompliant = read.filter((l) => l.result.status === "non-compliant");
  if (nonCompliant.length > 0) lines.push("", "Non-compliant clusters", ...nonCompliant.flatMap(fixes));
  // The same caveat holds for every cluster it concerns: said once, not once per cluster.
  const notes = [...new Set(nonCompliant.flatMap((l) => l.result.remediation.notes ?? []))];
  if (notes.length > 0) lines.push("", "Before you run these fixes", ...notes.map((n) => `- ${n}`));
  const warned = read.filter((l) => l.result.warnings.length > 0);
  if (warned.length > 0) {
    lines.push(
      "",
      "Warnings (they do not change compliance)",
      ...warned.flatMap((l) => l.result.warnings.map((w) => `${l.result.cluster.name}: ${w}`)),
    );
  }
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
      ...r.checks.map((c) => CHECK_CELL[c.result]),
      RESULT[r.status],
    ]);
  });
  return textTable(
    [
      "SUBSCRIPTION",
      "RESOURCE GROUP",
      "CLUSTER",
      "BINDINGS",
      ...report.rules.map((r) => RULE_COLUMN[r]),
      "RESULT",
    ],
    rows,
  );
}

/** What the rule columns mean, in one line. */
function legend(report: AuditReport): string {
  const columns = report.rules.map((r) => {
    const window = r === "node-os-auto-upgrade" && report.requireMaintenanceWindow ? " with its window" : "";
    return `${RULE_COLUMN[r]} ${r}${window}`;
  });
  return `(${columns.join(", ")}; ok passed, FAIL failed, ? could not be read)`;
}

function bindingsTable(located: readonly Located[]): string[] {
  const rows = located.flatMap(({ result }) =>
    (result.bindings ?? []).map((b) => [
      result.cluster.resourceGroup,
      result.cluster.name,
      b.name,
      b.provisioningState,
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
    ...result.findings.map((f) => `  - ${f.message} [${f.rule}]`),
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
