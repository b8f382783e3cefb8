import { JunitCase, JunitSuite, renderJunit } from "../../output/junit/junitXml";
import type { AuditReport, ClusterResult, Finding, RuleCheck } from "../report";
import { TRUSTED_ACCESS_FINDING } from "../../../domain";
import { CHECKED_RULE_OF } from "../rules";

/**
 * The audit as JUnit XML for a CI system's test tab: a suite per subscription, a test case per (checked rule,
 * cluster). A mandatory finding is a failure; advisory findings a passed case with them in `system-out`; a rule
 * the cluster is exempt from a skipped case. A rule that could not be read is an error when it applies at a
 * mandatory level (the audit then exits 2: it may hide a mandatory finding), else a skipped case. A subscription
 * that could not be read is one error case. The Trusted Access case also carries the cluster's notices and the
 * binding advice in `system-out`.
 */
export function formatJunit(report: AuditReport): string {
  const suites: JunitSuite[] = report.subscriptions.map((s) => ({
    name: `${s.name} (${s.id})`,
    properties: [["subscription", s.id]],
    cases:
      s.status === "unreadable"
        ? [
            {
              classname: "subscription",
              name: `${s.name} (${s.id})`,
              outcome: {
                kind: "error",
                message: `The subscription could not be read: ${s.reason}`,
                type: "unreadable",
                details: s.reason,
              },
            },
          ]
        : s.clusters.flatMap((r) => r.checks.map((c) => ruleCase(r, c))),
  }));
  return renderJunit("aks-trusted-access audit", suites);
}

function ruleCase(r: ClusterResult, c: RuleCheck): JunitCase {
  const base = {
    classname: c.rule,
    name: `${r.cluster.name} (resource group ${r.cluster.resourceGroup})`,
  };
  const findings = r.findings.filter((f) => CHECKED_RULE_OF[f.rule] === c.rule);
  const extra =
    c.rule === CHECKED_RULE_OF[TRUSTED_ACCESS_FINDING.missing] ? [...r.notices, ...r.warnings] : [];
  const notRead = c.reason === undefined ? [] : [`Could not be read: ${c.reason}`];
  const out = (lines: string[]): { systemOut?: string } =>
    lines.length === 0 ? {} : { systemOut: lines.join("\n") };
  switch (c.result) {
    case "pass":
      return { ...base, outcome: { kind: "passed" }, ...out(extra) };
    case "exempt":
      return { ...base, outcome: { kind: "skipped", message: `Exempt: ${c.exemption ?? "by a policy"}` } };
    case "unreadable":
      return {
        ...base,
        outcome:
          c.enforcementLevel === "mandatory"
            ? { kind: "error", message: notRead[0], type: "unreadable", details: notRead[0] }
            : {
                kind: "skipped",
                message: `${notRead[0]} (an advisory rule: it cannot change the exit code)`,
              },
        ...out(extra),
      };
    case "fail": {
      const mandatory = findings.find((f) => f.enforcementLevel === "mandatory");
      const details = [...findings.flatMap(describe), ...notRead];
      return mandatory === undefined
        ? { ...base, outcome: { kind: "passed" }, ...out([...details, ...extra]) }
        : {
            ...base,
            outcome: {
              kind: "failure",
              message: `The cluster ${mandatory.message}`,
              type: mandatory.rule,
              details: details.join("\n"),
            },
            ...out(extra),
          };
    }
  }
}

function describe(f: Finding): string[] {
  return [
    `[${f.enforcementLevel}] ${f.rule}: The cluster ${f.message}`,
    ...f.remediation.azureCli.map((command) => `  Fix: ${command}`),
  ];
}
