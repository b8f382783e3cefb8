import { EXIT } from "../../command/exitCodes";
import type { AuditSummary } from "../summary";
import { count } from "./textTable";

/** The audit's verdict in two sentences: the clusters by result, then the counts that decided the exit code. */
export function resultLine(summary: AuditSummary): string {
  return `Result: ${clustersSentence(summary)}. ${exitSentence(summary)}.`;
}

function clustersSentence(summary: AuditSummary): string {
  if (summary.clusters === 0) return "no clusters found";
  const notRead =
    summary.clusters - summary.nonCompliantClusters - summary.advisoryClusters - summary.compliantClusters;
  return (
    `${count(summary.clusters, "cluster")}: ${summary.nonCompliantClusters} non-compliant, ` +
    `${summary.advisoryClusters} with advisory findings only, ${summary.compliantClusters} compliant` +
    (notRead > 0 ? `, ${notRead} not read in full` : "")
  );
}

function exitSentence(summary: AuditSummary): string {
  const findings = `${count(summary.mandatoryFindings, "mandatory finding")}, ${summary.advisoryFindings} advisory`;
  const unread = [
    summary.unreadableSubscriptions > 0 ? count(summary.unreadableSubscriptions, "subscription") : "",
    summary.unreadableClusters > 0 ? count(summary.unreadableClusters, "cluster") : "",
  ].filter((s) => s !== "");
  const exit = `exit ${summary.exitCode}`;
  if (unread.length === 0) return `${findings}: ${exit}`;
  const couldNot = `${unread.join(" and ")} could not be read`;
  return summary.exitCode === EXIT.error
    ? `${findings}; ${couldNot}, which may hide a mandatory finding: ${exit}`
    : `${findings}; ${couldNot} in advisory rules only: ${exit}`;
}
