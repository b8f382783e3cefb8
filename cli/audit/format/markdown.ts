import { FindingRow, renderFindings } from "../../output/markdown/findingsTable";
import { cell, codeCell, escapeInline } from "../../output/markdown/markdownText";
import type { AuditReport, LiveCluster, SubscriptionResult } from "../report";
import { ADVICE_RULE } from "../rules";
import { summarize } from "../summary";
import { resultLine } from "./resultLine";
import { count } from "./textTable";

/** Rows by level, in this order: what fails the audit first, advice last; a truncation keeps the first rows. */
const ORDER = ["mandatory", "not read", "advisory", "advice"] as const;
type RowLevel = (typeof ORDER)[number];

const HEADING = {
  0: "✅ aks-trusted-access audit: passed",
  1: "❌ aks-trusted-access audit: failed",
  2: "⚠️ aks-trusted-access audit: incomplete",
} as const;

/**
 * The audit as Markdown for a CI job summary: the result line first, then one table row per finding (its own fix),
 * per rule or subscription that could not be read (Azure's reason) and per warning, then the exempt rules counted.
 * Stays under GitHub's 1 MiB step summary limit, saying how many rows it left out.
 */
export function formatMarkdown(report: AuditReport, limit?: number): string {
  const summary = summarize(report);
  const rows: { level: RowLevel; cells: string[] }[] = [];
  const add = (level: RowLevel, rule: string, resource: string, message: string, fix: string): void => {
    rows.push({ level, cells: [cell(rule), resource, level, cell(message), fix] });
  };
  for (const s of report.subscriptions) {
    if (s.status === "unreadable") {
      add("not read", "—", `subscription ${cell(s.name)} (${codeCell(s.id)})`, s.reason, "—");
      continue;
    }
    for (const r of s.clusters) {
      const where = clusterCell(r.cluster, s);
      for (const f of r.findings) {
        const fix = f.remediation.azureCli.map(codeCell).join("<br>");
        add(f.enforcementLevel, f.rule, where, `The cluster ${f.message}`, fix === "" ? "—" : fix);
      }
      for (const c of r.checks) {
        if (c.reason !== undefined) add("not read", c.rule, where, c.reason, "—");
      }
      for (const w of r.warnings) add("advice", ADVICE_RULE, where, w, "—");
    }
  }
  const sorted: FindingRow[] = [...rows].sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level));
  const exempt = report.subscriptions.flatMap((s) =>
    s.status === "read" ? s.clusters.flatMap((r) => r.checks.filter((c) => c.result === "exempt")) : [],
  ).length;
  return renderFindings(
    {
      head: [
        `## ${HEADING[summary.exitCode as keyof typeof HEADING]}`,
        `**${escapeInline(resultLine(summary))}**`,
      ],
      headers: ["Rule", "Resource", "Level", "Message", "Fix"],
      rows: sorted,
      tail:
        exempt === 0
          ? []
          : [`${count(exempt, "cluster rule")} not checked: exempt by the policies' exemptions.`],
      noun: "finding",
      fullReports: "every one is in the table, JSON, SARIF and JUnit reports",
    },
    limit,
  );
}

function clusterCell(cluster: LiveCluster, subscription: SubscriptionResult): string {
  return (
    `${cell(cluster.name)} (subscription ${cell(subscription.name)}, ` +
    `resource group ${cell(cluster.resourceGroup)})`
  );
}
