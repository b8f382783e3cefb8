import * as assert from "assert";
import { TrustedAccessRole } from "../../domain";
import {
  BACKUP_VAULT_ID,
  DEFENDER_OPERATOR_ID,
  ML_ROLES,
  WORKSPACE_ID,
  backupBinding,
  clusterArgs,
  mlBinding,
} from "./support/fixtures";
import {
  CLUSTER_SUBSCRIPTION,
  PRINCIPAL_ID,
  Registration,
  UNKNOWN_INPUT,
  TYPE,
  only,
  runProgram,
  valueOf,
} from "./support/harness";

const CLUSTER = TYPE.cluster;
const BINDING = TYPE.binding;
const WINDOW = TYPE.window;
const COMPONENT = TYPE.component;

/** Type and name of each registration; bindings register in whatever order their inputs resolve, so sorted. */
function typesAndNames(registrations: Registration[]): string[][] {
  return registrations.map((r) => [r.type, r.name]).sort((a, b) => a.join().localeCompare(b.join()));
}

describe("AksCluster", () => {
  it("registers the component, one cluster, its node OS window and one binding per trustedAccess entry, and nothing else", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    assert.strictEqual(run.thrown, undefined);
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(typesAndNames(run.registrations), [
      [COMPONENT, "prod"],
      [WINDOW, "prod-node-os-window"],
      [CLUSTER, "prod"],
      [BINDING, "prod-backup"],
      [BINDING, "prod-ml"],
    ]);
  });

  it("parents the cluster, its window and every binding to the component", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    const component = only(run.registrations, COMPONENT, "prod");
    assert.ok(component.urn);
    const children = run.registrations.filter((r) => r !== component);
    assert.deepStrictEqual(
      children.map((r) => [r.name, r.parent]),
      children.map((r) => [r.name, component.urn]),
    );
  });

  it("creates the cluster with a system-assigned identity and the documented secure defaults", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    const cluster = run.registrations.find((r) => r.type === CLUSTER);
    assert.deepStrictEqual(cluster?.inputs, {
      resourceGroupName: "rg",
      dnsPrefix: "prod",
      identity: { type: "SystemAssigned" },
      enableRBAC: true,
      disableLocalAccounts: true,
      aadProfile: { managed: true, enableAzureRBAC: true },
      autoUpgradeProfile: { upgradeChannel: "stable", nodeOSUpgradeChannel: "NodeImage" },
      agentPoolProfiles: [
        {
          name: "system",
          mode: "System",
          osType: "Linux",
          type: "VirtualMachineScaleSets",
          vmSize: "Standard_D4ds_v5",
          count: 3,
          availabilityZones: ["1", "2", "3"],
          enableFIPS: true,
        },
      ],
      apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: "system" },
    });
  });

  it("uses every setting the caller gives instead of the defaults", async () => {
    const run = await runProgram(
      ({ AksCluster, KubernetesUpgradeChannel, NodeOsUpgradeChannel }) =>
        new AksCluster(
          "prod",
          clusterArgs({
            location: "westeurope",
            clusterName: "prod_aks-1",
            kubernetesVersion: "1.33",
            systemNodePool: {
              name: "sys",
              vmSize: "Standard_D8ds_v5",
              count: 1,
              availabilityZones: [],
              enableFips: false,
            },
            upgradeChannel: KubernetesUpgradeChannel.None,
            nodeOsUpgradeChannel: NodeOsUpgradeChannel.SecurityPatch,
            disableLocalAccounts: false,
            enableAzureRbac: false,
            adminGroupObjectIds: ["group-1"],
            privateCluster: false,
            tags: { team: "ml" },
          }),
        ),
    );
    assert.deepStrictEqual(run.failures, []);
    const cluster = run.registrations.find((r) => r.type === CLUSTER);
    assert.deepStrictEqual(cluster?.inputs, {
      resourceGroupName: "rg",
      location: "westeurope",
      resourceName: "prod_aks-1",
      dnsPrefix: "prod-aks-1",
      kubernetesVersion: "1.33",
      identity: { type: "SystemAssigned" },
      enableRBAC: true,
      disableLocalAccounts: false,
      aadProfile: { managed: true, enableAzureRBAC: false, adminGroupObjectIDs: ["group-1"] },
      autoUpgradeProfile: { upgradeChannel: "none", nodeOSUpgradeChannel: "SecurityPatch" },
      agentPoolProfiles: [
        {
          name: "sys",
          mode: "System",
          osType: "Linux",
          type: "VirtualMachineScaleSets",
          vmSize: "Standard_D8ds_v5",
          count: 1,
          enableFIPS: false,
        },
      ],
      tags: { team: "ml" },
    });
  });

  it("keeps the system-assigned identity when a JavaScript caller passes another", async () => {
    const smuggled = { ...clusterArgs(), identity: { type: "UserAssigned" } };
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", smuggled));
    const cluster = run.registrations.find((r) => r.type === CLUSTER);
    assert.deepStrictEqual(cluster?.inputs.identity, { type: "SystemAssigned" });
  });

  it("binds each entry to the cluster by the cluster's name and group, with its roles and source", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    assert.deepStrictEqual(only(run.registrations, BINDING, "prod-ml").inputs, {
      resourceGroupName: "rg",
      resourceName: "proda1b2c3d4",
      trustedAccessRoleBindingName: "ml",
      roles: ML_ROLES,
      sourceResourceId: WORKSPACE_ID,
    });
    assert.deepStrictEqual(only(run.registrations, BINDING, "prod-backup").inputs, {
      resourceGroupName: "rg",
      resourceName: "proda1b2c3d4",
      trustedAccessRoleBindingName: "backup",
      roles: [TrustedAccessRole.BackupOperator],
      sourceResourceId: BACKUP_VAULT_ID,
    });
  });

  it("takes each binding's cluster name and group from the cluster's outputs, so the engine links them", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    const clusterUrn = only(run.registrations, CLUSTER, "prod").urn;
    assert.ok(clusterUrn);
    for (const name of ["prod-ml", "prod-backup"]) {
      const deps = only(run.registrations, BINDING, name).propertyDependencies;
      assert.deepStrictEqual(deps.resourceName, [clusterUrn], name);
      assert.deepStrictEqual(deps.resourceGroupName, [clusterUrn], name);
    }
  });

  it("asks for each binding to be replaced, deleting the old one first, when its source changes", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    const options = (r: Registration) => [r.name, r.replaceOnChanges, r.deleteBeforeReplace];
    assert.deepStrictEqual(options(only(run.registrations, BINDING, "prod-ml")), [
      "prod-ml",
      ["sourceResourceId"],
      true,
    ]);
    assert.deepStrictEqual(options(only(run.registrations, BINDING, "prod-backup")), [
      "prod-backup",
      ["sourceResourceId"],
      true,
    ]);
    // The bindings' options are theirs only: the cluster asks for replacement for its private API server alone.
    assert.deepStrictEqual(options(run.registrations.find((r) => r.type === CLUSTER) as Registration), [
      "prod",
      ["apiServerAccessProfile"],
      undefined,
    ]);
  });

  it("names a binding in Azure by its name when given, by its key otherwise", async () => {
    const run = await runProgram(
      ({ AksCluster }) =>
        new AksCluster(
          "prod",
          clusterArgs({ trustedAccess: { ml: mlBinding({ name: "ml-ws-1" }), backup: backupBinding() } }),
        ),
    );
    assert.strictEqual(
      only(run.registrations, BINDING, "prod-ml").inputs.trustedAccessRoleBindingName,
      "ml-ws-1",
    );
    assert.strictEqual(
      only(run.registrations, BINDING, "prod-backup").inputs.trustedAccessRoleBindingName,
      "backup",
    );
  });

  it("accepts a child of the roles' source type, as Defender's security operator", async () => {
    const defender = { sourceResourceId: DEFENDER_OPERATOR_ID, roles: [TrustedAccessRole.DefenderOperator] };
    const run = await runProgram(
      ({ AksCluster }) => new AksCluster("prod", clusterArgs({ trustedAccess: { defender } })),
    );
    assert.strictEqual(run.thrown, undefined);
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(run.warnings, []);
    assert.strictEqual(
      only(run.registrations, BINDING, "prod-defender").inputs.sourceResourceId,
      DEFENDER_OPERATOR_ID,
    );
  });

  it("gives two clusters in one stack children of their own names", async () => {
    const run = await runProgram(({ AksCluster }) => [
      new AksCluster("prod", clusterArgs()),
      new AksCluster("dev", clusterArgs()),
    ]);
    assert.deepStrictEqual(run.failures, []);
    const names = run.registrations.map((r) => `${r.type}::${r.name}`);
    assert.strictEqual(new Set(names).size, names.length);
    assert.deepStrictEqual(
      run.registrations
        .filter((r) => r.type === BINDING)
        .map((r) => r.name)
        .sort(),
      ["dev-backup", "dev-ml", "prod-backup", "prod-ml"],
    );
  });

  it("outputs the cluster, its bindings by key, its name, id, group and identity's principal id", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    const aks = run.value;
    assert.ok(aks);
    assert.strictEqual(
      await valueOf(aks.clusterId),
      `/subscriptions/${CLUSTER_SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/proda1b2c3d4`,
    );
    assert.strictEqual(await valueOf(aks.clusterName), "proda1b2c3d4");
    assert.strictEqual(await valueOf(aks.resourceGroupName), "rg");
    assert.strictEqual(await valueOf(aks.principalId), PRINCIPAL_ID);
    assert.strictEqual(
      await valueOf(aks.cluster.urn),
      run.registrations.find((r) => r.type === CLUSTER)?.urn,
    );
    assert.deepStrictEqual(Object.keys(aks.bindings), ["ml", "backup"]);
    assert.strictEqual(await valueOf(aks.bindings.ml.urn), only(run.registrations, BINDING, "prod-ml").urn);
    assert.deepStrictEqual(await valueOf(aks.bindings.backup.roles), [TrustedAccessRole.BackupOperator]);
  });

  it("in a preview of a new cluster, binds through the cluster's unknown name and keeps roles and source known", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()), {
      preview: true,
    });
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(only(run.registrations, BINDING, "prod-ml").inputs, {
      resourceGroupName: UNKNOWN_INPUT,
      resourceName: UNKNOWN_INPUT,
      trustedAccessRoleBindingName: "ml",
      roles: ML_ROLES,
      sourceResourceId: WORKSPACE_ID,
    });
  });
});
