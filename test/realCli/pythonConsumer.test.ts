import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { runProgram } from "../components/support/harness";
import { BAD_INPUTS, aksClusterProgram } from "./support/pythonPrograms";
import { ConsumerProject } from "./support/consumerProject";
import { EngineEvent, steps } from "./support/engineEvents";
import { PulumiSandbox, StateResource } from "./support/pulumiSandbox";
import { giveVirtualEnv, installOffline, requirePythonPackages } from "./support/pythonPackages";
import { requireRealCli } from "./support/realCliTools";

const COMPONENT = "aks-trusted-access:index:AksCluster";
const CLUSTER = "azure-native:containerservice:ManagedCluster";
const BINDING = "azure-native:containerservice:TrustedAccessRoleBinding";
const WINDOW = "azure-native:containerservice:MaintenanceConfiguration";
const WORKSPACE = "azure-native:machinelearningservices:Workspace";
const GROUP = "azure-native:resources:ResourceGroup";
const SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";
const ML_CONFIG = {
  mlStorageAccountId: `${SUBSCRIPTION}/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/mlstore`,
  mlKeyVaultId: `${SUBSCRIPTION}/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/ml-kv`,
  mlInsightsId: `${SUBSCRIPTION}/resourceGroups/ml/providers/Microsoft.Insights/components/ml-ai`,
};

// examples/python as a Python team runs it: `pulumi package add` of this repository generates the Python SDK, links
// it into requirements.txt and pip installs it (offline, from the cached wheels) into the project's virtual
// environment, which already holds pulumi and pulumi-azure-native from PyPI; then preview, up and destroy.
describe("examples/python under the real Pulumi CLI: package add, preview, up, destroy", function () {
  this.timeout(600_000);
  let sandbox: PulumiSandbox;
  let project: ConsumerProject;
  let venv: string;

  before(async function () {
    const tools = requireRealCli(this, { networkIsolation: true });
    const packages = requirePythonPackages(this);
    sandbox = await PulumiSandbox.create(tools);
    installOffline(sandbox, packages);
    project = ConsumerProject.create("python");
    venv = giveVirtualEnv(packages, project.dir);
  });
  after(() => {
    project?.dispose();
    sandbox?.dispose();
  });

  const pulumi = (args: string[]) => sandbox.pulumi(args, { cwd: project.dir });
  /** The stand-in's fake Azure: every resource that exists there, by id. */
  const azure = (): unknown => {
    const file = sandbox.env.AZURE_NATIVE_STANDIN_STATE!;
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  };
  const byType = (resources: readonly StateResource[], type: string) =>
    resources.filter((r) => r.type === type);

  it("generates the Python SDK, adds it to requirements.txt and installs it into the virtual environment", async () => {
    await project.packageAdd(sandbox);
    const sdk = path.join(project.dir, "sdks", "aks-trusted-access");
    assert.ok(fs.existsSync(path.join(sdk, "pulumi_aks_trusted_access", "aks_cluster.py")));
    const requirements = fs.readFileSync(path.join(project.dir, "requirements.txt"), "utf8");
    assert.deepStrictEqual(
      requirements.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#")),
      ["pulumi==3.272.0", "pulumi-azure-native==3.28.0", "sdks/aks-trusted-access"],
    );
    // The installed package is the generated one, with its enums and the version of our package.
    const installed = execFileSync(
      path.join(venv, "bin", "python"),
      [
        "-c",
        "import importlib.metadata as m, pulumi_aks_trusted_access as a; " +
          "print(m.version('pulumi_aks_trusted_access'), a.KubernetesUpgradeChannel.STABLE.value, " +
          "a.NodeOsUpgradeChannel.NODE_IMAGE.value, a.__file__)",
      ],
      { encoding: "utf8" },
    ).trim();
    assert.match(
      installed,
      /^\S+ stable NodeImage \S+\/venv\/lib\/python3\.\d+\/site-packages\/pulumi_aks_trusted_access\/__init__\.py$/,
    );
  });

  it("previews the example: the component, its cluster, binding and maintenance window, all created", async () => {
    await sandbox.initStack(project.dir);
    for (const [key, value] of Object.entries(ML_CONFIG)) {
      const set = await pulumi(["config", "set", key, value]);
      assert.strictEqual(set.code, 0, set.stderr);
    }
    const run = await pulumi(["preview"]);
    assert.strictEqual(run.code, 0, run.stdout + run.stderr);
    const planned = steps(run.events);
    assert.deepStrictEqual([...new Set(planned.map((s) => s.op))], ["create"]);
    assert.deepStrictEqual(
      planned
        .filter((s) => !s.type.startsWith("pulumi:"))
        .map((s) => `${s.type} ${s.urn.split("::").pop()}`)
        // The engine announces the component's children as they are registered, which may interleave.
        .sort(),
      [
        `${GROUP} aks-ta`,
        `${WORKSPACE} ml`,
        `${COMPONENT} prod`,
        `${CLUSTER} prod`,
        `${WINDOW} prod-node-os-window`,
        `${BINDING} prod-ml`,
      ].sort(),
    );
  });

  it("deploys it: the bindings map's Output, the enums and the defaults reach the resources, under the component", async () => {
    const run = await pulumi(["up", "--yes"]);
    assert.strictEqual(run.code, 0, run.stdout + run.stderr);
    const resources = (await sandbox.exportStack(project.dir)).resources ?? [];
    const one = (type: string) => {
      const found = byType(resources, type);
      assert.strictEqual(found.length, 1, `${type}: ${found.map((r) => r.urn).join(", ")}`);
      return found[0];
    };
    const [stack, group, workspace] = [one("pulumi:pulumi:Stack"), one(GROUP), one(WORKSPACE)];
    const [component, cluster, window, binding] = [one(COMPONENT), one(CLUSTER), one(WINDOW), one(BINDING)];
    const groupName = group.outputs?.name as string;
    const clusterName = cluster.outputs?.name as string;

    assert.deepStrictEqual([component.parent, component.custom], [stack.urn, false]);
    for (const child of [cluster, window, binding])
      assert.strictEqual(child.parent, component.urn, child.urn);
    // Enums (upgrade_channel, node_os_upgrade_channel) and every default of the README, as the cluster's inputs.
    assert.deepStrictEqual(cluster.inputs, {
      __createBeforeDelete: true,
      aadProfile: { enableAzureRBAC: true, managed: true },
      agentPoolProfiles: [
        {
          availabilityZones: ["1", "2", "3"],
          count: 3,
          enableFIPS: true,
          mode: "System",
          name: "system",
          osType: "Linux",
          type: "VirtualMachineScaleSets",
          vmSize: "Standard_D4ds_v5",
        },
      ],
      apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: "system" },
      autoUpgradeProfile: { nodeOSUpgradeChannel: "NodeImage", upgradeChannel: "stable" },
      disableLocalAccounts: true,
      dnsPrefix: "prod",
      enableRBAC: true,
      identity: { type: "SystemAssigned" },
      location: "westeurope",
      resourceGroupName: groupName,
      resourceName: clusterName,
    });
    assert.strictEqual((cluster.outputs?.identity as { type: string }).type, "SystemAssigned");
    assert.deepStrictEqual(window.inputs, {
      configName: "aksManagedNodeOSUpgradeSchedule",
      maintenanceWindow: {
        durationHours: 4,
        schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } },
        startTime: "00:00",
        utcOffset: "+00:00",
      },
      resourceGroupName: groupName,
      resourceName: clusterName,
    });
    // The binding's source came from an Output inside the plain dict: the workspace's id, and a dependency on it.
    assert.deepStrictEqual(binding.inputs, {
      resourceGroupName: groupName,
      resourceName: clusterName,
      roles: [
        "Microsoft.MachineLearningServices/workspaces/mlworkload",
        "Microsoft.MachineLearningServices/workspaces/inference-v1",
      ],
      sourceResourceId: workspace.id,
      trustedAccessRoleBindingName: "ml",
    });
    assert.strictEqual(binding.id, `${cluster.id}/trustedAccessRoleBindings/ml`);
    assert.deepStrictEqual(binding.replaceOnChanges, ["sourceResourceId"]);
    const { propertyDependencies } = binding as { propertyDependencies?: Record<string, string[]> };
    assert.deepStrictEqual(propertyDependencies?.sourceResourceId, [workspace.urn]);
    assert.deepStrictEqual(stack.outputs, {
      cluster_name: clusterName,
      principal_id: (cluster.outputs?.identity as { principalId: string }).principalId,
    });
  });

  it("destroys everything: the stack and the stand-in's Azure are empty", async () => {
    const run = await pulumi(["destroy", "--yes"]);
    assert.strictEqual(run.code, 0, run.stdout + run.stderr);
    assert.deepStrictEqual((await sandbox.exportStack(project.dir)).resources ?? [], []);
    assert.deepStrictEqual(azure(), {});
  });

  // Bad input from Python: the component refuses it with the message the TypeScript component gives for the same
  // arguments, naming the argument, and nothing is created, neither by preview nor by up.
  for (const bad of BAD_INPUTS) {
    it(`refuses ${bad.name} with the TypeScript component's message, and creates nothing`, async () => {
      const expected = await typeScriptError({
        resourceGroupName: "aks-ta",
        location: "westeurope",
        trustedAccess: bad.bindings,
      });
      project.write("__main__.py", aksClusterProgram(bad.bindings));
      await sandbox.initStack(project.dir);
      for (const command of [["preview"], ["up", "--yes"]]) {
        const run = await pulumi(command);
        assert.notStrictEqual(run.code, 0, run.stdout);
        const errors = diagnostics(run.events, "error");
        // Pulumi prints the component's error, then under it the argument it is attached to.
        assert.ok(
          errors.some(
            (e) =>
              e.startsWith(`${COMPONENT} resource 'prod' has a problem: ${expected}`) &&
              e.includes(`- property ${bad.argument} with value `) &&
              e.includes(`has a problem: ${expected}`),
          ),
          `${command[0]}: no error holds ${JSON.stringify(expected)} for ${bad.argument}:\n${errors.join("\n")}`,
        );
        const azure = steps(run.events).filter((s) => s.type.startsWith("azure-native:") && s.op !== "same");
        assert.deepStrictEqual(azure, [], `${command[0]} planned Azure resources`);
      }
      const state = (await sandbox.exportStack(project.dir)).resources ?? [];
      assert.deepStrictEqual(
        state.filter((r) => !r.type.startsWith("pulumi:")).map((r) => r.type),
        [],
      );
      assert.deepStrictEqual(azure(), {});
    });
  }
});

/** The message the TypeScript component throws for `args`, under Pulumi's mocks. */
async function typeScriptError(args: Record<string, unknown>): Promise<string> {
  const run = await runProgram(({ AksCluster }) => new AksCluster("prod", args as never));
  const failure = run.thrown ?? run.failures[0];
  assert.ok(failure instanceof Error, `the TypeScript component accepted ${JSON.stringify(args)}`);
  return failure.message;
}

/** The messages of the run's diagnostics of one severity ("error", "warning", ...). */
function diagnostics(events: readonly EngineEvent[], severity: string): string[] {
  return events.flatMap((e) => (e.diagnosticEvent?.severity === severity ? [e.diagnosticEvent.message] : []));
}
