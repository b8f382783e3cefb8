import { strict as assert } from "node:assert";
import type { ManagedCluster } from "@azure/arm-containerservice";
import { settingsFromArmJson, settingsFromSdk } from "../../cli/audit/inventory/clusterSettings";
import { CHECKED_RULES, catalogEntry } from "../../cli/audit/rules";
import { CLUSTER_RULES } from "../../policypack/domain";

const kms = {
  enabled: true,
  keyId: "https://kv.vault.azure.net/keys/etcd/1",
  keyVaultNetworkAccess: "Private",
  keyVaultResourceId: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
};

describe("a cluster's rule settings from either cluster source", () => {
  it("reads the same settings from the SDK's model and from Resource Graph's ARM JSON (enableFIPS, osSKU)", () => {
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
      autoUpgradeProfile: { nodeOSUpgradeChannel: "SecurityPatch", upgradeChannel: "stable" },
      apiServerAccessProfile: { enablePrivateCluster: true },
      agentPoolProfiles: [
        { name: "system", enableFIPS: true, osType: "Linux", osSKU: "AzureLinux", count: 3 },
        { name: "win", enableFIPS: false, osType: "Windows", osSKU: "Windows2019" },
      ],
      azureKeyVaultKms: kms,
    });
    assert.deepEqual(graph, sdk);
    assert.deepEqual(sdk.nodePools[1], {
      name: "win",
      enableFips: false,
      osType: "Windows",
      osSku: "Windows2019",
    });
  });

  it("reads Resource Graph's null columns and odd shapes as absent, without throwing", () => {
    assert.deepEqual(
      settingsFromArmJson({
        autoUpgradeProfile: null,
        apiServerAccessProfile: "private",
        agentPoolProfiles: [null, { enableFIPS: true }],
        azureKeyVaultKms: null,
      }),
      {
        nodeOsUpgradeChannel: undefined,
        upgradeChannel: undefined,
        enablePrivateCluster: undefined,
        nodePools: [
          { name: "agentPoolProfiles[0]", enableFips: undefined, osType: undefined, osSku: undefined },
          { name: "agentPoolProfiles[1]", enableFips: true, osType: undefined, osSku: undefined },
        ],
        kms: undefined,
      },
    );
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
