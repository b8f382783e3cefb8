import * as assert from "assert";
import * as fc from "fast-check";
import { PolicyResource } from "@pulumi/policy";
import { UNKNOWN } from "../../domain";
import { bindingsOf, clusterBindings } from "../../policypack/readers/bindingLinks";
import { ClusterLocator } from "../../policypack/readers/clusterLocator";
import { TextReading } from "../../policypack/readers/plainProps";
import { StackBinding, StackCluster } from "../../policypack/readers/stackResources";

/**
 * `clusterBindings` is the indexed form of `bindingsOf`, which compares every binding with every cluster: for any
 * stack, both must give every cluster the same bindings, in the same order. Values come from small pools so that
 * groups and names collide often (also differing only in case), with unknown and missing parts, property
 * dependencies on clusters, on other resources and on nothing.
 */
const CLUSTER_TYPE = "azure-native:containerservice:ManagedCluster";
const CLASSIC_CLUSTER_TYPE = "azure:containerservice/kubernetesCluster:KubernetesCluster";
const OTHER_TYPE = "azure-native:resources:ResourceGroup";

const text = (...pool: string[]): fc.Arbitrary<TextReading> =>
  fc.oneof(fc.constantFrom(...pool), fc.constant(UNKNOWN), fc.constant(undefined));

const ref: fc.Arbitrary<ClusterLocator> = fc.record({
  subscriptionId: text("sub-1", "SUB-1", "sub-2"),
  resourceGroupName: text("rg-a", "RG-A", "rg-b"),
  clusterName: text("aks-1", "AKS-1", "aks-2", "aks-3"),
});

function policyResource(type: string, name: string): PolicyResource {
  return {
    type,
    name,
    urn: `urn:pulumi:test::bench::${type}::${name}`,
    props: {},
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  };
}

interface StackShape {
  readonly clusters: readonly { readonly ref: ClusterLocator; readonly classic: boolean }[];
  readonly bindings: readonly {
    readonly target: ClusterLocator;
    readonly classic: boolean;
    /** Indexes into the clusters (modulo their count), and -1 for a resource that is not a cluster. */
    readonly dependsOn: readonly number[];
  }[];
}

const stackShape: fc.Arbitrary<StackShape> = fc.record({
  clusters: fc.array(fc.record({ ref, classic: fc.boolean() }), { minLength: 1, maxLength: 8 }),
  bindings: fc.array(
    fc.record({
      target: ref,
      classic: fc.boolean(),
      dependsOn: fc.array(fc.integer({ min: -1, max: 7 }), { maxLength: 2 }),
    }),
    { maxLength: 12 },
  ),
});

function build(shape: StackShape): { clusters: StackCluster[]; bindings: StackBinding[] } {
  const other = policyResource(OTHER_TYPE, "rg");
  const clusters = shape.clusters.map((c, i): StackCluster => ({
    resource: policyResource(c.classic ? CLASSIC_CLUSTER_TYPE : CLUSTER_TYPE, `cluster-${i}`),
    provider: c.classic ? "azure" : "azure-native",
    ref: c.ref,
    tags: undefined,
  }));
  const bindings = shape.bindings.map((b, i): StackBinding => {
    const clusterProperty = b.classic ? "kubernetesClusterId" : "resourceName";
    const resource = policyResource("azure-native:containerservice:TrustedAccessRoleBinding", `binding-${i}`);
    resource.propertyDependencies[clusterProperty] = b.dependsOn.map((d) =>
      d < 0 ? other : clusters[d % clusters.length].resource,
    );
    return {
      resource,
      provider: b.classic ? "azure" : "azure-native",
      clusterProperty,
      target: b.target,
      nameField: "name",
      name: `b${i}`,
      roles: [],
      sourceResourceId: undefined,
    };
  });
  return { clusters, bindings };
}

const names = (bindings: readonly StackBinding[]): string[] => bindings.map((b) => b.resource.name);

describe("clusterBindings", () => {
  it("gives every cluster the same targeting and undecided bindings as comparing each pair", () => {
    fc.assert(
      fc.property(stackShape, (shape) => {
        const { clusters, bindings } = build(shape);
        const indexed = clusterBindings(clusters, bindings);
        for (const cluster of clusters) {
          const expected = bindingsOf(cluster, bindings);
          const actual = indexed(cluster);
          assert.deepStrictEqual(names(actual.targeting), names(expected.targeting));
          assert.deepStrictEqual(names(actual.undecided), names(expected.undecided));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the bindings of a cluster by property dependency and by name, and none for an unrelated one", () => {
    const shape: StackShape = {
      clusters: [
        {
          ref: { subscriptionId: undefined, resourceGroupName: "rg-a", clusterName: "aks-1" },
          classic: false,
        },
        {
          ref: { subscriptionId: undefined, resourceGroupName: "rg-a", clusterName: "aks-2" },
          classic: false,
        },
        {
          ref: { subscriptionId: undefined, resourceGroupName: "rg-b", clusterName: "aks-3" },
          classic: false,
        },
      ],
      bindings: [
        {
          target: { subscriptionId: undefined, resourceGroupName: "rg-a", clusterName: UNKNOWN },
          classic: false,
          dependsOn: [0],
        },
        {
          target: { subscriptionId: undefined, resourceGroupName: "RG-A", clusterName: "AKS-2" },
          classic: false,
          dependsOn: [],
        },
      ],
    };
    const { clusters, bindings } = build(shape);
    const indexed = clusterBindings(clusters, bindings);
    assert.deepStrictEqual(
      clusters.map((c) => [names(indexed(c).targeting), names(indexed(c).undecided)]),
      [
        [["binding-0"], []],
        [["binding-1"], []],
        [[], []],
      ],
    );
  });
});
