import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CheckError } from "../../cli/check/checkError";
import { describePolicies } from "../../cli/check/policy/describePolicies";
import { readPolicyConfigFile } from "../../cli/check/policy/policyConfigFile";
import { reconcilePolicyConfig } from "../../cli/check/policy/reconcilePolicyConfig";
import { PACK_NAME, PACK_POLICIES } from "../../policypack/policies";

/**
 * The pack's own policies, described as GetAnalyzerInfo describes them (name, level, config schema; that the two
 * descriptions agree is in test/e2e/policypack/analyzerInfo.test.ts), through the config handling of `check` from a
 * --policy-pack-config file. The gRPC side (Configure, then the verdicts at those levels) is in
 * test/e2e/policypack/stacksClusterRules.test.ts.
 */
const PACK = describePolicies({ name: PACK_NAME, version: "0.1.0" }, PACK_POLICIES);
const RULE_POLICIES = [
  "aks-node-os-auto-upgrade",
  "aks-private-cluster",
  "aks-node-pool-fips",
  "aks-kms-private-key-vault",
];

describe("check: the four related rules' policies through --policy-pack-config", () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-check-rules-"))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const configured = (text: string) => {
    const file = path.join(dir, "config.json");
    fs.writeFileSync(file, text);
    return reconcilePolicyConfig(PACK, readPolicyConfigFile(file));
  };
  const levels = (config: ReturnType<typeof reconcilePolicyConfig>) =>
    RULE_POLICIES.map((p) => [p, config[p]?.enforcementLevel]);

  it("runs them advisory by default, each with its own exemption tag", () => {
    const config = reconcilePolicyConfig(PACK);
    assert.deepStrictEqual(
      levels(config),
      RULE_POLICIES.map((p) => [p, "advisory"]),
    );
    assert.deepStrictEqual(config["aks-node-os-auto-upgrade"]?.properties, {
      exemptClusters: [],
      exemptTag: "node-os-auto-upgrade-exempt",
      requireMaintenanceWindow: false,
    });
    assert.deepStrictEqual(config["aks-kms-private-key-vault"]?.properties, {
      exemptClusters: [],
      exemptTag: "kms-private-key-vault-exempt",
    });
  });

  it('makes them mandatory with "all": "mandatory", and a policy\'s own level wins over it', () => {
    assert.deepStrictEqual(
      levels(configured('{"all":"mandatory"}')),
      RULE_POLICIES.map((p) => [p, "mandatory"]),
    );
    assert.deepStrictEqual(
      levels(configured('{"all":"mandatory","aks-kms-private-key-vault":"advisory"}')),
      RULE_POLICIES.map((p) => [p, p === "aks-kms-private-key-vault" ? "advisory" : "mandatory"]),
    );
    assert.deepStrictEqual(
      levels(configured('{"aks-private-cluster":{"enforcementLevel":"mandatory","exemptTag":"public-ok"}}')),
      RULE_POLICIES.map((p) => [p, p === "aks-private-cluster" ? "mandatory" : "advisory"]),
    );
  });

  it("refuses a requireMaintenanceWindow that is not a boolean, naming the policy and the value", () => {
    assert.throws(
      () => configured('{"aks-node-os-auto-upgrade":{"requireMaintenanceWindow":"yes"}}'),
      (err: unknown) =>
        err instanceof CheckError &&
        err.message ===
          `Policy pack "aks-trusted-access" config (--policy-pack-config ${path.join(dir, "config.json")}) is not valid: policy ` +
            '"aks-node-os-auto-upgrade": property "requireMaintenanceWindow" is "yes", but it must be a boolean ' +
            "(true or false).",
    );
  });
});
