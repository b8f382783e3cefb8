import { strict as assert } from "node:assert";
import { formatTable } from "../../cli/audit/format/table";
import type { AuditReport, ClusterResult, SubscriptionResult } from "../../cli/audit/report";
import { CHECKED_RULES } from "../../cli/audit/rules";
import { aCluster } from "./support/clusters";

/** 50 subscriptions of 20 clusters, named as `bench/audit.ts` names them; one cluster in five fails KMS. */
function estate(): AuditReport {
  const subscriptions = Array.from({ length: 50 }, (_, s): SubscriptionResult => {
    const id = `00000000-0000-0000-0000-${String(s + 1).padStart(12, "0")}`;
    const clusters = Array.from({ length: 20 }, (__, c): ClusterResult => {
      const failing = c % 5 === 0;
      return {
        status: failing ? "non-compliant" : "compliant",
        cluster: aCluster({
          id: `/subscriptions/${id}/resourcegroups/rg-${c % 4}/providers/Microsoft.ContainerService/managedClusters/aks-${c}`,
          subscriptionId: id,
          resourceGroup: `rg-${c % 4}`,
          name: `aks-${c}`,
        }),
        checks: CHECKED_RULES.map((rule) => ({
          rule,
          result: failing && rule === "kms-private-key-vault" ? "fail" : "pass",
        })),
        bindings: [],
        findings: failing
          ? [{ rule: "kms-private-key-vault", message: "does not encrypt etcd with KMS." }]
          : [],
        warnings: [],
        remediation: { azureCli: [] },
      };
    });
    return { status: "read", id, name: `Subscription ${s + 1}`, clusters };
  });
  return {
    clusterSource: "resource-manager",
    rules: CHECKED_RULES,
    requireMaintenanceWindow: false,
    subscriptions,
  };
}

describe("the audit table at 1,000 clusters", () => {
  const lines = formatTable(estate()).split("\n");
  const overview = lines.slice(2, lines.indexOf("", 2) - 1);

  it("keeps one line per cluster, a column per rule", () => {
    assert.equal(overview.length, 1 + 1000);
    assert.equal(
      overview[0],
      "SUBSCRIPTION     RESOURCE GROUP  CLUSTER  BINDINGS  ACCESS  NODE-OS  PRIVATE  FIPS  KMS   RESULT",
    );
    assert.equal(
      overview[1],
      "Subscription 1   rg-0            aks-0    0         ok      ok       ok       ok    FAIL  NON-COMPLIANT",
    );
  });

  it("is as wide as the longest names plus 67 characters for the count, rules, result and gaps", () => {
    // "Subscription 50" (15), "RESOURCE GROUP" (14), "CLUSTER" (7): the rest is the same at any size.
    assert.equal(Math.max(...overview.map((l) => l.length)), 15 + 14 + 7 + 67);
  });
});
