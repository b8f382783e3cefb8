import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { CheckReport } from "../../cli/output/checkReport";
import type { CliRun } from "../check/support/runCli";
import { checkFixture } from "../check/support/checkFixture";
import { SHIPPED_PACK } from "../support/builtPackage";
import { RELATED_RULE_POLICIES } from "./support/relatedRulePolicies";

const COMPONENTS_DOC = path.resolve(__dirname, "../../docs/components.md");

// examples/basic, run as `aks-trusted-access check` runs it with the pack as installed, against the pack's policies for the four related AKS
// rules. AksCluster's defaults should meet three of them outright; the fourth (KMS with a private key vault) cannot
// be met by a cluster with a system-assigned identity, so its finding must be advisory and explained in docs/components.md.
// Every test first asserts that the pack served the four policies, so that none passes by their absence.
describe("examples/basic against the related AKS rules", function () {
  this.timeout(300_000);
  let run: CliRun;
  let report: CheckReport | undefined;

  before(async () => {
    ({ run, report } = await checkFixture("../../..", ["--policy-pack", SHIPPED_PACK]));
  });

  const served = () => report?.policyPacks.flatMap((p) => p.policies.map((policy) => policy.name)) ?? [];
  const findingsOf = (policy: string) => (report?.diagnostics ?? []).filter((d) => d.policy === policy);

  it("passes check, and the pack serves the four related-rule policies", () => {
    assert.strictEqual(run.code, 0, run.stderr);
    for (const policy of RELATED_RULE_POLICIES) assert.ok(served().includes(policy), `${policy} not served`);
  });

  for (const policy of ["aks-node-os-auto-upgrade", "aks-private-cluster", "aks-node-pool-fips"]) {
    it(`has no finding, mandatory or advisory, from ${policy}`, () => {
      assert.ok(served().includes(policy), `${policy} not served`);
      assert.deepStrictEqual(
        findingsOf(policy).map((d) => [d.enforcementLevel, d.resourceName, d.message]),
        [],
      );
    });
  }

  it("has one advisory finding from aks-kms-private-key-vault, on the cluster, which docs/components.md explains", () => {
    assert.ok(served().includes("aks-kms-private-key-vault"), "aks-kms-private-key-vault not served");
    assert.deepStrictEqual(
      findingsOf("aks-kms-private-key-vault").map((d) => [
        d.enforcementLevel,
        d.resourceType,
        d.resourceName,
      ]),
      [["advisory", "azure-native:containerservice:ManagedCluster", "aks"]],
    );
    const doc = fs.readFileSync(COMPONENTS_DOC, "utf8");
    assert.match(doc, /\n### Why no KMS\n[^#]*aks-kms-private-key-vault/);
  });
});
