import { EXIT } from "../command/exitCodes";
import type { AuditReport, ClusterResult } from "./report";

export interface AuditSummary {
  readonly subscriptions: number;
  readonly unreadableSubscriptions: number;
  readonly clusters: number;
  readonly compliantClusters: number;
  /** Clusters that fail a checked rule. */
  readonly nonCompliantClusters: number;
  /** Clusters with a rule that could not be read, whether or not another rule failed. */
  readonly unreadableClusters: number;
  /** False when a subscription or a cluster's rule could not be read: the audit then proves nothing about those. */
  readonly complete: boolean;
  /** 0 all compliant, 1 a cluster is non-compliant, 2 something could not be read (this wins over 1). */
  readonly exitCode: number;
}

function allClusters(report: AuditReport): ClusterResult[] {
  return report.subscriptions.flatMap((s) => (s.status === "read" ? [...s.clusters] : []));
}

/** Whether a rule of the cluster could not be read, in full or in part. */
export function isIncomplete(result: ClusterResult): boolean {
  return result.checks.some((c) => c.reason !== undefined);
}

export function summarize(report: AuditReport): AuditSummary {
  const clusters = allClusters(report);
  const count = (status: ClusterResult["status"]): number =>
    clusters.filter((c) => c.status === status).length;
  const unreadableSubscriptions = report.subscriptions.filter((s) => s.status === "unreadable").length;
  const unreadableClusters = clusters.filter(isIncomplete).length;
  const nonCompliantClusters = count("non-compliant");
  const complete = unreadableSubscriptions === 0 && unreadableClusters === 0;
  return {
    subscriptions: report.subscriptions.length,
    unreadableSubscriptions,
    clusters: clusters.length,
    compliantClusters: count("compliant"),
    nonCompliantClusters,
    unreadableClusters,
    complete,
    exitCode: !complete ? EXIT.error : nonCompliantClusters > 0 ? EXIT.violations : EXIT.ok,
  };
}
