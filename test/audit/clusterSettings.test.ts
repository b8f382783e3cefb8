import { strict as assert } from "node:assert";
import type { ManagedCluster } from "@azure/arm-containerservice";
import { settingsFromArmJson, settingsFromSdk } from "../../cli/audit/inventory/clusterSettings";
import { CHECKED_RULES, catalogEntry } from "../../cli/audit/rules";
import { assessRule } from "../../cli/audit/assessSettings";
import type { ClusterSettings } from "../../cli/audit/report";
import { CLUSTER_RULES, ClusterRuleId } from "../../domain";

const kms = {
  enabled: true,
  keyId: "https://kv.vault.azure.net/keys/etcd/1",
  keyVaultNetworkAccess: "Private",
  keyVaultResourceId: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
};

const onCluster = (settings: ClusterSettings) => ({ identityType: "UserAssigned", settings });
const everyRule = (settings: ClusterSettings) =>
  (Object.keys(CLUSTER_RULES) as ClusterRuleId[]).map((rule) => [
    rule,
    assessRule(rule, onCluster(settings)),
  ]);

describe("a cluster's rule settings from either cluster source", () => {
  it("reads the same verdicts from the SDK's model and from Resource Graph's ARM JSON (enableFIPS, osSKU)", () => {
    const sdk = settingsFromSdk({
      location: "westeurope",
      autoUpgradeProfile: { nodeOSUpgradeChannel: "SecurityPatch", upgradeChannel: "stable" },
      apiServerAccessProfile: { enablePrivateCluster: true },
      agentPoolProfiles: [
        { name: "system", enableFips: true, osType: "Linux", osSKU: "AzureLinux" },
        { name: "win", enableFips: false, osType: "Windows", osSKU: "Windows2019" },
      ],
      securityProfile: { azureKeyVaultKms: kms },
    } as ManagedCluster);
    const graph = settingsFromArmJson({
      properties: {
        autoUpgradeProfile: { nodeOSUpgradeChannel: "SecurityPatch", upgradeChannel: "stable" },
        apiServerAccessProfile: { enablePrivateCluster: true },
        agentPoolProfiles: [
          { name: "system", enableFIPS: true, osType: "Linux", osSKU: "AzureLinux", count: 3 },
          { name: "win", enableFIPS: false, osType: "Windows", osSKU: "Windows2019" },
        ],
        securityProfile: { azureKeyVaultKms: kms },
      },
    });
    assert.deepEqual(everyRule(graph), everyRule(sdk));
    assert.deepEqual(assessRule("node-pool-fips", onCluster(sdk)), {
      findings: [
        {
          rule: "node-pool-fips",
          nodePool: "win",
          message: 'has node pool "win" without a FIPS-enabled OS (enableFIPS is false).',
        },
      ],
    });
    // The verdicts that pass prove the fields were read: without them every rule would fail.
    for (const rule of ["node-os-auto-upgrade", "private-cluster", "kms-private-key-vault"] as const) {
      assert.deepEqual(assessRule(rule, onCluster(sdk)), { findings: [] }, rule);
    }
  });

  it("reads Resource Graph's null columns and odd shapes as absent, without throwing", () => {
    const odd = settingsFromArmJson({
      properties: {
        autoUpgradeProfile: null,
        apiServerAccessProfile: "private",
        agentPoolProfiles: [null, { enableFIPS: true }],
        securityProfile: { azureKeyVaultKms: null },
      },
    });
    assert.deepEqual(assessRule("node-pool-fips", onCluster(odd)), {
      findings: [
        {
          rule: "node-pool-fips",
          nodePool: "agentPoolProfiles[0]",
          message:
            'has node pool "agentPoolProfiles[0]" without a FIPS-enabled OS (enableFIPS is undefined).',
        },
      ],
    });
    assert.deepEqual(
      assessRule("private-cluster", onCluster(odd)).findings[0]?.message,
      "has a public API server (apiServerAccessProfile.enablePrivateCluster is undefined).",
    );
    assert.deepEqual(settingsFromArmJson({ properties: null }), {});
  });
});

describe("the rules audit checks", () => {
  it("are the audit rule ids of the domain's catalog of five, in its order", () => {
    assert.deepEqual(
      CHECKED_RULES,
      Object.values(CLUSTER_RULES).map((r) => r.auditRule),
    );
    for (const rule of CHECKED_RULES) assert.equal(catalogEntry(rule).auditRule, rule);
  });
});
