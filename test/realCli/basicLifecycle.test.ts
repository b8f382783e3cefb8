import * as assert from "assert";
import * as fs from "fs";
import { steps } from "./support/engineEvents";
import { ProgramCopy } from "./support/programCopy";
import { PulumiSandbox, StateResource } from "./support/pulumiSandbox";
import { requireRealCli } from "./support/realCliTools";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const BINDING = "azure-native:containerservice:TrustedAccessRoleBinding";
const COMPONENT = "aks-trusted-access:index:AksCluster";
const OTHER_VAULT =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/other-rg/providers/" +
  "Microsoft.DataProtection/backupVaults/other-vault";

describe("examples/basic under the real Pulumi CLI: preview, up, a binding's new source, up, destroy", function () {
  this.timeout(240_000);
  let sandbox: PulumiSandbox;
  let program: ProgramCopy;

  before(async function () {
    const tools = requireRealCli(this);
    sandbox = await PulumiSandbox.create(tools);
    program = ProgramCopy.create("examples/basic/index.ts", "aks-trusted-access-basic");
    await sandbox.initStack(program.dir);
  });
  after(() => {
    program?.dispose();
    sandbox?.dispose();
  });

  const pulumi = (args: string[]) => sandbox.pulumi(args, { cwd: program.dir });
  const byType = (resources: readonly StateResource[], type: string) =>
    resources.filter((r) => r.type === type);

  it("previews every resource as a create, the cluster and both bindings among them", async () => {
    const run = await pulumi(["preview"]);
    assert.strictEqual(run.code, 0, run.stderr + run.stdout);
    const planned = steps(run.events);
    assert.deepStrictEqual([...new Set(planned.map((s) => s.op))], ["create"]);
    assert.strictEqual(planned.filter((s) => s.type === CLUSTER).length, 1);
    assert.deepStrictEqual(
      planned
        .filter((s) => s.type === BINDING)
        .map((s) => s.urn.split("::").pop())
        .sort(),
      ["aks-backup", "aks-ml"],
    );
  });

  it("deploys a cluster with a system-assigned identity, and each binding under the component and the cluster", async () => {
    const run = await pulumi(["up", "--yes"]);
    assert.strictEqual(run.code, 0, run.stderr + run.stdout);
    const resources = (await sandbox.exportStack(program.dir)).resources ?? [];
    const [component] = byType(resources, COMPONENT);
    const [cluster] = byType(resources, CLUSTER);
    const identity = cluster.outputs?.identity as { type: string; principalId: string };
    assert.strictEqual(identity.type, "SystemAssigned");
    assert.match(identity.principalId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    const bindings = byType(resources, BINDING);
    assert.deepStrictEqual(bindings.map((b) => b.urn.split("::").pop()).sort(), ["aks-backup", "aks-ml"]);
    for (const binding of bindings) {
      assert.strictEqual(binding.parent, component.urn);
      assert.ok(binding.id?.startsWith(`${cluster.id}/trustedAccessRoleBindings/`), binding.id);
      assert.deepStrictEqual(binding.replaceOnChanges, ["sourceResourceId"]);
    }
  });

  it("replaces the binding whose source changed, deleting it before creating it again, and nothing else", async () => {
    program.edit(
      "backup: { sourceResourceId: backupVault.id,",
      `backup: { sourceResourceId: "${OTHER_VAULT}",`,
    );
    const run = await pulumi(["preview"]);
    assert.strictEqual(run.code, 0, run.stderr + run.stdout);
    const changed = steps(run.events).filter((s) => s.op !== "same");
    assert.deepStrictEqual(
      changed.map((s) => [s.op, s.urn.split("::").pop()]),
      [
        ["delete-replaced", "aks-backup"],
        ["replace", "aks-backup"],
        ["create-replacement", "aks-backup"],
      ],
    );
  });

  it("applies the replacement: the binding now has the new source in the state and in Azure", async () => {
    const run = await pulumi(["up", "--yes"]);
    assert.strictEqual(run.code, 0, run.stderr + run.stdout);
    const resources = (await sandbox.exportStack(program.dir)).resources ?? [];
    const backup = byType(resources, BINDING).find((b) => b.urn.endsWith("::aks-backup"));
    assert.strictEqual(backup?.outputs?.sourceResourceId, OTHER_VAULT);
    const azure = JSON.parse(fs.readFileSync(sandbox.env.AZURE_NATIVE_STANDIN_STATE!, "utf8")) as Record<
      string,
      { inputs: { sourceResourceId?: string } }
    >;
    assert.strictEqual(azure[backup.id!.toLowerCase()].inputs.sourceResourceId, OTHER_VAULT);
  });

  it("destroys everything: the stack and the stand-in's Azure are empty", async () => {
    const run = await pulumi(["destroy", "--yes"]);
    assert.strictEqual(run.code, 0, run.stderr + run.stdout);
    assert.deepStrictEqual((await sandbox.exportStack(program.dir)).resources ?? [], []);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(sandbox.env.AZURE_NATIVE_STANDIN_STATE!, "utf8")), {});
  });
});
