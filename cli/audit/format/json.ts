import type { AuditReport, ClusterResult, SubscriptionResult } from "../report";
import { renderJson } from "../../output/json";
import { summarize } from "../summary";

/** The machine report: the summary (with the exit code), then every subscription and cluster as audited. */
export function formatJson(report: AuditReport): string {
  const document = {
    clusterSource: report.clusterSource,
    rules: report.rules,
    requireMaintenanceWindow: report.requireMaintenanceWindow,
    policyConfig: report.policyConfig ?? null,
    enforcementLevels: report.enforcementLevels,
    summary: summarize(report),
    subscriptions: report.subscriptions.map(subscriptionJson),
  };
  return renderJson(document);
}

function subscriptionJson(s: SubscriptionResult): object {
  return s.status === "unreadable"
    ? { id: s.id, name: s.name, status: s.status, reason: s.reason }
    : { id: s.id, name: s.name, status: s.status, clusters: s.clusters.map(clusterJson) };
}

function clusterJson(r: ClusterResult): object {
  const { id, resourceGroup, name, location, identityType } = r.cluster;
  return {
    id,
    resourceGroup,
    name,
    location,
    identityType,
    status: r.status,
    checks: r.checks,
    ...(r.bindings === undefined ? {} : { bindings: r.bindings }),
    findings: r.findings,
    warnings: r.warnings,
    notices: r.notices,
    remediation: r.remediation,
  };
}
