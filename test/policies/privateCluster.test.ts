import * as assert from "assert";
import { privateCluster } from "../../policypack/policies";
import { runStackPolicy, urnOf } from "./support/policyRunner";
import { AKS, exemptHint, messagesOf } from "./support/clusterRules";
import {
  CLASSIC_CLUSTER,
  NATIVE_CLUSTER,
  NATIVE_CLUSTER_V20240901,
  compliantClassicClusterProps,
  compliantNativeClusterInputs,
  compliantNativeClusterOutputs,
  resource,
  withField,
} from "./support/resources";
import { UNKNOWN_BOOLEAN, UNKNOWN_OBJECT } from "./support/wire";

const FIX =
  "or for a cluster that exists run az aks update --resource-group rg-aks --name aks-prod " +
  "--enable-private-cluster (clusters with API Server VNet Integration; a Private Link cluster must be created " +
  "anew with az aks create --enable-private-cluster)";
const publicNative = (value: string) =>
  `${AKS} has a public API server (apiServerAccessProfile.enablePrivateCluster is ${value}). This fails the ` +
  'Cloud Conformity rule "Private Kubernetes Clusters": set apiServerAccessProfile.enablePrivateCluster to true ' +
  `(the AksCluster component's privateCluster does), ${FIX}${exemptHint("private-cluster-exempt")}`;

const check = (resources: Parameters<typeof messagesOf>[1], config: object = {}) =>
  messagesOf(privateCluster, resources, config);

describe("aks-private-cluster", () => {
  it("is advisory by default", () => assert.strictEqual(privateCluster.enforcementLevel, "advisory"));

  it("passes a private cluster in preview and after an update, under any API-version module", async () => {
    for (const type of [NATIVE_CLUSTER, NATIVE_CLUSTER_V20240901]) {
      assert.deepStrictEqual(await check([resource(type, "aks", compliantNativeClusterInputs())]), [], type);
      assert.deepStrictEqual(await check([resource(type, "aks", compliantNativeClusterOutputs())]), [], type);
    }
  });

  it("flags a cluster without apiServerAccessProfile, at the cluster's URN", async () => {
    const cluster = resource(
      NATIVE_CLUSTER,
      "aks",
      compliantNativeClusterInputs({ apiServerAccessProfile: undefined }),
    );
    assert.deepStrictEqual(await runStackPolicy(privateCluster, [cluster]), [
      { message: publicNative("undefined"), urn: urnOf(cluster) },
    ]);
  });

  it("quotes a resource group name in the az command as a shell needs it, as audit does", async () => {
    const inputs = compliantNativeClusterInputs({
      resourceGroupName: "rg (prod)",
      apiServerAccessProfile: undefined,
    });
    const [message] = await check([resource(NATIVE_CLUSTER, "aks", inputs)]);
    assert.match(
      message,
      / run az aks update --resource-group 'rg \(prod\)' --name aks-prod --enable-private-cluster /,
    );
  });

  it("flags a cluster whose outputs say the API server is public, whatever its inputs said", async () => {
    const outputs = compliantNativeClusterOutputs({
      apiServerAccessProfile: { enablePrivateCluster: false },
    });
    assert.deepStrictEqual(await check([resource(NATIVE_CLUSTER, "aks", outputs)]), [publicNative("false")]);
  });

  it("reads the inputs under __inputs when the outputs lack the profile", async () => {
    const outputs = compliantNativeClusterOutputs({
      apiServerAccessProfile: undefined,
      __inputs: compliantNativeClusterInputs({ apiServerAccessProfile: { enablePrivateCluster: false } }),
    });
    assert.deepStrictEqual(await check([resource(NATIVE_CLUSTER, "aks", outputs)]), [publicNative("false")]);
  });

  it("names a malformed value", async () => {
    const cluster = resource(
      NATIVE_CLUSTER,
      "aks",
      withField(compliantNativeClusterInputs(), "apiServerAccessProfile", { enablePrivateCluster: "yes" }),
    );
    assert.deepStrictEqual(await check([cluster]), [
      `${AKS} has apiServerAccessProfile.enablePrivateCluster "yes", not true. This fails the Cloud Conformity ` +
        'rule "Private Kubernetes Clusters": set apiServerAccessProfile.enablePrivateCluster to true (the ' +
        `AksCluster component's privateCluster does), ${FIX}${exemptHint("private-cluster-exempt")}`,
    ]);
  });

  it("gives no verdict while the setting or its profile is unknown in preview", async () => {
    for (const profile of [UNKNOWN_OBJECT, { enablePrivateCluster: UNKNOWN_BOOLEAN }]) {
      const cluster = resource(
        NATIVE_CLUSTER,
        "aks",
        withField(compliantNativeClusterInputs(), "apiServerAccessProfile", profile),
      );
      assert.deepStrictEqual(await check([cluster]), []);
    }
  });

  it("reads privateClusterEnabled of the classic provider", async () => {
    assert.deepStrictEqual(
      await check([resource(CLASSIC_CLUSTER, "aks", compliantClassicClusterProps())]),
      [],
    );
    const open = resource(
      CLASSIC_CLUSTER,
      "aks",
      compliantClassicClusterProps({ privateClusterEnabled: false }),
    );
    assert.deepStrictEqual(await check([open]), [
      `${AKS} has a public API server (privateClusterEnabled is false). This fails the Cloud Conformity rule ` +
        '"Private Kubernetes Clusters": set privateClusterEnabled to true (the AksCluster component\'s ' +
        `privateCluster does), ${FIX}${exemptHint("private-cluster-exempt")}`,
    ]);
  });

  it("accepts the exemptions of aks-trusted-access-required, with its own default tag", async () => {
    const open = compliantNativeClusterInputs({ apiServerAccessProfile: { enablePrivateCluster: false } });
    const tagged = (key: string) => resource(NATIVE_CLUSTER, "aks", { ...open, tags: { [key]: "" } });
    assert.deepStrictEqual(await check([tagged("Private-Cluster-Exempt")]), []);
    assert.deepStrictEqual(await check([tagged("trusted-access-exempt")]), [publicNative("false")]);
    assert.deepStrictEqual(await check([tagged("lab")], { exemptTag: "lab" }), []);
    assert.deepStrictEqual(
      await check([resource(NATIVE_CLUSTER, "aks", open)], { exemptClusters: ["AKS-PROD"] }),
      [],
    );
  });
});
