import { strict as assert } from "node:assert";
import type { AuditReport, ClusterResult, Finding, FindingLevel, RuleCheck } from "../../cli/audit/report";
import { summarize } from "../../cli/audit/summary";
import { SUB, aCluster } from "./support/clusters";

function clusterWith(
  status: ClusterResult["status"],
  checks: RuleCheck[],
  levels: readonly FindingLevel[] = [],
): ClusterResult {
  return {
    status,
    cluster: aCluster(),
    checks,
    bindings: [],
    findings: levels.map((enforcementLevel): Finding => ({
      rule: "private-cluster",
      enforcementLevel,
      message: "has a public API server.",
      remediation: { azureCli: [] },
    })),
    warnings: [],
    notices: [],
    remediation: { azureCli: [] },
  };
}

function reportOf(...clusters: ClusterResult[]): AuditReport {
  return {
    clusterSource: "resource-manager",
    rules: ["trusted-access-missing", "node-os-auto-upgrade"],
    requireMaintenanceWindow: true,
    enforcementLevels: {},
    subscriptions: [{ status: "read", id: SUB, name: "Production", clusters }],
  };
}

const pass = (rule: RuleCheck["rule"]): RuleCheck => ({
  rule,
  result: "pass",
  enforcementLevel: "mandatory",
});
const unread = (level: FindingLevel, result: RuleCheck["result"] = "unreadable"): RuleCheck => ({
  rule: "node-os-auto-upgrade",
  result,
  enforcementLevel: level,
  reason: "HTTP 403 AuthorizationFailed: no",
});

describe("summarize: the exit code of per-rule results at their levels", () => {
  it("exits 0 when every checked rule passes on every cluster", () => {
    const s = summarize(reportOf(clusterWith("compliant", [pass("trusted-access-missing")])));
    assert.deepEqual([s.compliantClusters, s.unreadableClusters, s.complete, s.exitCode], [1, 0, true, 0]);
  });

  it("exits 0 with advisory findings only, counting them and their cluster", () => {
    const s = summarize(
      reportOf(clusterWith("advisory", [pass("trusted-access-missing")], ["advisory", "advisory"])),
    );
    assert.deepEqual(
      [s.advisoryClusters, s.nonCompliantClusters, s.mandatoryFindings, s.advisoryFindings, s.exitCode],
      [1, 0, 0, 2, 0],
    );
  });

  it("exits 1 with a mandatory finding, everything read", () => {
    const failed = clusterWith("non-compliant", [pass("trusted-access-missing")], ["mandatory", "advisory"]);
    const s = summarize(reportOf(failed));
    assert.deepEqual(
      [s.nonCompliantClusters, s.mandatoryFindings, s.advisoryFindings, s.exitCode],
      [1, 1, 1, 1],
    );
  });

  it("exits 2 when a rule applied at a mandatory level could not be read, as an unreadable subscription does", () => {
    const s = summarize(
      reportOf(clusterWith("unreadable", [unread("mandatory")]), clusterWith("compliant", [])),
    );
    assert.deepEqual([s.compliantClusters, s.unreadableClusters, s.complete, s.exitCode], [1, 1, false, 2]);
  });

  it("keeps the exit code of what was read when only an advisory rule could not be read, saying it is incomplete", () => {
    const s = summarize(reportOf(clusterWith("unreadable", [unread("advisory")])));
    assert.deepEqual([s.unreadableClusters, s.complete, s.exitCode], [1, false, 0]);
    const withMandatory = summarize(
      reportOf(clusterWith("non-compliant", [unread("advisory")], ["mandatory"])),
    );
    assert.deepEqual([withMandatory.complete, withMandatory.exitCode], [false, 1]);
  });

  it("exits 2 for a failed mandatory rule whose other part could not be read: counted non-compliant and unreadable", () => {
    const both = clusterWith("non-compliant", [unread("mandatory", "fail")], ["mandatory"]);
    const s = summarize(reportOf(both));
    assert.deepEqual([s.nonCompliantClusters, s.unreadableClusters, s.exitCode], [1, 1, 2]);
  });

  it("exits 2 when a subscription could not be read, whatever was found elsewhere", () => {
    const report: AuditReport = {
      ...reportOf(clusterWith("compliant", [])),
      subscriptions: [{ status: "unreadable", id: SUB, name: "Production", reason: "HTTP 403" }],
    };
    assert.equal(summarize(report).exitCode, 2);
  });
});
