import { EXIT } from "../command/exitCodes";
import type { AuditReport, ClusterResult } from "./report";

export interface AuditSummary {
  readonly subscriptions: number;
  readonly unreadableSubscriptions: number;
  readonly clusters: number;
  /** Clusters without findings, every checked rule read. */
  readonly compliantClusters: number;
  /** Clusters with a mandatory finding. */
  readonly nonCompliantClusters: number;
  /** Clusters with advisory findings only, every checked rule read. */
  readonly advisoryClusters: number;
  /** Clusters with a rule that could not be read, whether or not another rule failed. */
  readonly unreadableClusters: number;
  readonly mandatoryFindings: number;
  readonly advisoryFindings: number;
  /** False when a subscription or a cluster's rule could not be read: the audit then proves nothing about those. */
  readonly complete: boolean;
  /**
   * 2 when what could not be read may hide a mandatory finding (a subscription, or a rule applied at a mandatory
   * level); else 1 with a mandatory finding; else 0, advisory findings or not.
   */
  readonly exitCode: number;
}

function allClusters(report: AuditReport): ClusterResult[] {
  return report.subscriptions.flatMap((s) => (s.status === "read" ? [...s.clusters] : []));
}

/** Whether a rule of the cluster could not be read, in full or in part. */
export function isIncomplete(result: ClusterResult): boolean {
  return result.checks.some((c) => c.reason !== undefined);
}

/** Whether a part the cluster could not be read of belongs to a rule applied at a mandatory level. */
function hidesMandatory(result: ClusterResult): boolean {
  return result.checks.some((c) => c.reason !== undefined && c.enforcementLevel === "mandatory");
}

export function summarize(report: AuditReport): AuditSummary {
  const clusters = allClusters(report);
  const count = (status: ClusterResult["status"]): number =>
    clusters.filter((c) => c.status === status).length;
  const findings = clusters.flatMap((c) => c.findings);
  const mandatoryFindings = findings.filter((f) => f.enforcementLevel === "mandatory").length;
  const unreadableSubscriptions = report.subscriptions.filter((s) => s.status === "unreadable").length;
  const unreadableClusters = clusters.filter(isIncomplete).length;
  const complete = unreadableSubscriptions === 0 && unreadableClusters === 0;
  return {
    subscriptions: report.subscriptions.length,
    unreadableSubscriptions,
    clusters: clusters.length,
    compliantClusters: count("compliant"),
    nonCompliantClusters: count("non-compliant"),
    advisoryClusters: count("advisory"),
    unreadableClusters,
    mandatoryFindings,
    advisoryFindings: findings.length - mandatoryFindings,
    complete,
    exitCode:
      unreadableSubscriptions > 0 || clusters.some(hidesMandatory)
        ? EXIT.error
        : mandatoryFindings > 0
          ? EXIT.violations
          : EXIT.ok,
  };
}
