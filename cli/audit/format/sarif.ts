import { createHash } from "crypto";
import type { Log, Notification, ReportingDescriptor, Result } from "sarif";
import type { AuditReport, ClusterRef, ClusterResult, SubscriptionResult } from "../report";
import { ADVICE_RULE, ADVICE_RULE_TEXT, AUDIT_RULES, AuditRule, AuditRuleText } from "../rules";
import { renderJson } from "../../output/json";
import { securitySeverity } from "../../output/sarifLevels";
import { summarize } from "../summary";

const UNREADABLE = {
  subscription: { id: "subscription-unreadable", text: "A subscription could not be read." },
  cluster: { id: "cluster-unreadable", text: "A cluster's Trusted Access role bindings could not be read." },
};

const pascal = (id: string): string => id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

function descriptor(id: string, text: AuditRuleText, level: "error" | "warning"): ReportingDescriptor {
  return {
    id,
    name: pascal(id),
    shortDescription: { text: text.title },
    fullDescription: { text: text.description },
    defaultConfiguration: { level },
    properties: {
      tags: ["security", "azure", "aks"],
      ...(text.severity === undefined ? {} : { "security-severity": securitySeverity(text.severity) }),
    },
  };
}

const RULE_IDS = [...(Object.keys(AUDIT_RULES) as AuditRule[]), ADVICE_RULE];

function where(cluster: ClusterRef, subscription: SubscriptionResult): string {
  return `AKS cluster "${cluster.name}" (subscription ${subscription.name}, resource group ${cluster.resourceGroup})`;
}

/**
 * A live cluster has no source file, but GitHub code scanning refuses a result without a physical location: the
 * cluster's ARM id, lower-cased (Resource Manager and Resource Graph spell its parts differently), under `azure/`,
 * stands in as a repository-relative path. The id as Azure gave it is the logical location.
 */
const clusterLocation = (cluster: ClusterRef): Result["locations"] => [
  {
    physicalLocation: { artifactLocation: { uri: encodeURI(`azure${cluster.id.toLowerCase()}`) } },
    logicalLocations: [{ name: cluster.name, fullyQualifiedName: cluster.id, kind: "resource" }],
  },
];

/**
 * Code scanning matches a result across runs by this: the rule, the cluster (ignoring case) and what in it the
 * result is about — a binding, or a warning's text — never wording that changes with the cluster's state.
 */
function fingerprints(rule: string, cluster: ClusterRef, about: string): Result["partialFingerprints"] {
  const identity = [rule, cluster.id.toLowerCase(), about].join("\u0000");
  return { "aksTrustedAccessAudit/v1": createHash("sha256").update(identity).digest("hex") };
}

/**
 * SARIF 2.1.0: one result per finding (level error) and per warning, located by the cluster's ARM id; what could
 * not be read goes to the invocation's tool execution notifications, with `executionSuccessful: false`.
 */
export function formatSarif(report: AuditReport): string {
  const summary = summarize(report);
  const results: Result[] = [];
  const notifications: Notification[] = [];
  for (const subscription of report.subscriptions) {
    if (subscription.status === "unreadable") {
      notifications.push({
        level: "error",
        descriptor: { id: UNREADABLE.subscription.id },
        message: {
          text: `Subscription ${subscription.name} (${subscription.id}) could not be read: ${subscription.reason}`,
        },
        locations: [
          {
            logicalLocations: [
              {
                name: subscription.name,
                fullyQualifiedName: `/subscriptions/${subscription.id}`,
                kind: "resource",
              },
            ],
          },
        ],
      });
      continue;
    }
    for (const r of subscription.clusters) clusterEntries(r, subscription, results, notifications);
  }
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "aks-trusted-access",
            rules: [
              ...(Object.entries(AUDIT_RULES) as [AuditRule, AuditRuleText][]).map(([id, text]) =>
                descriptor(id, text, "error"),
              ),
              descriptor(ADVICE_RULE, ADVICE_RULE_TEXT, "warning"),
            ],
            notifications: Object.values(UNREADABLE).map((n) => ({
              id: n.id,
              shortDescription: { text: n.text },
              defaultConfiguration: { level: "error" as const },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: summary.complete,
            exitCode: summary.exitCode,
            toolExecutionNotifications: notifications,
          },
        ],
        results,
        properties: { clusterSource: report.clusterSource, summary },
      },
    ],
  };
  return renderJson(log);
}

function clusterEntries(
  r: ClusterResult,
  subscription: SubscriptionResult,
  results: Result[],
  notifications: Notification[],
): void {
  if (r.status === "unreadable") {
    notifications.push({
      level: "error",
      descriptor: { id: UNREADABLE.cluster.id },
      message: { text: `${where(r.cluster, subscription)} could not be read: ${r.reason}` },
      locations: clusterLocation(r.cluster),
    });
    return;
  }
  for (const f of r.findings) {
    results.push({
      ruleId: f.rule,
      ruleIndex: RULE_IDS.indexOf(f.rule),
      level: "error",
      message: { text: `${where(r.cluster, subscription)} ${f.message}` },
      locations: clusterLocation(r.cluster),
      partialFingerprints: fingerprints(f.rule, r.cluster, f.binding ?? ""),
      properties: { remediation: r.remediation },
    });
  }
  for (const w of r.warnings) {
    results.push({
      ruleId: ADVICE_RULE,
      ruleIndex: RULE_IDS.indexOf(ADVICE_RULE),
      level: "warning",
      message: { text: `${where(r.cluster, subscription)}: ${w}` },
      locations: clusterLocation(r.cluster),
      partialFingerprints: fingerprints(ADVICE_RULE, r.cluster, w),
    });
  }
}
