import { strict as assert } from "node:assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnforcement } from "../../cli/audit/policyConfig";
import { CheckError } from "../../cli/check/checkError";

// The config file `audit --policy-config` reads is the one `pulumi preview --policy-pack-config` and
// `check --policy-pack-config` read: the same reading, checks and reconciling (test/check/policyConfig.test.ts),
// here through the pack's own policies.
describe("loadEnforcement: the pack's policies, configured by --policy-config", () => {
  const dir = mkdtempSync(join(tmpdir(), "aks-audit-config-"));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const AUDITED = [
    "aks-trusted-access-required",
    "aks-cluster-system-assigned-identity",
    "aks-node-os-auto-upgrade",
    "aks-private-cluster",
    "aks-node-pool-fips",
    "aks-kms-private-key-vault",
  ];
  const levels = (e: { levels: Record<string, string> }) => AUDITED.map((p) => [p, e.levels[p]]);

  it("takes the pack's own levels without a file: the two Trusted Access policies mandatory, the four related rules advisory", async () => {
    const e = await loadEnforcement();
    assert.deepEqual(levels(e), [
      ["aks-trusted-access-required", "mandatory"],
      ["aks-cluster-system-assigned-identity", "mandatory"],
      ["aks-node-os-auto-upgrade", "advisory"],
      ["aks-private-cluster", "advisory"],
      ["aks-node-pool-fips", "advisory"],
      ["aks-kms-private-key-vault", "advisory"],
    ]);
    assert.equal(e.configFile, undefined);
    assert.equal(e.requireMaintenanceWindow, false);
  });

  it("takes each policy's own exemption tag by default, and none for the identity policy, which has no exemption", async () => {
    const e = await loadEnforcement();
    assert.deepEqual(e.exemptions, {
      "aks-kms-private-key-vault": { clusters: [], tag: "kms-private-key-vault-exempt" },
      "aks-node-os-auto-upgrade": { clusters: [], tag: "node-os-auto-upgrade-exempt" },
      "aks-node-pool-fips": { clusters: [], tag: "node-pool-fips-exempt" },
      "aks-private-cluster": { clusters: [], tag: "private-cluster-exempt" },
      "aks-trusted-access-required": { clusters: [], tag: "trusted-access-exempt" },
    });
  });

  it('applies "all", then each policy\'s level and settings, as the pack does', async () => {
    const path = file(
      "team.json",
      JSON.stringify({
        all: "mandatory",
        "aks-kms-private-key-vault": { enforcementLevel: "advisory", exemptTag: "kms-exempt" },
        "aks-node-pool-fips": "disabled",
        "aks-node-os-auto-upgrade": { requireMaintenanceWindow: true },
        "aks-private-cluster": { exemptClusters: ["aks-legacy"] },
      }),
    );
    const e = await loadEnforcement(path);
    assert.deepEqual(levels(e), [
      ["aks-trusted-access-required", "mandatory"],
      ["aks-cluster-system-assigned-identity", "mandatory"],
      ["aks-node-os-auto-upgrade", "mandatory"],
      ["aks-private-cluster", "mandatory"],
      ["aks-node-pool-fips", "disabled"],
      ["aks-kms-private-key-vault", "advisory"],
    ]);
    assert.equal(e.configFile, path);
    assert.equal(e.requireMaintenanceWindow, true);
    assert.deepEqual(e.exemptions["aks-kms-private-key-vault"], { clusters: [], tag: "kms-exempt" });
    assert.deepEqual(e.exemptions["aks-private-cluster"], {
      clusters: ["aks-legacy"],
      tag: "private-cluster-exempt",
    });
  });

  const refused: { name: string; text: string; message: (path: string) => string }[] = [
    {
      name: "a level that is not one, naming the file, the policy, the value and the levels",
      text: '{"aks-private-cluster":"strict"}',
      message: (p) =>
        `--policy-config ${p}: "aks-private-cluster" is "strict", which is not an enforcement level: use one of ` +
        '"advisory", "mandatory", "remediate", "disabled".',
    },
    {
      name: "a setting of the wrong type, naming the policy, the setting, the value and the type",
      text: '{"aks-node-os-auto-upgrade":{"requireMaintenanceWindow":"yes"}}',
      message: (p) =>
        `Policy pack "aks-trusted-access" config (--policy-config ${p}) is not valid: policy ` +
        '"aks-node-os-auto-upgrade": property "requireMaintenanceWindow" is "yes", but it must be a boolean ' +
        "(true or false).",
    },
    {
      name: "an empty exemption tag",
      text: '{"aks-kms-private-key-vault":{"exemptTag":""}}',
      message: (p) =>
        `Policy pack "aks-trusted-access" config (--policy-config ${p}) is not valid: policy ` +
        '"aks-kms-private-key-vault": property "exemptTag" is "", but it must NOT have fewer than 1 characters.',
    },
    {
      name: "a policy the pack does not have, listing those it has",
      text: '{"aks-private-clusters":"mandatory"}',
      message: (p) =>
        `Policy pack "aks-trusted-access" (--policy-config ${p}) has no policy "aks-private-clusters": its ` +
        'policies are "aks-cluster-system-assigned-identity", "aks-kms-private-key-vault", "aks-node-os-auto-upgrade", ' +
        '"aks-node-pool-fips", "aks-private-cluster", "aks-trusted-access-binding-limits", ' +
        '"aks-trusted-access-binding-valid", "aks-trusted-access-privileged-roles", "aks-trusted-access-required" ' +
        '(and "all" sets every level).',
    },
  ];
  for (const c of refused) {
    it(`refuses ${c.name}`, async () => {
      const path = file("bad.json", c.text);
      await assert.rejects(loadEnforcement(path), (err: unknown) => {
        assert.ok(err instanceof CheckError);
        assert.equal(err.message, c.message(path));
        return true;
      });
    });
  }

  it("refuses a file it cannot read, naming it", async () => {
    const path = join(dir, "missing.json");
    await assert.rejects(loadEnforcement(path), (err: unknown) => {
      assert.ok(err instanceof CheckError);
      assert.match(err.message, new RegExp(`^--policy-config ${path} cannot be read: ENOENT`));
      return true;
    });
  });
});
