import * as assert from "assert";
import {
  CLASSIC_BINDING,
  CLASSIC_CLUSTER,
  CLUSTER_ID,
  NATIVE_BINDING,
  classicBindingProps,
  classicClusterProps,
  nativeBindingInputs,
  resource,
} from "./support/resources";
import { AKS, check, uncovered } from "./support/trustedAccessRequired";
import { UNKNOWN_STRING } from "./support/wire";

describe("aks-trusted-access-required: classic azure provider", () => {
  const classicCluster = (props: object = classicClusterProps({ id: CLUSTER_ID })) =>
    resource(CLASSIC_CLUSTER, "aks", props);

  it("links a binding whose kubernetesClusterId is the cluster's id, ignoring case", async () => {
    const binding = resource(
      CLASSIC_BINDING,
      "aks-ml",
      classicBindingProps({ kubernetesClusterId: CLUSTER_ID.toLowerCase() }),
    );
    assert.deepStrictEqual(await check([classicCluster(), binding]), []);
  });

  it("links through propertyDependencies while the cluster's id is unknown in preview", async () => {
    const cluster = classicCluster(classicClusterProps({ id: UNKNOWN_STRING }));
    const binding = resource(
      CLASSIC_BINDING,
      "aks-ml",
      classicBindingProps({ kubernetesClusterId: UNKNOWN_STRING }),
      { propertyDependencies: { kubernetesClusterId: [cluster] } },
    );
    assert.deepStrictEqual(await check([cluster, binding]), []);
  });

  it("flags a classic cluster without a binding", async () => {
    assert.deepStrictEqual(
      (await check([classicCluster()])).map((v) => v.message),
      [uncovered(AKS)],
    );
  });

  it("flags a classic cluster whose binding names the same group and name in another subscription", async () => {
    const elsewhere = CLUSTER_ID.replace("5f0e3c2a", "00000000");
    const binding = resource(
      CLASSIC_BINDING,
      "aks-ml",
      classicBindingProps({ kubernetesClusterId: elsewhere }),
    );
    assert.deepStrictEqual(
      (await check([classicCluster(), binding])).map((v) => v.message),
      [uncovered(AKS)],
    );
  });

  it("does not report a cluster while a classic binding's cluster id is unknown", async () => {
    const binding = resource(
      CLASSIC_BINDING,
      "aks-ml",
      classicBindingProps({ kubernetesClusterId: UNKNOWN_STRING }),
    );
    assert.deepStrictEqual(await check([classicCluster(), binding]), []);
  });

  it("does not report a new cluster whose id, and so subscription, is unknown while a binding names it", async () => {
    const cluster = classicCluster(classicClusterProps({ id: UNKNOWN_STRING }));
    const elsewhere = CLUSTER_ID.replace("5f0e3c2a", "00000000");
    const binding = resource(
      CLASSIC_BINDING,
      "aks-ml",
      classicBindingProps({ kubernetesClusterId: elsewhere }),
    );
    assert.deepStrictEqual(await check([cluster, binding]), []);
  });

  it("links an azure-native binding to a classic cluster by resource group and name", async () => {
    const binding = resource(NATIVE_BINDING, "aks-ml", nativeBindingInputs());
    assert.deepStrictEqual(await check([classicCluster(classicClusterProps()), binding]), []);
  });
});
