import type { AuditReport, ClusterResult, SubscriptionResult } from "../report";
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

type Read = Extract<ClusterResult, { status: "compliant" | "non-compliant" }>;
interface Located<T> {
  readonly subscription: SubscriptionResult;
  readonly result: T;
}

/** The human report: an overview table, the bindings, what to fix and how, what could not be read. */
export function formatTable(report: AuditReport): string {
  const summary = summarize(report);
  const located: Located<ClusterResult>[] = report.subscriptions.flatMap((subscription) =>
    subscription.status === "read" ? subscription.clusters.map((result) => ({ subscription, result })) : [],
  );
  const read = located.filter((l): l is Located<Read> => l.result.status !== "unreadable");
  const lines: string[] = [
    `Trusted Access audit of ${count(report.subscriptions.length, "subscription")} ` +
      `(${SOURCE_NOTE[report.clusterSource]})`,
    "",
    ...overview(report),
  ];
  const withBindings = read.filter((l) => l.result.bindings.length > 0);
  if (withBindings.length > 0) {
    lines.push("", "Bindings", ...bindingsTable(withBindings));
  }
  const nonCompliant = read.filter((l) => l.result.status === "non-compliant");
  if (nonCompliant.length > 0) lines.push("", "Non-compliant clusters", ...nonCompliant.flatMap(fixes));
  const warned = read.filter((l) => l.result.warnings.length > 0);
  if (warned.length > 0) {
    lines.push(
      "",
      "Warnings (they do not change compliance)",
      ...warned.flatMap((l) => l.result.warnings.map((w) => `${l.result.cluster.name}: ${w}`)),
    );
  }
  const unreadable = unreadableLines(report, located);
  if (unreadable.length > 0) lines.push("", "Could not be read", ...unreadable);
  lines.push("", resultLine(summary));
  return lines.join("\n") + "\n";
}

function overview(report: AuditReport): string[] {
  const rows = report.subscriptions.flatMap((s): string[][] => {
    if (s.status === "unreadable") return [[s.name, "-", "-", "-", "-", "-", RESULT.unreadable]];
    if (s.clusters.length === 0) return [[s.name, "-", "-", "-", "-", "-", "no clusters"]];
    return s.clusters.map((r) => [
      s.name,
      r.cluster.resourceGroup,
      r.cluster.name,
      r.cluster.location,
      r.cluster.identityType,
      r.status === "unreadable" ? "-" : String(r.bindings.length),
      RESULT[r.status],
    ]);
  });
  return textTable(
    ["SUBSCRIPTION", "RESOURCE GROUP", "CLUSTER", "LOCATION", "IDENTITY", "BINDINGS", "RESULT"],
    rows,
  );
}

function bindingsTable(located: readonly Located<Read>[]): string[] {
  const rows = located.flatMap(({ result }) =>
    result.bindings.map((b) => [
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

function fixes({ subscription, result }: Located<Read>): string[] {
  const { cluster, remediation } = result;
  return [
    `${cluster.name} (subscription ${subscription.name}, resource group ${cluster.resourceGroup})`,
    ...result.findings.map((f) => `  - ${f.message} [${f.rule}]`),
    "  Fix with the Azure CLI:",
    ...remediation.azureCli.map((c) => `    ${c}`),
    ...(remediation.pulumi === undefined
      ? []
      : [
          "  Or in a Pulumi stack:",
          ...remediation.pulumi.split("\n").map((l) => (l === "" ? "" : `    ${l}`)),
        ]),
  ];
}

function unreadableLines(report: AuditReport, located: readonly Located<ClusterResult>[]): string[] {
  const subscriptions = report.subscriptions.flatMap((s) =>
    s.status === "unreadable" ? [`subscription ${s.name} (${s.id}): ${s.reason}`] : [],
  );
  const clusters = located.flatMap(({ subscription, result }) =>
    result.status === "unreadable"
      ? [
          `cluster ${result.cluster.name} (subscription ${subscription.name}, resource group ` +
            `${result.cluster.resourceGroup}): ${result.reason}`,
        ]
      : [],
  );
  return [...subscriptions, ...clusters];
}
