import { createHash } from "crypto";
import type { Log, Notification, ReportingConfiguration, ReportingDescriptor, Result } from "sarif";
import type { AuditReport, LiveCluster, ClusterResult, SubscriptionResult } from "../report";
import { NODE_OS_WINDOW_FINDING, TRUSTED_ACCESS_FINDING } from "../../../domain";
import {
  ADVICE_RULE,
  ADVICE_RULE_TEXT,
  AUDIT_RULES,
  AuditRule,
  AuditRuleText,
  CHECKED_RULE_OF,
} from "../rules";
import { renderJson } from "../../output/json";
import { sarifLevel, securitySeverity } from "../../output/sarifLevels";
import { summarize } from "../summary";

/** What goes to the invocation's notifications: what could not be read (errors), and notices (notes). */
const NOTIFICATIONS = {
  subscription: { id: "subscription-unreadable", text: "A subscription could not be read.", level: "error" },
  cluster: {
    id: "cluster-unreadable",
    text: "What a rule needs of a cluster (its role bindings, its maintenance configuration) could not be read.",
    level: "error",
  },
  notice: {
    id: "cluster-notice",
    text: "What the audit saw that is no finding: a role binding's change in progress, or a state Azure's API does not define.",
    level: "note",
  },
} as const;

const pascal = (id: string): string => id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/**
 * A finding id's SARIF rule metadata, from the rules' catalog: its words, Microsoft's page on it (`helpUri`), and
 * the Cloud Conformity rule and the pack's policy it stands for.
 */
function descriptor(
  id: string,
  text: Partial<AuditRuleText> & Pick<AuditRuleText, "title" | "description">,
  level: ReportingConfiguration["level"],
): ReportingDescriptor {
  return {
    id,
    name: pascal(id),
    shortDescription: { text: text.title },
    fullDescription: { text: text.description },
    ...(text.docs === undefined ? {} : { helpUri: text.docs }),
    defaultConfiguration: { level },
    properties: {
      tags: ["security", "azure", "aks"],
      ...(text.severity === undefined ? {} : { "security-severity": securitySeverity(text.severity) }),
      ...(text.rule === undefined ? {} : { conformityRule: text.rule.conformityRule }),
      ...(text.policy === undefined ? {} : { policy: text.policy }),
    },
  };
}

/** The level of a finding id's policy in this audit. */
const policyLevel = (report: AuditReport, id: AuditRule) =>
  report.enforcementLevels[AUDIT_RULES[id].policy] ?? "disabled";

/**
 * The rule ids this report can hold: the findings of the checked rules whose policies are not disabled (the window's
 * only when it was asked for), and the binding advice when the bindings were judged.
 */
function ruleIds(report: AuditReport): string[] {
  const findings = (Object.keys(AUDIT_RULES) as AuditRule[]).filter(
    (id) =>
      report.rules.includes(CHECKED_RULE_OF[id]) &&
      policyLevel(report, id) !== "disabled" &&
      (id !== NODE_OS_WINDOW_FINDING || report.requireMaintenanceWindow),
  );
  return findings.includes(TRUSTED_ACCESS_FINDING.missing) ? [...findings, ADVICE_RULE] : findings;
}

function where(cluster: LiveCluster, subscription: SubscriptionResult): string {
  return `AKS cluster "${cluster.name}" (subscription ${subscription.name}, resource group ${cluster.resourceGroup})`;
}

/**
 * A live cluster has no source file, but GitHub code scanning refuses a result without a physical location: the
 * cluster's ARM id, lower-cased (Resource Manager and Resource Graph spell its parts differently), under `azure/`,
 * stands in as a repository-relative path. The id as Azure gave it is the logical location.
 */
const clusterLocation = (cluster: LiveCluster): Result["locations"] => [
  {
    physicalLocation: { artifactLocation: { uri: encodeURI(`azure${cluster.id.toLowerCase()}`) } },
    logicalLocations: [{ name: cluster.name, fullyQualifiedName: cluster.id, kind: "resource" }],
  },
];

/**
 * Code scanning matches a result across runs by this: the rule, the cluster (ignoring case) and what in it the
 * result is about — a binding, or a warning's text — never wording that changes with the cluster's state.
 */
function fingerprints(rule: string, cluster: LiveCluster, about: string): Result["partialFingerprints"] {
  const identity = [rule, cluster.id.toLowerCase(), about].join("\u0000");
  return { "aksTrustedAccessAudit/v1": createHash("sha256").update(identity).digest("hex") };
}

/**
 * SARIF 2.1.0: one result per finding (level error when its policy is mandatory, warning when advisory) and per
 * warning, located by the cluster's ARM id; what could not be read goes to the invocation's tool execution
 * notifications, with `executionSuccessful: false`, and so do the notices (level note).
 */
export function formatSarif(report: AuditReport): string {
  const summary = summarize(report);
  const ids = ruleIds(report);
  const results: Result[] = [];
  const notifications: Notification[] = [];
  for (const subscription of report.subscriptions) {
    if (subscription.status === "unreadable") {
      notifications.push({
        level: NOTIFICATIONS.subscription.level,
        descriptor: { id: NOTIFICATIONS.subscription.id },
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
    for (const r of subscription.clusters) clusterEntries(r, subscription, ids, results, notifications);
  }
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "aks-trusted-access",
            rules: ids.map((id) =>
              id === ADVICE_RULE
                ? descriptor(id, ADVICE_RULE_TEXT, "warning")
                : descriptor(
                    id,
                    AUDIT_RULES[id as AuditRule],
                    sarifLevel(policyLevel(report, id as AuditRule)),
                  ),
            ),
            notifications: Object.values(NOTIFICATIONS).map((n) => ({
              id: n.id,
              shortDescription: { text: n.text },
              defaultConfiguration: { level: n.level },
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
        properties: {
          clusterSource: report.clusterSource,
          checkedRules: report.rules,
          requireMaintenanceWindow: report.requireMaintenanceWindow,
          policyConfig: report.policyConfig ?? null,
          enforcementLevels: report.enforcementLevels,
          summary,
        },
      },
    ],
  };
  return renderJson(log);
}

function clusterEntries(
  r: ClusterResult,
  subscription: SubscriptionResult,
  ids: readonly string[],
  results: Result[],
  notifications: Notification[],
): void {
  for (const c of r.checks) {
    if (c.reason === undefined) continue;
    notifications.push({
      level: NOTIFICATIONS.cluster.level,
      descriptor: { id: NOTIFICATIONS.cluster.id },
      associatedRule: { id: c.rule, index: ids.indexOf(c.rule) },
      message: { text: `${where(r.cluster, subscription)}, rule ${c.rule}, could not be read: ${c.reason}` },
      locations: clusterLocation(r.cluster),
    });
  }
  for (const n of r.notices) {
    notifications.push({
      level: NOTIFICATIONS.notice.level,
      descriptor: { id: NOTIFICATIONS.notice.id },
      message: { text: `${where(r.cluster, subscription)}: ${n}` },
      locations: clusterLocation(r.cluster),
    });
  }
  for (const f of r.findings) {
    results.push({
      ruleId: f.rule,
      ruleIndex: ids.indexOf(f.rule),
      level: sarifLevel(f.enforcementLevel),
      message: { text: `${where(r.cluster, subscription)} ${f.message}` },
      locations: clusterLocation(r.cluster),
      partialFingerprints: fingerprints(f.rule, r.cluster, f.binding ?? f.nodePool ?? ""),
      properties: { enforcementLevel: f.enforcementLevel, remediation: f.remediation },
    });
  }
  for (const w of r.warnings) {
    results.push({
      ruleId: ADVICE_RULE,
      ruleIndex: ids.indexOf(ADVICE_RULE),
      level: "warning",
      message: { text: `${where(r.cluster, subscription)}: ${w}` },
      locations: clusterLocation(r.cluster),
      partialFingerprints: fingerprints(ADVICE_RULE, r.cluster, w),
    });
  }
}
