import * as assert from "assert";
import { URN, checkFixture } from "./support/checkFixture";

// `check` on a fixture program, in a child process, with the repository's pack started as the Pulumi CLI starts it.
describe("check: checks skipped on values known only after deployment", function () {
  this.timeout(180_000);

  const PROJECT = "skipped-checks";
  const AT = "test/check/fixtures/skipped-checks/index.ts";

  it("counts each skipped check per policy and resource in text and JSON, and passes with them said (exit 0)", async () => {
    const { run, report } = await checkFixture(PROJECT);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.strictEqual(run.stderr, "");
    assert.ok(report !== undefined, "no JSON report written");
    const pack = { policyPack: "aks-trusted-access", policyPackVersion: report.policyPacks[0].version };
    assert.deepStrictEqual(report.skipped, [
      {
        ...pack,
        policy: "aks-trusted-access-binding-limits",
        enforcementLevel: "mandatory",
        unknown: 'the source of binding "ml"',
        urn: URN(PROJECT, "azure-native:containerservice:ManagedCluster", "aks"),
        resourceType: "azure-native:containerservice:ManagedCluster",
        resourceName: "aks",
        location: { file: AT, line: 4, column: 17 },
      },
      {
        ...pack,
        policy: "aks-trusted-access-binding-valid",
        enforcementLevel: "mandatory",
        // The workspace's id and the cluster's name are computed by Azure.
        unknown: "sourceResourceId, resourceName",
        urn: URN(PROJECT, "azure-native:containerservice:TrustedAccessRoleBinding", "ml"),
        resourceType: "azure-native:containerservice:TrustedAccessRoleBinding",
        resourceName: "ml",
        location: { file: AT, line: 25, column: 1 },
      },
    ]);
    assert.deepStrictEqual(report.diagnostics, []);
    assert.strictEqual(report.verdict, "pass");
    assert.deepStrictEqual(
      { skipped: report.totals.skipped, mandatorySkipped: report.totals.mandatorySkipped },
      { skipped: 2, mandatorySkipped: 2 },
    );
    assert.ok(
      run.stdout.endsWith(
        [
          "Policy violations: 0 mandatory, 0 advisory (9 policies in 1 pack).",
          "2 checks skipped: values known only after deployment (2 mandatory, 0 advisory).",
          "PASSED, but 2 checks of mandatory policies could not run: no mandatory policy is violated by the " +
            "values known before deployment.",
          "",
        ].join("\n"),
      ),
      run.stdout,
    );
  });
});
