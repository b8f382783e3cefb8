import * as assert from "assert";
import { TrustedAccessRole } from "../../domain";
import { bindingLimits } from "../../policypack/policies";
import { StackResourceFixture, Violation, runStackPolicy, urnOf } from "./support/policyRunner";
import {
  BACKUP_VAULT_ID,
  CLASSIC_BINDING,
  CLASSIC_CLUSTER,
  CLUSTER_ID,
  ML_WORKSPACE_ID,
  NATIVE_BINDING,
  NATIVE_CLUSTER,
  classicBindingProps,
  classicClusterProps,
  nativeBindingInputs,
  nativeBindingOutputs,
  nativeClusterInputs,
  resource,
  withoutField,
} from "./support/resources";
import { UNKNOWN_STRING } from "./support/wire";

const AKS = 'AKS cluster "aks" (Azure name "aks-prod")';
const workspace = (i: number): string => ML_WORKSPACE_ID.replace(/mlw$/, `mlw${i}`);

/** The i-th binding of a cluster: its own name and its own workspace, linked as the components link it. */
const bindingOf = (cluster: StackResourceFixture, i: number, overrides = {}): StackResourceFixture =>
  resource(
    NATIVE_BINDING,
    `b${i}`,
    nativeBindingInputs({
      trustedAccessRoleBindingName: `ml${i}`,
      sourceResourceId: workspace(i),
      ...overrides,
    }),
    { propertyDependencies: { resourceName: [cluster] } },
  );
const bindingsOf = (cluster: StackResourceFixture, count: number): StackResourceFixture[] =>
  Array.from({ length: count }, (_, i) => bindingOf(cluster, i));

const check = (resources: StackResourceFixture[]): Promise<Violation[]> =>
  runStackPolicy(bindingLimits, resources);

describe("aks-trusted-access-binding-limits", () => {
  const cluster = resource(NATIVE_CLUSTER, "aks", nativeClusterInputs());

  it("passes a cluster with 8 bindings of distinct names and sources", async () => {
    assert.deepStrictEqual(await check([cluster, ...bindingsOf(cluster, 8)]), []);
  });

  it("flags a ninth binding of a cluster, on the cluster's URN", async () => {
    assert.deepStrictEqual(await check([cluster, ...bindingsOf(cluster, 9)]), [
      {
        message:
          `${AKS}: 9 Trusted Access bindings (b0, b1, b2, b3, b4, b5, b6, b7, b8) target one cluster, but Azure ` +
          "allows at most 8: merge or remove 1 of them.",
        urn: urnOf(cluster),
      },
    ]);
  });

  it("flags two bindings of a cluster with one name, ignoring case", async () => {
    const violations = await check([
      cluster,
      bindingOf(cluster, 0),
      bindingOf(cluster, 1, { trustedAccessRoleBindingName: "ML0" }),
    ]);
    assert.deepStrictEqual(violations, [
      {
        message:
          `${AKS}: b1.trustedAccessRoleBindingName "ML0" is also the name of b0: binding names are unique per ` +
          "cluster, ignoring case, so rename one of them.",
        urn: urnOf(cluster),
      },
    ]);
  });

  it("flags two bindings of a cluster for one source", async () => {
    const violations = await check([
      cluster,
      bindingOf(cluster, 0),
      bindingOf(cluster, 1, { sourceResourceId: workspace(0) }),
    ]);
    assert.deepStrictEqual(
      violations.map((v) => v.message),
      [
        `${AKS}: b1.sourceResourceId "${workspace(0)}" is also the source of b0: give each source one binding ` +
          "that lists all its roles.",
      ],
    );
  });

  it("passes bindings of the same name on two different clusters", async () => {
    const dev = resource(NATIVE_CLUSTER, "dev", nativeClusterInputs({ resourceName: "aks-dev" }));
    assert.deepStrictEqual(
      await check([
        cluster,
        dev,
        bindingOf(cluster, 0),
        resource(
          NATIVE_BINDING,
          "d0",
          nativeBindingInputs({
            resourceName: "aks-dev",
            trustedAccessRoleBindingName: "ml0",
            sourceResourceId: workspace(0),
          }),
        ),
      ]),
      [],
    );
  });

  it("counts bindings linked by values and by propertyDependencies together", async () => {
    const byValue = resource(
      NATIVE_BINDING,
      "b8",
      nativeBindingInputs({ trustedAccessRoleBindingName: "ml8", sourceResourceId: workspace(8) }),
    );
    const violations = await check([cluster, ...bindingsOf(cluster, 8), byValue]);
    assert.deepStrictEqual(
      violations.map((v) => v.urn),
      [urnOf(cluster)],
    );
  });

  it("does not count a binding whose cluster is unknown during preview", async () => {
    const unknownTarget = resource(
      NATIVE_BINDING,
      "b8",
      nativeBindingInputs({
        resourceName: UNKNOWN_STRING,
        trustedAccessRoleBindingName: "ml0",
        sourceResourceId: workspace(0),
      }),
    );
    assert.deepStrictEqual(await check([cluster, ...bindingsOf(cluster, 8), unknownTarget]), []);
  });

  it("skips names and sources unknown during preview", async () => {
    const unknownName = bindingOf(cluster, 1, {
      trustedAccessRoleBindingName: UNKNOWN_STRING,
      sourceResourceId: UNKNOWN_STRING,
    });
    const alsoUnknown = bindingOf(cluster, 2, {
      trustedAccessRoleBindingName: UNKNOWN_STRING,
      sourceResourceId: UNKNOWN_STRING,
    });
    assert.deepStrictEqual(await check([cluster, bindingOf(cluster, 0), unknownName, alsoUnknown]), []);
  });

  it("checks bindings of a cluster declared outside the stack, grouped by resource group and name", async () => {
    const outside = (i: number, name: string) =>
      resource(
        NATIVE_BINDING,
        `x${i}`,
        nativeBindingInputs({
          resourceGroupName: "rg-shared",
          resourceName: "Shared",
          trustedAccessRoleBindingName: name,
          sourceResourceId: workspace(i),
        }),
      );
    assert.deepStrictEqual(await check([outside(0, "ml"), outside(1, "ML")]), [
      {
        message:
          'AKS cluster "Shared" in resource group "rg-shared": x1.trustedAccessRoleBindingName "ML" is also the ' +
          "name of x0: binding names are unique per cluster, ignoring case, so rename one of them.",
        urn: undefined,
      },
    ]);
  });

  it("does not pool bindings of two outside clusters that share a group and name in different subscriptions", async () => {
    const inSubscription = (i: number, sub: string) =>
      resource(
        CLASSIC_BINDING,
        `c${i}`,
        classicBindingProps({
          kubernetesClusterId: CLUSTER_ID.replace(/^\/subscriptions\/[^/]+/, `/subscriptions/${sub}`),
          sourceResourceId: workspace(i),
        }),
      );
    assert.deepStrictEqual(
      await check([
        inSubscription(0, "00000000-0000-0000-0000-000000000001"),
        inSubscription(1, "00000000-0000-0000-0000-000000000002"),
      ]),
      [],
    );
    assert.strictEqual(
      (
        await check([
          inSubscription(0, "00000000-0000-0000-0000-000000000001"),
          inSubscription(1, "00000000-0000-0000-0000-000000000001"),
        ])
      ).length,
      1,
    );
  });

  it("reads existing bindings' names and sources from their outputs and cluster from __inputs", async () => {
    const existing = (i: number) =>
      resource(
        NATIVE_BINDING,
        `e${i}`,
        nativeBindingOutputs({
          __inputs: withoutField(nativeBindingInputs(), "trustedAccessRoleBindingName"),
          name: "ml",
          sourceResourceId: BACKUP_VAULT_ID,
          roles: [TrustedAccessRole.BackupOperator],
        }),
      );
    const violations = await check([cluster, existing(0), existing(1)]);
    assert.deepStrictEqual(
      violations.map((v) => v.message),
      [
        `${AKS}: e1.trustedAccessRoleBindingName "ml" is also the name of e0: binding names are unique per ` +
          "cluster, ignoring case, so rename one of them.",
        `${AKS}: e1.sourceResourceId "${BACKUP_VAULT_ID}" is also the source of e0: give each source one ` +
          "binding that lists all its roles.",
      ],
    );
  });

  it("groups classic bindings by kubernetesClusterId, naming their name field", async () => {
    const classic = resource(CLASSIC_CLUSTER, "aks", classicClusterProps({ id: CLUSTER_ID }));
    const b = (i: number) =>
      resource(CLASSIC_BINDING, `c${i}`, classicBindingProps({ sourceResourceId: workspace(i) }));
    assert.deepStrictEqual(
      (await check([classic, b(0), b(1)])).map((v) => v.message),
      [
        `${AKS}: c1.name "ml" is also the name of c0: binding names are unique per cluster, ignoring case, so ` +
          "rename one of them.",
      ],
    );
  });
});
