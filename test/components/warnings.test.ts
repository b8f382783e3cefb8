import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { TrustedAccessRole } from "../../domain";
import { OTHER_SUBSCRIPTION, WORKSPACE_ID, bindingsArgs, clusterArgs, mlBinding } from "./support/fixtures";
import { CLUSTER_SUBSCRIPTION, runProgram } from "./support/harness";

const BINDING = "azure-native:containerservice:TrustedAccessRoleBinding";
const NEW_ROLE = "Microsoft.MachineLearningServices/workspaces/mlworkload-v2";
const FOREIGN_WORKSPACE_ID = WORKSPACE_ID.replace(CLUSTER_SUBSCRIPTION, OTHER_SUBSCRIPTION);

const uncatalogued = (prefix: string, map: string) =>
  `${prefix}${map}["ml"].roles[1] "${NEW_ROLE}" is not in this package's role catalog (a westeurope snapshot). ` +
  "Azure adds roles by region: check that your cluster's region offers it with " +
  "`az aks trustedaccess role list --location <cluster-location>`.";

const foreign = (prefix: string, map: string) =>
  `${prefix}${map}["ml"].sourceResourceId is in subscription ${OTHER_SUBSCRIPTION}, but the cluster is in ` +
  `subscription ${CLUSTER_SUBSCRIPTION}: Azure documents Trusted Access for sources in the cluster's own ` +
  "subscription.";

describe("component warnings", () => {
  const roles = [TrustedAccessRole.MachineLearningWorkload, NEW_ROLE];

  it("warns once, on the component, about a role the catalog does not hold, and still creates the binding", async () => {
    const run = await runProgram(
      ({ AksCluster }) =>
        new AksCluster("prod", clusterArgs({ trustedAccess: { ml: mlBinding({ roles }) } })),
    );
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(
      run.warnings.map((w) => w.message),
      [uncatalogued('AksCluster "prod": ', "trustedAccess")],
    );
    assert.strictEqual(run.warnings[0].resource, run.value);
    assert.deepStrictEqual(
      run.registrations.filter((r) => r.type === BINDING).map((r) => r.inputs.roles),
      [roles],
    );
  });

  it("warns the same, once, when the roles arrive as an Output", async () => {
    const run = await runProgram(
      ({ TrustedAccessBindings }) =>
        new TrustedAccessBindings(
          "prod",
          bindingsArgs({ bindings: { ml: mlBinding({ roles: pulumi.output(roles) }) } }),
        ),
    );
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(
      run.warnings.map((w) => w.message),
      [uncatalogued('TrustedAccessBindings "prod": ', "bindings")],
    );
  });

  it("warns when a source sits in another subscription than the created cluster", async () => {
    const run = await runProgram(
      ({ AksCluster }) =>
        new AksCluster(
          "prod",
          clusterArgs({ trustedAccess: { ml: mlBinding({ sourceResourceId: FOREIGN_WORKSPACE_ID }) } }),
        ),
    );
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(
      run.warnings.map((w) => w.message),
      [foreign('AksCluster "prod": ', "trustedAccess")],
    );
    assert.strictEqual(run.warnings[0].resource, run.value);
  });

  it("warns when a source sits in another subscription than an existing cluster, once the binding shows it", async () => {
    const run = await runProgram(
      ({ TrustedAccessBindings }) =>
        new TrustedAccessBindings(
          "prod",
          bindingsArgs({ bindings: { ml: mlBinding({ sourceResourceId: FOREIGN_WORKSPACE_ID }) } }),
        ),
    );
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(
      run.warnings.map((w) => w.message),
      [foreign('TrustedAccessBindings "prod": ', "bindings")],
    );
    assert.strictEqual(run.warnings[0].resource, run.value);
  });

  it("does not warn about subscriptions while the cluster's id is unknown during preview", async () => {
    const run = await runProgram(
      ({ AksCluster }) =>
        new AksCluster(
          "prod",
          clusterArgs({ trustedAccess: { ml: mlBinding({ sourceResourceId: FOREIGN_WORKSPACE_ID }) } }),
        ),
      { preview: true },
    );
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(run.warnings, []);
  });

  it("does not warn about compliant bindings", async () => {
    const cluster = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    assert.deepStrictEqual(cluster.warnings, []);
    const existing = await runProgram(
      ({ TrustedAccessBindings }) => new TrustedAccessBindings("prod", bindingsArgs()),
    );
    assert.deepStrictEqual(existing.warnings, []);
  });
});
