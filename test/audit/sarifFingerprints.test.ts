import { strict as assert } from "node:assert";
import type { Result } from "sarif";
import { assessCluster } from "../../cli/audit/assess";
import { formatSarif } from "../../cli/audit/format/sarif";
import type { AuditReport, AuditedBinding, LiveCluster, Finding } from "../../cli/audit/report";
import { SUB, aBinding, aCluster } from "./support/clusters";

/** The SARIF results of an audit of one subscription holding this one cluster, every finding mandatory. */
function results(cluster: LiveCluster, bindings: readonly AuditedBinding[]): Result[] {
  const assessed = assessCluster(cluster, bindings);
  const findings = assessed.findings.map((f): Finding => ({
    ...f,
    enforcementLevel: "mandatory",
    remediation: { azureCli: [] },
  }));
  const report: AuditReport = {
    clusterSource: "resource-manager",
    rules: ["trusted-access-missing"],
    requireMaintenanceWindow: false,
    enforcementLevels: {
      "aks-trusted-access-required": "mandatory",
      "aks-cluster-system-assigned-identity": "mandatory",
    },
    subscriptions: [
      {
        status: "read",
        id: SUB,
        name: "Production",
        clusters: [
          {
            status: findings.length === 0 ? "compliant" : "non-compliant",
            cluster,
            checks: [{ rule: "trusted-access-missing", result: findings.length === 0 ? "pass" : "fail" }],
            bindings,
            findings,
            warnings: assessed.warnings,
            notices: assessed.notices,
            remediation: { azureCli: [] },
          },
        ],
      },
    ],
  };
  return (JSON.parse(formatSarif(report)) as { runs: { results: Result[] }[] }).runs[0].results;
}

const fingerprintsOf = (rs: readonly Result[]): string[] =>
  rs.map((r) => r.partialFingerprints?.["aksTrustedAccessAudit/v1"] ?? "none");

describe("audit SARIF for code scanning", () => {
  it("locates each result at the cluster's lower-cased ARM id under azure/", () => {
    const cluster = aCluster({ identityType: "UserAssigned" });
    assert.deepEqual(
      results(cluster, []).map((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri),
      [`azure${cluster.id.toLowerCase()}`, `azure${cluster.id.toLowerCase()}`],
    );
  });

  it("keeps a finding's fingerprint when the cluster's state or the id's casing changes", () => {
    const failed = results(aCluster(), [aBinding({ provisioningState: "Failed" })]);
    const canceled = results(aCluster({ id: aCluster().id.toUpperCase() }), [
      aBinding({ provisioningState: "Canceled" }),
    ]);
    assert.notEqual(failed[0].message.text, canceled[0].message.text);
    assert.deepEqual(fingerprintsOf(canceled), fingerprintsOf(failed));
  });

  it("tells findings apart by rule, binding and cluster", () => {
    const all = [
      ...results(aCluster(), [aBinding({ provisioningState: "Failed" })]),
      ...results(aCluster(), [aBinding({ name: "backup", provisioningState: "Failed" })]),
      ...results(aCluster({ id: aCluster().id.replace("aks-1", "aks-2") }), [
        aBinding({ provisioningState: "Failed" }),
      ]),
      ...results(aCluster({ identityType: "UserAssigned" }), []),
    ];
    const prints = fingerprintsOf(all);
    assert.equal(all.length, 5);
    assert.equal(new Set(prints).size, prints.length, prints.join("\n"));
  });
});
