import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { linkAzureNativeGoSdk } from "./support/azureNativeGoSdk";
import { ConsumerProject } from "./support/consumerProject";
import { EngineEvent } from "./support/engineEvents";
import { downloadExampleModules, goMissing, offlineGo, run } from "./support/goModules";
import { isolated, PulumiSandbox } from "./support/pulumiSandbox";
import { requireRealCli } from "./support/realCliTools";

const SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";
const ML_WORKSPACE = `${SUBSCRIPTION}/resourceGroups/ml-rg/providers/Microsoft.MachineLearningServices/workspaces/ml`;
const BACKUP_VAULT = `${SUBSCRIPTION}/resourceGroups/backup-rg/providers/Microsoft.DataProtection/backupVaults/vault`;
const SDK_MODULE = "example.com/pulumi-aks-trusted-access/sdk/go";

/** What a preview step says of the resource it would create (`resourcePreEvent.metadata.new`). */
interface PlannedResource {
  readonly type: string;
  readonly urn: string;
  readonly parent?: string;
  readonly inputs?: Record<string, unknown>;
}

function planned(events: readonly EngineEvent[]): PlannedResource[] {
  return events.flatMap((e) => {
    const step = (e.resourcePreEvent?.metadata as { new?: PlannedResource } | undefined)?.new;
    return step ? [step] : [];
  });
}

const nameOf = (urn: string | undefined) => urn?.split("::").pop();

// examples/go as a user runs it: `pulumi package add` of this repository generates the Go SDK with our Go host
// and links it, `go build` compiles the program, `pulumi preview` runs it against the azure-native stand-in. Go
// reads only the module cache in the sandbox (GOPROXY=off); the modules are downloaded before, outside it. What it
// does not prove: that the program builds against the published azure-native Go SDK, which the proxy refuses
// (support/azureNativeGoSdk.ts says what is used instead, and why the published one would not do).
describe("examples/go under the real Pulumi CLI: package add, go build, preview", function () {
  // A first run compiles Pulumi's Go SDK and its dependencies (minutes on two busy cores); later ones hit Go's cache.
  this.timeout(20 * 60_000);
  let sandbox: PulumiSandbox;
  let project: ConsumerProject;
  let events: EngineEvent[];

  before(async function () {
    const tools = requireRealCli(this, { networkIsolation: true });
    const noGo = goMissing();
    if (noGo !== undefined) {
      if (process.env.CI === "true") throw new Error(noGo);
      this.skip();
    }
    const seconds = (await downloadExampleModules()) / 1000;
    process.stderr.write(`goConsumer: Go modules in the module cache after ${seconds.toFixed(1)} s\n`);
    sandbox = await PulumiSandbox.create(tools);
    offlineGo(sandbox);
    project = ConsumerProject.create("go");
    await linkAzureNativeGoSdk(sandbox, project.dir, tools.standin.version);
    await project.packageAdd(sandbox);
    await sandbox.initStack(project.dir);
    for (const [key, value] of [
      ["mlWorkspaceId", ML_WORKSPACE],
      ["backupVaultId", BACKUP_VAULT],
    ]) {
      const set = await sandbox.pulumi(["config", "set", key, value], { cwd: project.dir });
      assert.strictEqual(set.code, 0, set.stderr);
    }
  });
  after(() => {
    project?.dispose();
    sandbox?.dispose();
  });

  it("generates the Go SDK into sdks/ and links it into go.mod by a replace, which go mod tidy required", () => {
    const goMod = fs.readFileSync(path.join(project.dir, "go.mod"), "utf8");
    assert.match(goMod, new RegExp(`^replace ${SDK_MODULE} => \\./sdks/aks-trusted-access$`, "m"));
    assert.match(goMod, new RegExp(`^\\t${SDK_MODULE} v0\\.0\\.0-00010101000000-000000000000$`, "m"));
    const sdk = path.join(project.dir, "sdks", "aks-trusted-access");
    assert.strictEqual(
      fs.readFileSync(path.join(sdk, "go.mod"), "utf8").split("\n")[0],
      `module ${SDK_MODULE}`,
    );
    const cluster = fs.readFileSync(path.join(sdk, "akstrustedaccess", "aksCluster.go"), "utf8");
    // The component's outputs are azure-native's own Go types, from the azure-native SDK.
    assert.match(cluster, /^\tCluster containerservice\.ManagedClusterOutput `pulumi:"cluster"`$/m);
    assert.match(
      cluster,
      /^\tBindings containerservice\.TrustedAccessRoleBindingMapOutput `pulumi:"bindings"`$/m,
    );
    assert.match(cluster, /"github\.com\/pulumi\/pulumi-azure-native-sdk\/v3\/containerservice"/);
  });

  it("builds the program with go build, from the module cache alone", async () => {
    const binary = path.join(os.tmpdir(), `aks-ta-go-${process.pid}`);
    // The flags our Go host builds with, so that the preview's build finds this one's packages in Go's cache.
    const [command, args] = isolated("go", ["build", "-trimpath", "-ldflags", "-w -s", "-o", binary, "."]);
    try {
      await run(command, args, project.dir, sandbox.env);
      assert.ok(fs.statSync(binary).size > 0);
    } finally {
      fs.rmSync(binary, { force: true });
    }
  });

  it("previews the program: each component, its children and their parents, as the TypeScript component makes them", async () => {
    const preview = await sandbox.pulumi(["preview"], { cwd: project.dir });
    assert.strictEqual(preview.code, 0, preview.stdout + preview.stderr);
    events = preview.events;
    const resources = planned(events).filter((r) => !r.type.startsWith("pulumi:providers:"));
    const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    assert.ok(stack, "the preview has the stack");
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    assert.deepStrictEqual(
      resources
        .filter((r) => r !== stack)
        .map((r) => [r.type, nameOf(r.urn), byUrn.get(r.parent ?? "")?.type, nameOf(r.parent)])
        .sort(),
      [
        ["aks-trusted-access:index:AksCluster", "prod", "pulumi:pulumi:Stack", nameOf(stack.urn)],
        [
          "aks-trusted-access:index:TrustedAccessBindings",
          "platform",
          "pulumi:pulumi:Stack",
          nameOf(stack.urn),
        ],
        [
          "azure-native:containerservice:MaintenanceConfiguration",
          "prod-node-os-window",
          "aks-trusted-access:index:AksCluster",
          "prod",
        ],
        [
          "azure-native:containerservice:ManagedCluster",
          "prod",
          "aks-trusted-access:index:AksCluster",
          "prod",
        ],
        [
          "azure-native:containerservice:TrustedAccessRoleBinding",
          "platform-backup",
          "aks-trusted-access:index:TrustedAccessBindings",
          "platform",
        ],
        [
          "azure-native:containerservice:TrustedAccessRoleBinding",
          "prod-ml",
          "aks-trusted-access:index:AksCluster",
          "prod",
        ],
      ].sort(),
    );
  });

  it("passes the Go program's arguments through: config values, the map of bindings, enums and defaults", () => {
    const resources = planned(events);
    const inputsOf = (type: string, name: string) =>
      resources.find((r) => r.type === `azure-native:containerservice:${type}` && nameOf(r.urn) === name)
        ?.inputs;
    const ml = inputsOf("TrustedAccessRoleBinding", "prod-ml");
    assert.deepStrictEqual(ml?.roles, [
      "Microsoft.MachineLearningServices/workspaces/mlworkload",
      "Microsoft.MachineLearningServices/workspaces/inference-v1",
    ]);
    assert.strictEqual(ml?.sourceResourceId, ML_WORKSPACE);
    assert.strictEqual(ml?.trustedAccessRoleBindingName, "ml");
    assert.deepStrictEqual(
      inputsOf("TrustedAccessRoleBinding", "platform-backup")?.sourceResourceId,
      BACKUP_VAULT,
    );
    const cluster = inputsOf("ManagedCluster", "prod");
    assert.strictEqual(cluster?.resourceName, "prod-aks");
    assert.strictEqual(cluster?.resourceGroupName, "platform-rg");
    assert.deepStrictEqual(cluster?.identity, { type: "SystemAssigned" });
    assert.deepStrictEqual(cluster?.autoUpgradeProfile, {
      upgradeChannel: "stable",
      nodeOSUpgradeChannel: "NodeImage",
    });
    assert.deepStrictEqual(cluster?.tags, { team: "platform" });
    assert.strictEqual(cluster?.disableLocalAccounts, true);
  });
});
