import { strict as assert } from "node:assert";
import { formatTable } from "../../cli/audit/format/table";
import type { AuditReport, ClusterResult, Finding, SubscriptionResult } from "../../cli/audit/report";
import { CHECKED_RULES } from "../../cli/audit/rules";
import { aCluster } from "./support/clusters";

/**
 * 50 subscriptions of 20 clusters, named as `bench/audit.ts` names them; one cluster in five has no bindings (a
 * mandatory finding), another one in five fails KMS (an advisory one).
 */
function estate(): AuditReport {
  const subscriptions = Array.from({ length: 50 }, (_, s): SubscriptionResult => {
    const id = `00000000-0000-0000-0000-${String(s + 1).padStart(12, "0")}`;
    const clusters = Array.from({ length: 20 }, (__, c): ClusterResult => {
      const failing: Finding | undefined =
        c % 5 === 0
          ? {
              rule: "trusted-access-missing",
              enforcementLevel: "mandatory",
              message: "has none.",
              remediation: NONE,
            }
          : c % 5 === 1
            ? {
                rule: "kms-private-key-vault",
                enforcementLevel: "advisory",
                message: "has none.",
                remediation: NONE,
              }
            : undefined;
      return {
        status:
          failing === undefined
            ? "compliant"
            : failing.enforcementLevel === "mandatory"
              ? "non-compliant"
              : "advisory",
        cluster: aCluster({
          id: `/subscriptions/${id}/resourcegroups/rg-${c % 4}/providers/Microsoft.ContainerService/managedClusters/aks-${c}`,
          subscriptionId: id,
          resourceGroup: `rg-${c % 4}`,
          name: `aks-${c}`,
        }),
        checks: CHECKED_RULES.map((rule) => ({
          rule,
          result: failing?.rule === rule ? "fail" : "pass",
        })),
        bindings: [],
        findings: failing === undefined ? [] : [failing],
        warnings: [],
        notices: [],
        remediation: NONE,
      };
    });
    return { status: "read", id, name: `Subscription ${s + 1}`, clusters };
  });
  return {
    clusterSource: "resource-manager",
    rules: CHECKED_RULES,
    requireMaintenanceWindow: false,
    enforcementLevels: {},
    subscriptions,
  };
}
const NONE = { azureCli: [] };

describe("the audit table at 1,000 clusters", () => {
  const lines = formatTable(estate()).split("\n");
  // From the header to the legend, which is the first line in parentheses.
  const overview = lines.slice(
    2,
    lines.findIndex((l) => l.startsWith("(")),
  );

  it("keeps one line per cluster, a column per rule", () => {
    assert.equal(overview.length, 1 + 1000);
    assert.equal(
      overview[0],
      "SUBSCRIPTION     RESOURCE GROUP  CLUSTER  BINDINGS  ACCESS  NODE-OS  PRIVATE  FIPS  KMS   RESULT",
    );
    assert.deepEqual(overview.slice(1, 3), [
      "Subscription 1   rg-0            aks-0    0         FAIL    ok       ok       ok    ok    NON-COMPLIANT",
      "Subscription 1   rg-1            aks-1    0         ok      ok       ok       ok    warn  advisory",
    ]);
  });

  it("is as wide as the longest names plus 67 characters for the count, rules, result and gaps", () => {
    // "Subscription 50" (15), "RESOURCE GROUP" (14), "CLUSTER" (7): the rest is the same at any size.
    assert.equal(Math.max(...overview.map((l) => l.length)), 15 + 14 + 7 + 67);
  });
});
