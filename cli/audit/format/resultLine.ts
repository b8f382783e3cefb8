import type { AuditSummary } from "../summary";
import { count } from "./textTable";

/** The audit's verdict in one sentence. */
export function resultLine(summary: AuditSummary): string {
  const parts: string[] = [];
  if (summary.clusters === 0) parts.push("no clusters found");
  else if (summary.nonCompliantClusters === 0 && summary.unreadableClusters === 0) {
    parts.push(
      summary.clusters === 1
        ? "the 1 cluster is compliant"
        : `all ${summary.clusters} clusters are compliant`,
    );
  } else {
    parts.push(
      `${summary.nonCompliantClusters} of ${count(summary.clusters, "cluster")} ` +
        `${summary.nonCompliantClusters === 1 ? "is" : "are"} non-compliant`,
    );
  }
  const unread = [
    summary.unreadableSubscriptions > 0 ? count(summary.unreadableSubscriptions, "subscription") : "",
    summary.unreadableClusters > 0 ? count(summary.unreadableClusters, "cluster") : "",
  ].filter((s) => s !== "");
  if (unread.length > 0) {
    parts.push(`${unread.join(" and ")} could not be read, so the audit is incomplete`);
  }
  return `Result: ${parts.join("; ")}.`;
}
