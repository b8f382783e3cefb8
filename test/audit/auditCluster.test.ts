import { strict as assert } from "node:assert";
import { auditCluster } from "../../cli/audit/auditCluster";
import type { Enforcement } from "../../cli/audit/enforcement";
import { createLimiter } from "../../cli/audit/limiter";
import { loadEnforcement } from "../../cli/audit/policyConfig";
import type { LiveCluster, ClusterResult } from "../../cli/audit/report";
import { CHECKED_RULES } from "../../cli/audit/rules";
import { aBinding, aCluster, someSettings } from "./support/clusters";
import { fakeClient } from "./support/fakeClient";

// One cluster through auditCluster with a client of two reads: which reads the levels and exemptions leave, each
// rule's verdict and level, and the cluster's status. The end-to-end tests run the same code against Resource
// Manager's JSON; these pin down the combinations one estate cannot hold.
describe("auditCluster: the pack's levels and exemptions on one live cluster", () => {
  let defaults: Enforcement;
  before(async () => (defaults = await loadEnforcement()));
  const limit = createLimiter(1);
  const FORBIDDEN = {
    statusCode: 403,
    code: "AuthorizationFailed",
    message: "no read of maintenanceConfigurations",
  };

  async function audit(
    cluster: LiveCluster,
    enforcement: Enforcement,
    window: Parameters<typeof fakeClient>[1] = { windowHours: 4 },
  ): Promise<{ result: ClusterResult; calls: { bindingLists: number; windowReads: number } }> {
    const { client, calls } = fakeClient([aBinding()], window);
    const selection = { rules: CHECKED_RULES, requireMaintenanceWindow: true, enforcement };
    return { result: await auditCluster(client, limit, cluster, selection), calls };
  }
  const verdicts = (r: ClusterResult) =>
    r.checks.map((c) => `${c.rule} ${c.result} ${c.enforcementLevel ?? "-"}`);

  it("weighs each rule at its policy's level: a bound system-assigned cluster without KMS has advisory findings only", async () => {
    const { result } = await audit(
      aCluster({ settings: someSettings({ enablePrivateCluster: false }) }),
      defaults,
    );
    assert.equal(result.status, "advisory");
    assert.deepEqual(verdicts(result), [
      "trusted-access-missing pass mandatory",
      "node-os-auto-upgrade pass advisory",
      "private-cluster fail advisory",
      "node-pool-fips pass advisory",
      "kms-private-key-vault fail advisory",
    ]);
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.enforcementLevel]),
      [
        ["private-cluster", "advisory"],
        ["kms-private-key-vault", "advisory"],
      ],
    );
  });

  it("calls a cluster unreadable, not advisory, when a rule it fails could not be read in full", async () => {
    const cluster = aCluster({ settings: someSettings({ nodeOsUpgradeChannel: "None" }) });
    const { result } = await audit(cluster, defaults, { windowFailure: FORBIDDEN });
    assert.equal(result.status, "unreadable");
    assert.deepEqual(result.checks[1], {
      rule: "node-os-auto-upgrade",
      result: "fail",
      enforcementLevel: "advisory",
      reason: "HTTP 403 AuthorizationFailed: no read of maintenanceConfigurations",
    });
  });

  it("reads no binding of a cluster exempt from the Trusted Access rule, and still judges its identity", async () => {
    const exempt = aCluster({ identityType: "UserAssigned", tags: { "trusted-access-exempt": "KMS first" } });
    const { result, calls } = await audit(exempt, defaults);
    assert.equal(calls.bindingLists, 0);
    assert.equal(result.bindings, undefined);
    assert.deepEqual(result.checks[0], {
      rule: "trusted-access-missing",
      result: "fail",
      enforcementLevel: "mandatory",
      exemption: 'aks-trusted-access-required: tagged "trusted-access-exempt": "KMS first"',
    });
    // Its KMS finding is the plain one: a user-assigned cluster can have KMS, so no conflict is said.
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.enforcementLevel, f.message.includes("Azure refuses")]),
      [
        ["identity-not-system-assigned", "mandatory", false],
        ["kms-private-key-vault", "advisory", false],
      ],
    );
    assert.equal(result.status, "non-compliant");
  });

  it("shows the Trusted Access rule exempt when its only failing part is exempt", async () => {
    const exempt = aCluster({ tags: { "trusted-access-exempt": "" } });
    const { result } = await audit(exempt, defaults);
    assert.deepEqual(result.checks[0], {
      rule: "trusted-access-missing",
      result: "exempt",
      enforcementLevel: "mandatory",
      exemption: 'aks-trusted-access-required: tagged "trusted-access-exempt"',
    });
  });

  it("reads no window when the node OS policy exempts the cluster, so a 403 there cannot make it unreadable", async () => {
    const exempt = aCluster({ tags: { "node-os-auto-upgrade-exempt": "managed elsewhere" } });
    const { result, calls } = await audit(exempt, defaults, { windowFailure: FORBIDDEN });
    assert.equal(calls.windowReads, 0);
    assert.equal(result.checks[1].result, "exempt");
    assert.notEqual(result.status, "unreadable");
  });
});
