import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { describePolicies } from "../../../cli/check/policy/describePolicies";
import { PackInfo, withPolicyPack } from "../../../cli/packHost";
import { PACK_NAME, PACK_POLICIES } from "../../../policypack/policies";
import { DESCRIPTION, POLICY } from "../support/expected";
import { PACK_DIR } from "../support/scenarios";

describe("the aks-trusted-access pack, started as `pulumi preview --policy-pack policypack` starts it", function () {
  this.timeout(180_000);
  let info: PackInfo;

  before(async () => {
    info = await withPolicyPack(PACK_DIR, {}, (session) => session.info());
  });

  it("answers GetAnalyzerInfo with its name and the version from its package.json", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")) as {
      version: string;
    };
    assert.strictEqual(info.name, "aks-trusted-access");
    assert.strictEqual(info.version, version);
    assert.strictEqual(info.supportsConfig, true);
  });

  it("lists the policies of issues 2 and 11 with their kind, default level and description", () => {
    assert.deepStrictEqual(
      info.policies.map((p) => [p.name, p.policyType, p.enforcementLevel, p.description]),
      [
        [POLICY.identity, "resource", "mandatory", DESCRIPTION[POLICY.identity]],
        [POLICY.kms, "stack", "advisory", DESCRIPTION[POLICY.kms]],
        [POLICY.nodeOs, "stack", "advisory", DESCRIPTION[POLICY.nodeOs]],
        [POLICY.fips, "stack", "advisory", DESCRIPTION[POLICY.fips]],
        [POLICY.privateCluster, "stack", "advisory", DESCRIPTION[POLICY.privateCluster]],
        [POLICY.bindingLimits, "stack", "mandatory", DESCRIPTION[POLICY.bindingLimits]],
        [POLICY.bindingValid, "resource", "mandatory", DESCRIPTION[POLICY.bindingValid]],
        [POLICY.privileged, "resource", "advisory", DESCRIPTION[POLICY.privileged]],
        [POLICY.required, "stack", "mandatory", DESCRIPTION[POLICY.required]],
      ],
    );
  });

  it("gives every policy a severity, remediation steps and a documentation link", () => {
    for (const policy of info.policies) {
      assert.ok(policy.severity, `${policy.name} has a severity`);
      assert.ok(policy.remediationSteps.length > 0, `${policy.name} says how to fix a violation`);
      assert.match(
        policy.url,
        /^https:\/\/learn\.microsoft\.com\/azure\/aks\//,
        `${policy.name} links the docs`,
      );
    }
  });

  it("declares the config of issue 2, with defaults the CLI fills in", () => {
    const schemas = Object.fromEntries(
      info.policies.map((p) => [
        p.name,
        Object.fromEntries(
          Object.entries(p.configSchema?.properties ?? {}).map(([key, schema]) => [
            key,
            (schema as { default?: unknown }).default,
          ]),
        ),
      ]),
    );
    assert.deepStrictEqual(schemas, {
      [POLICY.identity]: {},
      [POLICY.bindingLimits]: {},
      [POLICY.bindingValid]: {},
      [POLICY.privileged]: { allowedRoles: [] },
      [POLICY.required]: { exemptClusters: [], exemptTag: "trusted-access-exempt", requiredRoles: [] },
      [POLICY.nodeOs]: {
        exemptClusters: [],
        exemptTag: "node-os-auto-upgrade-exempt",
        requireMaintenanceWindow: false,
      },
      [POLICY.privateCluster]: { exemptClusters: [], exemptTag: "private-cluster-exempt" },
      [POLICY.fips]: { exemptClusters: [], exemptTag: "node-pool-fips-exempt" },
      [POLICY.kms]: { exemptClusters: [], exemptTag: "kms-private-key-vault-exempt" },
    });
  });

  it("is described in-process, from its policies, exactly as it answers GetAnalyzerInfo (audit's levels and config)", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")) as {
      version: string;
    };
    assert.deepStrictEqual(describePolicies({ name: PACK_NAME, version }, PACK_POLICIES), info);
  });
});
