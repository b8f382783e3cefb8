import * as assert from "assert";
import { nodePoolFips } from "../../policypack/policies";
import { runStackPolicy, urnOf } from "./support/policyRunner";
import { AKS, exemptHint, messagesOf } from "./support/clusterRules";
import {
  CLASSIC_CLUSTER,
  CLASSIC_NODE_POOL,
  CLUSTER_ID,
  NATIVE_AGENT_POOL,
  NATIVE_AGENT_POOL_V20240901,
  NATIVE_CLUSTER,
  classicNodePoolProps,
  compliantClassicClusterProps,
  compliantNativeClusterInputs,
  compliantNativeClusterOutputs,
  nativeAgentPoolInputs,
  nativeAgentPoolOutputs,
  resource,
} from "./support/resources";
import { UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, UNKNOWN_STRING } from "./support/wire";

const RULE = '"Enable FIPS for AKS Cluster Node Pools"';
const HINT = exemptHint("node-pool-fips-exempt");
const fix = (field: string, cluster = "aks-prod", pool = "user", group = "rg-aks") =>
  `set ${field} to true on the pool (the AksCluster component does for each of its pools), or for a pool that ` +
  `exists run az aks nodepool update --resource-group ${group} --cluster-name ${cluster} --name ${pool} ` +
  `--enable-fips-image${HINT}`;
const withoutFips = (subject: string, pool: string, field: string, value: string, fixed = fix(field)) =>
  `${subject} has node pool "${pool}" without a FIPS-enabled OS (${field} is ${value}). This fails the ` +
  `Cloud Conformity rule ${RULE}: ${fixed}`;

const check = (resources: Parameters<typeof messagesOf>[1], config: object = {}) =>
  messagesOf(nodePoolFips, resources, config);
const nativeCluster = (props: object = compliantNativeClusterInputs()) =>
  resource(NATIVE_CLUSTER, "aks", props);
/** A separate pool whose resourceName was computed from the cluster's outputs, as the components declare it. */
const poolOf = (
  cluster: ReturnType<typeof nativeCluster>,
  props: object = nativeAgentPoolInputs(),
  type = NATIVE_AGENT_POOL,
) => resource(type, "aks-user", props, { propertyDependencies: { resourceName: [cluster] } });

describe("aks-node-pool-fips", () => {
  it("is advisory by default", () => assert.strictEqual(nodePoolFips.enforcementLevel, "advisory"));

  it("passes FIPS pools, inline and separate, in preview and after an update", async () => {
    const cluster = nativeCluster();
    assert.deepStrictEqual(await check([cluster, poolOf(cluster)]), []);
    const existing = nativeCluster(compliantNativeClusterOutputs());
    assert.deepStrictEqual(await check([existing, poolOf(existing, nativeAgentPoolOutputs())]), []);
  });

  it("flags each inline pool without FIPS, by name, at the cluster's URN", async () => {
    const cluster = nativeCluster(
      compliantNativeClusterInputs({
        agentPoolProfiles: [
          { name: "system", mode: "System", enableFIPS: true },
          { name: "batch", mode: "User" },
          { name: "gpu", mode: "User", enableFIPS: false },
        ],
      }),
    );
    assert.deepStrictEqual(await runStackPolicy(nodePoolFips, [cluster]), [
      {
        message: withoutFips(AKS, "batch", "enableFIPS", "undefined", fix("enableFIPS", "aks-prod", "batch")),
        urn: urnOf(cluster),
      },
      {
        message: withoutFips(AKS, "gpu", "enableFIPS", "false", fix("enableFIPS", "aks-prod", "gpu")),
        urn: urnOf(cluster),
      },
    ]);
  });

  it("flags a separate AgentPool of any API version without FIPS, at the pool's URN", async () => {
    for (const type of [NATIVE_AGENT_POOL, NATIVE_AGENT_POOL_V20240901]) {
      const cluster = nativeCluster();
      const pool = poolOf(
        cluster,
        nativeAgentPoolInputs({ resourceName: UNKNOWN_STRING, enableFIPS: false }),
        type,
      );
      assert.deepStrictEqual(await runStackPolicy(nodePoolFips, [cluster, pool]), [
        { message: withoutFips(AKS, "user", "enableFIPS", "false"), urn: urnOf(pool) },
      ]);
    }
  });

  it("reads an existing pool's outputs first: what Azure runs", async () => {
    const cluster = nativeCluster(compliantNativeClusterOutputs());
    const pool = poolOf(cluster, nativeAgentPoolOutputs({ enableFIPS: false }));
    assert.deepStrictEqual(await check([cluster, pool]), [withoutFips(AKS, "user", "enableFIPS", "false")]);
  });

  it("names a pool of a cluster declared elsewhere by the cluster's group and name", async () => {
    const pool = resource(NATIVE_AGENT_POOL, "aks-user", nativeAgentPoolInputs({ enableFIPS: false }));
    assert.deepStrictEqual(await check([pool]), [
      withoutFips('AKS cluster "aks-prod" in resource group "rg-aks"', "user", "enableFIPS", "false"),
    ]);
    assert.deepStrictEqual(await check([pool], { exemptClusters: ["aks-prod"] }), []);
  });

  it("passes a Windows Server 2025 pool without the flag (always FIPS), not 2019, 2022 or the default SKU", async () => {
    const windows = (osSKU?: string) =>
      nativeAgentPoolInputs({
        agentPoolName: "win",
        osType: "Windows",
        enableFIPS: undefined,
        ...(osSKU ? { osSKU } : {}),
      });
    const cluster = nativeCluster();
    assert.deepStrictEqual(await check([cluster, poolOf(cluster, windows("Windows2025"))]), []);
    for (const osSKU of ["Windows2019", "Windows2022", undefined]) {
      assert.deepStrictEqual(await check([cluster, poolOf(cluster, windows(osSKU))]), [
        withoutFips(AKS, "win", "enableFIPS", "undefined", fix("enableFIPS", "aks-prod", "win")),
      ]);
    }
  });

  it("gives no verdict while a pool list, a pool's FIPS setting or its OS type is unknown", async () => {
    const unknownList = nativeCluster({
      ...compliantNativeClusterInputs(),
      agentPoolProfiles: UNKNOWN_ARRAY,
    });
    assert.deepStrictEqual(await check([unknownList]), []);
    const cluster = nativeCluster();
    for (const change of [{ enableFIPS: UNKNOWN_BOOLEAN }, { enableFIPS: false, osType: UNKNOWN_STRING }]) {
      assert.deepStrictEqual(
        await check([cluster, poolOf(cluster, { ...nativeAgentPoolInputs(), ...change })]),
        [],
      );
    }
  });

  it("exempts separate pools with their cluster, and gives no verdict while a pool may belong to an exempt one", async () => {
    const exempt = nativeCluster(compliantNativeClusterInputs({ tags: { "node-pool-fips-exempt": "" } }));
    assert.deepStrictEqual(
      await check([exempt, poolOf(exempt, nativeAgentPoolInputs({ enableFIPS: false }))]),
      [],
    );
    const undecided = resource(
      NATIVE_AGENT_POOL,
      "aks-user",
      nativeAgentPoolInputs({ resourceName: UNKNOWN_STRING, enableFIPS: false }),
    );
    assert.deepStrictEqual(await check([exempt, undecided]), []);
  });

  it("reads the classic defaultNodePool and KubernetesClusterNodePool", async () => {
    const classic = resource(CLASSIC_CLUSTER, "aks", compliantClassicClusterProps());
    const pool = resource(
      CLASSIC_NODE_POOL,
      "aks-user",
      classicNodePoolProps({ kubernetesClusterId: CLUSTER_ID.toUpperCase() }),
    );
    assert.deepStrictEqual(await check([classic, pool]), []);
    const plain = resource(
      CLASSIC_CLUSTER,
      "aks",
      compliantClassicClusterProps({ defaultNodePool: { name: "system", vmSize: "Standard_D4s_v5" } }),
    );
    const windows2019 = resource(
      CLASSIC_NODE_POOL,
      "aks-win",
      classicNodePoolProps({ name: "win", osType: "Windows", osSku: "Windows2019", fipsEnabled: false }),
    );
    assert.deepStrictEqual(await check([plain, windows2019]), [
      `${AKS} has default node pool "system" without a FIPS-enabled OS (defaultNodePool.fipsEnabled is ` +
        `undefined). This fails the Cloud Conformity rule ${RULE}: ` +
        fix("defaultNodePool.fipsEnabled", "aks-prod", "system"),
      withoutFips(AKS, "win", "fipsEnabled", "false", fix("fipsEnabled", "aks-prod", "win")),
    ]);
  });
});
