import * as assert from "assert";
import { reconcilePolicyConfig } from "../../../cli/check/policy/reconcilePolicyConfig";
import { EnforcementLevel, unknown } from "../../../cli/packHost";
import { analyzeLikeTheEngine } from "../support/engineRun";
import { POLICY, PolicyName, verdict } from "../support/expected";
import { CLUSTER_GROUP, SUBSCRIPTION, clusterId, packForSuite } from "../support/scenarios";
import { TestStack } from "../support/testStack";

const RULE_POLICIES: readonly PolicyName[] = [POLICY.nodeOs, POLICY.privateCluster, POLICY.fips, POLICY.kms];
const KEY_ID = "https://kv-aks.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef";
const VAULT_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/${CLUSTER_GROUP}/providers/Microsoft.KeyVault/vaults/kv`;
const COMPLIANT = {
  autoUpgradeProfile: { nodeOSUpgradeChannel: "NodeImage" },
  apiServerAccessProfile: { enablePrivateCluster: true },
  agentPoolProfiles: [{ name: "system", enableFIPS: true, osType: "Linux" }],
  securityProfile: {
    azureKeyVaultKms: {
      enabled: true,
      keyId: KEY_ID,
      keyVaultNetworkAccess: "Private",
      keyVaultResourceId: VAULT_ID,
    },
  },
};
const CONFLICT =
  'Azure refuses KMS etcd encryption on a cluster with a system-assigned managed identity ("AzureKeyVaultKms ' +
  'feature does not support cluster identity type SystemAssigned"), while the Trusted Access rule asks for a ' +
  "system-assigned cluster identity, so no cluster passes both: choose the rule your compliance report weighs " +
  "more, give the cluster the identity that rule needs (user-assigned for KMS), and exempt the cluster from the " +
  "other rule, with its reason";
const hint = (tag: string) => `; to exempt it, tag it "${tag}" or list it in exemptClusters.`;
const SUBJECT = 'AKS cluster "bare" (Azure name "aks-bare")';

/** The four verdicts on a cluster that declares none of the rules' settings and a separate pool without FIPS. */
function bareVerdicts(
  levels: Readonly<Record<string, EnforcementLevel>>,
  clusterUrn: string,
  poolUrn: string,
  classicPoolUrn?: string,
) {
  // In the pack's order of policies, as the SDK reports them.
  return [
    verdict(
      POLICY.nodeOs,
      levels[POLICY.nodeOs],
      clusterUrn,
      `${SUBJECT} sets no autoUpgradeProfile.nodeOSUpgradeChannel, so its nodes' OS is not updated automatically. ` +
        'This fails the Cloud Conformity rule "Enable and Configure Node OS Auto-Upgrades": set ' +
        'autoUpgradeProfile.nodeOSUpgradeChannel to "NodeImage" (the AksCluster component\'s default) or ' +
        '"SecurityPatch", or for a cluster that exists run az aks update --resource-group rg-aks --name aks-bare ' +
        `--node-os-upgrade-channel NodeImage${hint("node-os-auto-upgrade-exempt")}`,
    ),
    verdict(
      POLICY.privateCluster,
      levels[POLICY.privateCluster],
      clusterUrn,
      `${SUBJECT} has a public API server (apiServerAccessProfile.enablePrivateCluster is undefined). This fails ` +
        'the Cloud Conformity rule "Private Kubernetes Clusters": set apiServerAccessProfile.enablePrivateCluster ' +
        "to true (the AksCluster component's privateCluster does), or for a cluster that exists run az aks update " +
        "--resource-group rg-aks --name aks-bare --enable-private-cluster (clusters with API Server VNet " +
        "Integration; a Private Link cluster must be created anew with az aks create --enable-private-cluster)" +
        hint("private-cluster-exempt"),
    ),
    verdict(
      POLICY.fips,
      levels[POLICY.fips],
      poolUrn,
      `${SUBJECT} has node pool "gpu" without a FIPS-enabled OS (enableFIPS is undefined). This fails the Cloud ` +
        'Conformity rule "Enable FIPS for AKS Cluster Node Pools": set enableFIPS to true on the pool (the ' +
        "AksCluster component does for each of its pools), or for a pool that exists run az aks nodepool update " +
        "--resource-group rg-aks --cluster-name aks-bare --name gpu --enable-fips-image" +
        hint("node-pool-fips-exempt"),
    ),
    ...(classicPoolUrn === undefined
      ? []
      : [
          verdict(
            POLICY.fips,
            levels[POLICY.fips],
            classicPoolUrn,
            'AKS cluster "classic" (Azure name "aks-classic") has node pool "old" without a FIPS-enabled OS ' +
              '(fipsEnabled is undefined). This fails the Cloud Conformity rule "Enable FIPS for AKS Cluster Node ' +
              'Pools": set fipsEnabled to true on the pool (the AksCluster component does for each of its pools), ' +
              "or for a pool that exists run az aks nodepool update --resource-group rg-aks --cluster-name " +
              `aks-classic --name old --enable-fips-image${hint("node-pool-fips-exempt")}`,
          ),
        ]),
    verdict(
      POLICY.kms,
      levels[POLICY.kms],
      clusterUrn,
      `${SUBJECT} does not encrypt etcd with KMS (securityProfile.azureKeyVaultKms.enabled is undefined). This ` +
        'fails the Cloud Conformity rule "Use Private Key Vaults for Encryption at Rest in AKS": declare ' +
        'securityProfile.azureKeyVaultKms with enabled: true, keyId, keyVaultNetworkAccess: "Private" and ' +
        "keyVaultResourceId, or for a cluster that exists run az aks update --resource-group rg-aks --name " +
        "aks-bare --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <key-id> " +
        "--azure-keyvault-kms-key-vault-network-access Private --azure-keyvault-kms-key-vault-resource-id " +
        `<key-vault-resource-id> (needs a user-assigned identity). Before you do: ${CONFLICT}${hint("kms-private-key-vault-exempt")}`,
    ),
  ];
}

/**
 * A preview: a bare cluster and a pool linked to it, a compliant cluster, a compliant classic one with a Windows
 * Server 2025 pool (always FIPS) and a Windows Server 2019 pool without FIPS.
 */
function previewStack() {
  const stack = new TestStack();
  const bare = stack.nativeCluster("bare", { resourceGroupName: CLUSTER_GROUP, resourceName: "aks-bare" });
  const pool = stack.nativeAgentPool(
    "bare-gpu",
    { resourceGroupName: CLUSTER_GROUP, resourceName: unknown(), agentPoolName: "gpu" },
    { propertyDependencies: { resourceName: [bare] } },
  );
  stack.nativeCluster(
    "good",
    { resourceGroupName: CLUSTER_GROUP, resourceName: "aks-good", ...COMPLIANT },
    { type: "azure-native:containerservice/v20240901:ManagedCluster" },
  );
  const classic = stack.classicCluster("classic", {
    resourceGroupName: CLUSTER_GROUP,
    name: "aks-classic",
    privateClusterEnabled: true,
    nodeOsUpgradeChannel: "SecurityPatch",
    defaultNodePool: { name: "system", vmSize: "Standard_D4s_v5", fipsEnabled: true },
    keyManagementService: { keyVaultKeyId: KEY_ID, keyVaultNetworkAccess: "Private" },
  });
  stack.classicNodePool(
    "classic-win",
    {
      kubernetesClusterId: unknown(),
      name: "win",
      vmSize: "Standard_D4s_v5",
      osType: "Windows",
      osSku: "Windows2025",
    },
    { propertyDependencies: { kubernetesClusterId: [classic] } },
  );
  const classicPool = stack.classicNodePool(
    "classic-old",
    {
      kubernetesClusterId: unknown(),
      name: "old",
      vmSize: "Standard_D4s_v5",
      osType: "Windows",
      osSku: "Windows2019",
    },
    { propertyDependencies: { kubernetesClusterId: [classic] } },
  );
  return { stack, bare, pool, classicPool };
}

describe("the pack over whole stacks: the four related AKS rules, over gRPC", function () {
  this.timeout(180_000);
  const pack = packForSuite();
  const advisory = Object.fromEntries(RULE_POLICIES.map((p) => [p, "advisory" as const]));

  it("reports the four rules as advisory by default, in a preview of both providers", async () => {
    await pack().configure(reconcilePolicyConfig(await pack().info()));
    const { stack, bare, pool, classicPool } = previewStack();
    assert.deepStrictEqual(
      await analyzeLikeTheEngine(pack(), stack, RULE_POLICIES),
      bareVerdicts(advisory, bare.state.urn, pool.state.urn, classicPool.state.urn),
    );
  });

  it("reads existing clusters' outputs after an update, of both providers, and a pool's", async () => {
    await pack().configure(reconcilePolicyConfig(await pack().info()));
    const stack = new TestStack();
    const inputs = { resourceGroupName: CLUSTER_GROUP, resourceName: "aks-bare", ...COMPLIANT };
    const bare = stack.nativeCluster("bare", inputs, {
      outputs: {
        name: "aks-bare",
        id: clusterId("aks-bare"),
        ...COMPLIANT,
        apiServerAccessProfile: {},
        __inputs: inputs,
      },
    });
    const poolInputs = { resourceGroupName: CLUSTER_GROUP, resourceName: "aks-bare", agentPoolName: "gpu" };
    stack.nativeAgentPool("bare-gpu", poolInputs, {
      propertyDependencies: { resourceName: [bare] },
      outputs: { name: "gpu", enableFIPS: true, osType: "Linux", __inputs: poolInputs },
    });
    const classicInputs = {
      resourceGroupName: CLUSTER_GROUP,
      name: "aks-classic",
      nodeOsUpgradeChannel: "NodeImage",
      defaultNodePool: { name: "system", vmSize: "Standard_D4s_v5", fipsEnabled: true },
      keyManagementService: { keyVaultKeyId: KEY_ID, keyVaultNetworkAccess: "Private" },
    };
    // The classic provider's outputs share its inputs' names, with the id and Azure's values.
    const classic = stack.classicCluster("classic", classicInputs, {
      outputs: { ...classicInputs, id: clusterId("aks-classic"), privateClusterEnabled: false },
    });
    assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, RULE_POLICIES), [
      bareVerdicts(advisory, bare.state.urn, "")[1],
      verdict(
        POLICY.privateCluster,
        "advisory",
        classic.state.urn,
        'AKS cluster "classic" (Azure name "aks-classic") has a public API server (privateClusterEnabled is ' +
          'false). This fails the Cloud Conformity rule "Private Kubernetes Clusters": set privateClusterEnabled ' +
          "to true (the AksCluster component's privateCluster does), or for a cluster that exists run az aks " +
          "update --resource-group rg-aks --name aks-classic --enable-private-cluster (clusters with API Server " +
          "VNet Integration; a Private Link cluster must be created anew with az aks create " +
          `--enable-private-cluster)${hint("private-cluster-exempt")}`,
      ),
    ]);
  });

  it('makes them mandatory with "all": "mandatory" or one by one, through check\'s config and Configure', async () => {
    const info = await pack().info();
    const { stack, bare, pool, classicPool } = previewStack();
    const all = {
      file: "all.json",
      flag: "--policy-pack-config",
      entries: { all: { enforcementLevel: "mandatory" as const } },
    };
    await pack().configure(reconcilePolicyConfig(info, all));
    const mandatory = Object.fromEntries(RULE_POLICIES.map((p) => [p, "mandatory" as const]));
    assert.deepStrictEqual(
      await analyzeLikeTheEngine(pack(), stack, RULE_POLICIES),
      bareVerdicts(mandatory, bare.state.urn, pool.state.urn, classicPool.state.urn),
    );
    const one = {
      file: "one.json",
      flag: "--policy-pack-config",
      entries: { [POLICY.privateCluster]: { enforcementLevel: "mandatory" as const } },
    };
    await pack().configure(reconcilePolicyConfig(info, one));
    assert.deepStrictEqual(
      await analyzeLikeTheEngine(pack(), stack, RULE_POLICIES),
      bareVerdicts(
        { ...advisory, [POLICY.privateCluster]: "mandatory" },
        bare.state.urn,
        pool.state.urn,
        classicPool.state.urn,
      ),
    );
  });

  it("exempts by each policy's exemptClusters and exemptTag, and asks for the window when configured", async () => {
    const info = await pack().info();
    const config = {
      file: "exempt.json",
      flag: "--policy-pack-config",
      entries: {
        [POLICY.kms]: { properties: { exemptClusters: ["aks-bare"] } },
        [POLICY.fips]: { properties: { exemptTag: "lab" } },
        [POLICY.nodeOs]: { properties: { requireMaintenanceWindow: true } },
      },
    };
    await pack().configure(reconcilePolicyConfig(info, config));
    const stack = new TestStack();
    const bare = stack.nativeCluster("bare", {
      resourceGroupName: CLUSTER_GROUP,
      resourceName: "aks-bare",
      ...COMPLIANT,
      agentPoolProfiles: [{ name: "system" }],
      securityProfile: {},
      tags: { lab: "yes" },
    });
    stack.nativeMaintenance(
      "bare-node-os",
      {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: unknown(),
        configName: "aksManagedNodeOSUpgradeSchedule",
        maintenanceWindow: { durationHours: 2, startTime: "00:00" },
      },
      { propertyDependencies: { resourceName: [bare] } },
    );
    assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, RULE_POLICIES), [
      verdict(
        POLICY.nodeOs,
        "advisory",
        bare.state.urn,
        `${SUBJECT} has a node OS maintenance window whose maintenanceWindow.durationHours is 2, not whole hours ` +
          'from 4 to 24. This fails the Cloud Conformity rule "Enable and Configure Node OS Auto-Upgrades": declare a ' +
          "MaintenanceConfiguration named aksManagedNodeOSUpgradeSchedule for it whose " +
          "maintenanceWindow.durationHours is whole hours from 4 to 24 (the AksCluster component's nodeOsMaintenanceWindow " +
          "does), or for a cluster that exists run az aks maintenanceconfiguration add --resource-group rg-aks " +
          "--cluster-name aks-bare --name aksManagedNodeOSUpgradeSchedule --schedule-type Weekly --day-of-week " +
          `Sunday --interval-weeks 1 --start-time 00:00 --duration 4${hint("node-os-auto-upgrade-exempt")}`,
      ),
    ]);
  });
});
