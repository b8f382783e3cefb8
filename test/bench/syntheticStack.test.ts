import * as assert from "assert";
import { isUnknown } from "../../cli/packHost";
import { flavourOf, linkOf, syntheticStack, withoutBindingsOf } from "../../bench/pack/syntheticStack";

/**
 * The pack benchmark is only as good as its stacks: these pin down their shape. Whether the real pack reads
 * them as compliant, and flags a cluster without bindings, is checked against the pack itself before every
 * benchmark run (bench/pack/packSanity.ts, exercised by the smoke test).
 */
describe("synthetic stacks for the pack benchmark", () => {
  it("holds N clusters with 3 bindings each, and a resource group per 10 clusters", () => {
    const stack = syntheticStack(25);
    assert.strictEqual(stack.clusters.length, 25);
    assert.ok(stack.clusters.every((c) => c.bindingUrns.length === 3));
    const groups = stack.resources.filter((r) => r.type === "azure-native:resources:ResourceGroup");
    assert.deepStrictEqual(
      groups.map((g) => g.name),
      ["rg-bench-0", "rg-bench-1", "rg-bench-2"],
    );
    assert.strictEqual(stack.resources.length, 25 * 4 + 3);
  });

  it("declares two clusters in ten with the classic provider, two with a versioned token, the rest plainly", () => {
    const stack = syntheticStack(10);
    const types = stack.clusters.map((c) => stack.resources.find((r) => r.urn === c.urn)?.type);
    assert.deepStrictEqual(types, [
      "azure-native:containerservice:ManagedCluster",
      "azure-native:containerservice:ManagedCluster",
      "azure-native:containerservice/v20240901:ManagedCluster",
      "azure-native:containerservice/v20240901:ManagedCluster",
      "azure-native:containerservice:ManagedCluster",
      "azure-native:containerservice:ManagedCluster",
      "azure:containerservice/kubernetesCluster:KubernetesCluster",
      "azure:containerservice/kubernetesCluster:KubernetesCluster",
      "azure-native:containerservice:ManagedCluster",
      "azure-native:containerservice:ManagedCluster",
    ]);
    assert.deepStrictEqual(
      [0, 1, 2, 3, 6, 7].map((i) => `${flavourOf(i)}/${linkOf(i)}`),
      [
        "azure-native/propertyDependencies",
        "azure-native/names",
        "versioned/propertyDependencies",
        "versioned/names",
        "classic/propertyDependencies",
        "classic/names",
      ],
    );
  });

  it("links the bindings of an even cluster only through property dependencies, its name unknown", () => {
    const stack = syntheticStack(1);
    const [cluster] = stack.clusters;
    const bindings = stack.resources.filter((r) => cluster.bindingUrns.includes(r.urn));
    for (const binding of bindings) {
      assert.ok(isUnknown(binding.properties["resourceName"]), binding.name);
      assert.deepStrictEqual(binding.propertyDependencies?.["resourceName"], [cluster.urn]);
    }
  });

  it("links the bindings of an odd cluster by known names, without property dependencies", () => {
    const stack = syntheticStack(2);
    const cluster = stack.clusters[1];
    const resource = stack.resources.find((r) => r.urn === cluster.urn);
    const bindings = stack.resources.filter((r) => cluster.bindingUrns.includes(r.urn));
    assert.strictEqual(resource?.properties["resourceName"], "aks-bench-1");
    assert.deepStrictEqual(
      bindings.map((b) => [
        b.properties["resourceGroupName"],
        b.properties["resourceName"],
        b.propertyDependencies,
      ]),
      [
        ["rg-bench-0", "aks-bench-1", undefined],
        ["rg-bench-0", "aks-bench-1", undefined],
        ["rg-bench-0", "aks-bench-1", undefined],
      ],
    );
  });

  it("leaves out exactly one cluster's bindings on request", () => {
    const stack = syntheticStack(3);
    const left = withoutBindingsOf(stack, stack.clusters[1]);
    assert.strictEqual(left.length, stack.resources.length - 3);
    assert.ok(left.every((r) => !stack.clusters[1].bindingUrns.includes(r.urn)));
  });

  it("refuses a stack of no clusters", () => {
    assert.throws(() => syntheticStack(0), {
      message: "clusters must be a whole number of 1 or more, got 0",
    });
  });
});
