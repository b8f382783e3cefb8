import { strict as assert } from "node:assert";
import type { AuditReport, ClusterResult, RuleCheck } from "../../cli/audit/report";
import { summarize } from "../../cli/audit/summary";
import { SUB, aCluster } from "./support/clusters";

function clusterWith(status: ClusterResult["status"], checks: RuleCheck[]): ClusterResult {
  return {
    status,
    cluster: aCluster(),
    checks,
    bindings: [],
    findings: [],
    warnings: [],
    remediation: { azureCli: [] },
  };
}

function reportOf(...clusters: ClusterResult[]): AuditReport {
  return {
    clusterSource: "resource-manager",
    rules: ["trusted-access-missing", "node-os-auto-upgrade"],
    requireMaintenanceWindow: true,
    subscriptions: [{ status: "read", id: SUB, name: "Production", clusters }],
  };
}

const pass = (rule: RuleCheck["rule"]): RuleCheck => ({ rule, result: "pass" });

describe("summarize: the exit code of per-rule results", () => {
  it("exits 0 when every checked rule passes on every cluster", () => {
    const s = summarize(
      reportOf(clusterWith("compliant", [pass("trusted-access-missing"), pass("node-os-auto-upgrade")])),
    );
    assert.deepEqual([s.compliantClusters, s.unreadableClusters, s.complete, s.exitCode], [1, 0, true, 0]);
  });

  it("exits 1 when a rule fails and everything could be read", () => {
    const failed = clusterWith("non-compliant", [
      { rule: "trusted-access-missing", result: "fail" },
      pass("node-os-auto-upgrade"),
    ]);
    assert.equal(summarize(reportOf(failed)).exitCode, 1);
  });

  it("exits 2 when one rule of one cluster could not be read, as an unreadable subscription does", () => {
    const unread = clusterWith("unreadable", [
      pass("trusted-access-missing"),
      { rule: "node-os-auto-upgrade", result: "unreadable", reason: "HTTP 403 AuthorizationFailed: no" },
    ]);
    const s = summarize(reportOf(unread, clusterWith("compliant", [pass("trusted-access-missing")])));
    assert.deepEqual([s.compliantClusters, s.unreadableClusters, s.complete, s.exitCode], [1, 1, false, 2]);
  });

  it("exits 2 for a failed rule whose other part could not be read: counted non-compliant and unreadable", () => {
    const both = clusterWith("non-compliant", [
      pass("trusted-access-missing"),
      { rule: "node-os-auto-upgrade", result: "fail", reason: "HTTP 403 AuthorizationFailed: no" },
    ]);
    const s = summarize(reportOf(both));
    assert.deepEqual([s.nonCompliantClusters, s.unreadableClusters, s.exitCode], [1, 1, 2]);
  });
});
