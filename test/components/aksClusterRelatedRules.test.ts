import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { clusterArgs } from "./support/fixtures";
import { Registration, TYPE, UNKNOWN_INPUT, only, runProgram, valueOf } from "./support/harness";

const CLUSTER = TYPE.cluster;
const POOL = TYPE.pool;
const WINDOW = TYPE.window;
const COMPONENT = TYPE.component;

const typesAndNames = (registrations: Registration[], types: string[]) =>
  registrations
    .filter((r) => types.includes(r.type))
    .map((r) => [r.type, r.name])
    .sort((a, b) => a.join().localeCompare(b.join()));

describe("AksCluster and the related AKS rules: private API server", () => {
  it("makes the API server private with AKS's own private DNS zone by default", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    assert.deepStrictEqual(only(run.registrations, CLUSTER, "prod").inputs.apiServerAccessProfile, {
      enablePrivateCluster: true,
      privateDNSZone: "system",
    });
  });

  it("leaves the access profile out for privateCluster false, as before the argument existed", async () => {
    const run = await runProgram(
      ({ AksCluster }) => new AksCluster("prod", clusterArgs({ privateCluster: false })),
    );
    assert.ok(!("apiServerAccessProfile" in only(run.registrations, CLUSTER, "prod").inputs));
  });

  it("takes privateCluster as an Output", async () => {
    const run = await runProgram(
      ({ AksCluster }) => new AksCluster("prod", clusterArgs({ privateCluster: pulumi.output(true) })),
    );
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(only(run.registrations, CLUSTER, "prod").inputs.apiServerAccessProfile, {
      enablePrivateCluster: true,
      privateDNSZone: "system",
    });
  });

  it("asks the engine to replace the cluster on any change of its access profile, public or private", async () => {
    for (const privateCluster of [true, false]) {
      const run = await runProgram(
        ({ AksCluster }) => new AksCluster("prod", clusterArgs({ privateCluster })),
      );
      const cluster = only(run.registrations, CLUSTER, "prod");
      assert.deepStrictEqual(
        [cluster.replaceOnChanges, cluster.deleteBeforeReplace],
        [["apiServerAccessProfile"], undefined],
      );
    }
  });
});

describe("AksCluster and the related AKS rules: node OS maintenance window", () => {
  it("creates the aksManagedNodeOSUpgradeSchedule window, weekly, 4 hours from Sunday 00:00 UTC, by default", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    const window = only(run.registrations, WINDOW, "prod-node-os-window");
    assert.strictEqual(window.parent, only(run.registrations, COMPONENT, "prod").urn);
    assert.deepStrictEqual(window.inputs, {
      resourceGroupName: "rg",
      resourceName: "proda1b2c3d4",
      configName: "aksManagedNodeOSUpgradeSchedule",
      maintenanceWindow: {
        schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } },
        durationHours: 4,
        startTime: "00:00",
        utcOffset: "+00:00",
      },
    });
  });

  it("uses the day, start, duration and offset the caller gives, plain or as Outputs", async () => {
    const run = await runProgram(
      ({ AksCluster, WeekDay }) =>
        new AksCluster(
          "prod",
          clusterArgs({
            nodeOsMaintenanceWindow: {
              dayOfWeek: WeekDay.Wednesday,
              startTime: pulumi.output("22:30"),
              durationHours: 24,
              utcOffset: "-05:30",
            },
          }),
        ),
    );
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(only(run.registrations, WINDOW, "prod-node-os-window").inputs.maintenanceWindow, {
      schedule: { weekly: { dayOfWeek: "Wednesday", intervalWeeks: 1 } },
      durationHours: 24,
      startTime: "22:30",
      utcOffset: "-05:30",
    });
  });

  it("takes the window's cluster name and group from the cluster's outputs, so the window waits for it", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    const clusterUrn = only(run.registrations, CLUSTER, "prod").urn;
    assert.ok(clusterUrn);
    const deps = only(run.registrations, WINDOW, "prod-node-os-window").propertyDependencies;
    assert.deepStrictEqual([deps.resourceName, deps.resourceGroupName], [[clusterUrn], [clusterUrn]]);
  });

  it("creates no window for enabled false, nor for null from JavaScript, and outputs none", async () => {
    for (const window of [{ enabled: false }, null]) {
      const args = { ...clusterArgs(), nodeOsMaintenanceWindow: window } as ReturnType<typeof clusterArgs>;
      const run = await runProgram(({ AksCluster }) => new AksCluster("prod", args));
      assert.deepStrictEqual(run.failures, []);
      assert.deepStrictEqual(typesAndNames(run.registrations, [WINDOW]), [], JSON.stringify(window));
      assert.strictEqual(run.value?.nodeOsMaintenanceConfiguration, undefined);
    }
  });

  it("outputs the window resource", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    const window = run.value?.nodeOsMaintenanceConfiguration;
    assert.ok(window);
    assert.strictEqual(await valueOf(window.urn), only(run.registrations, WINDOW, "prod-node-os-window").urn);
  });
});

describe("AksCluster and the related AKS rules: user node pools", () => {
  it("creates no user pool by default", async () => {
    const run = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs()));
    assert.deepStrictEqual(typesAndNames(run.registrations, [POOL]), []);
    assert.deepStrictEqual(run.value?.nodePools, {});
  });

  it("creates each pool as a child AgentPool named <name>-<key>, a FIPS Linux user pool of 3 nodes over 3 zones by default", async () => {
    const run = await runProgram(
      ({ AksCluster }) => new AksCluster("prod", clusterArgs({ nodePools: { apps: {}, batch: {} } })),
    );
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(typesAndNames(run.registrations, [POOL]), [
      [POOL, "prod-apps"],
      [POOL, "prod-batch"],
    ]);
    const component = only(run.registrations, COMPONENT, "prod");
    const apps = only(run.registrations, POOL, "prod-apps");
    assert.strictEqual(apps.parent, component.urn);
    assert.deepStrictEqual(apps.inputs, {
      resourceGroupName: "rg",
      resourceName: "proda1b2c3d4",
      agentPoolName: "apps",
      mode: "User",
      type: "VirtualMachineScaleSets",
      osType: "Linux",
      vmSize: "Standard_D4ds_v5",
      count: 3,
      availabilityZones: ["1", "2", "3"],
      enableFIPS: true,
    });
  });

  it("uses every pool setting the caller gives: autoscaling, zones, labels, taints, Windows, FIPS off", async () => {
    const run = await runProgram(
      ({ AksCluster, NodePoolOsType }) =>
        new AksCluster(
          "prod",
          clusterArgs({
            nodePools: {
              gpu: {
                vmSize: "Standard_NC6s_v3",
                enableAutoScaling: true,
                minCount: 0,
                maxCount: 4,
                availabilityZones: [],
                nodeLabels: { workload: "gpu" },
                nodeTaints: ["sku=gpu:NoSchedule", "example.com/team=ml:PreferNoSchedule"],
                enableFips: false,
              },
              win: { osType: NodePoolOsType.Windows, count: 1 },
            },
          }),
        ),
    );
    assert.deepStrictEqual(run.failures, []);
    assert.deepStrictEqual(only(run.registrations, POOL, "prod-gpu").inputs, {
      resourceGroupName: "rg",
      resourceName: "proda1b2c3d4",
      agentPoolName: "gpu",
      mode: "User",
      type: "VirtualMachineScaleSets",
      osType: "Linux",
      vmSize: "Standard_NC6s_v3",
      enableAutoScaling: true,
      minCount: 0,
      maxCount: 4,
      nodeLabels: { workload: "gpu" },
      nodeTaints: ["sku=gpu:NoSchedule", "example.com/team=ml:PreferNoSchedule"],
      enableFIPS: false,
    });
    const win = only(run.registrations, POOL, "prod-win").inputs;
    assert.deepStrictEqual([win.osType, win.count, win.enableFIPS], ["Windows", 1, true]);
  });

  it("takes each pool's cluster name and group from the cluster's outputs, so the pool waits for it", async () => {
    const run = await runProgram(
      ({ AksCluster }) => new AksCluster("prod", clusterArgs({ nodePools: { apps: {} } })),
    );
    const clusterUrn = only(run.registrations, CLUSTER, "prod").urn;
    assert.ok(clusterUrn);
    const deps = only(run.registrations, POOL, "prod-apps").propertyDependencies;
    assert.deepStrictEqual([deps.resourceName, deps.resourceGroupName], [[clusterUrn], [clusterUrn]]);
  });

  it("outputs the pools by key", async () => {
    const run = await runProgram(
      ({ AksCluster }) => new AksCluster("prod", clusterArgs({ nodePools: { apps: {}, batch: {} } })),
    );
    const pools = run.value?.nodePools;
    assert.ok(pools);
    assert.deepStrictEqual(Object.keys(pools), ["apps", "batch"]);
    assert.strictEqual(await valueOf(pools.apps.urn), only(run.registrations, POOL, "prod-apps").urn);
  });

  it("in a preview of a new cluster, keeps the pool's security inputs known while its cluster name is not", async () => {
    const run = await runProgram(
      ({ AksCluster }) => new AksCluster("prod", clusterArgs({ nodePools: { apps: { count: 2 } } })),
      { preview: true },
    );
    assert.deepStrictEqual(run.failures, []);
    const inputs = only(run.registrations, POOL, "prod-apps").inputs;
    assert.deepStrictEqual(
      [inputs.resourceName, inputs.agentPoolName, inputs.mode, inputs.count, inputs.enableFIPS],
      [UNKNOWN_INPUT, "apps", "User", 2, true],
    );
    const window = only(run.registrations, WINDOW, "prod-node-os-window").inputs;
    assert.deepStrictEqual(
      [window.resourceName, window.configName],
      [UNKNOWN_INPUT, "aksManagedNodeOSUpgradeSchedule"],
    );
  });
});
