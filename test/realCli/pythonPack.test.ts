import * as assert from "assert";
import * as path from "path";
import { SHIPPED_PACK } from "../support/builtPackage";
import { clusterProgram } from "./support/pythonPrograms";
import { ConsumerProject } from "./support/consumerProject";
import { policyEvents, steps } from "./support/engineEvents";
import { PulumiSandbox } from "./support/pulumiSandbox";
import { giveVirtualEnv, installOffline, requirePythonPackages } from "./support/pythonPackages";
import { requireRealCli } from "./support/realCliTools";

// The pack is TypeScript; the stack it judges is Python. Nothing of ours is in the program: it makes azure-native's
// resources from PyPI's pulumi-azure-native, and the pack sees them through the engine as for any language.
describe("pulumi preview --policy-pack policypack on a Python stack, under the real CLI", function () {
  this.timeout(600_000);
  let sandbox: PulumiSandbox;
  let project: ConsumerProject;

  before(async function () {
    const tools = requireRealCli(this, { networkIsolation: true });
    const packages = requirePythonPackages(this);
    sandbox = await PulumiSandbox.create(tools);
    installOffline(sandbox, packages);
    project = ConsumerProject.create("python");
    giveVirtualEnv(packages, project.dir);
  });
  after(() => {
    project?.dispose();
    sandbox?.dispose();
  });

  async function preview(program: string) {
    project.write("__main__.py", program);
    await sandbox.initStack(project.dir);
    return sandbox.pulumi(["preview", "--policy-pack", SHIPPED_PACK], { cwd: project.dir });
  }

  it("fails a cluster without a binding with aks-trusted-access-required, naming the cluster", async () => {
    const run = await preview(clusterProgram({ binding: false }));
    assert.notStrictEqual(run.code, 0, run.stdout + run.stderr);
    assert.deepStrictEqual(
      steps(run.events).map((s) => [s.op, s.type]),
      [
        ["create", "pulumi:pulumi:Stack"],
        ["create", "pulumi:providers:azure-native"],
        ["create", "azure-native:resources:ResourceGroup"],
        ["create", "azure-native:containerservice:ManagedCluster"],
      ],
    );
    const mandatory = policyEvents(run.events).filter((e) => e.enforcementLevel === "mandatory");
    assert.deepStrictEqual(
      mandatory.map((e) => [e.policyName, e.resourceUrn?.split("::").pop()]),
      [["aks-trusted-access-required", "aks"]],
    );
    assert.match(run.stdout, /AKS cluster "aks" .*has no Trusted Access role binding in this stack/);
  });

  it("passes the same cluster with a TrustedAccessRoleBinding for an ML workspace", async () => {
    const run = await preview(clusterProgram({ binding: true }));
    assert.strictEqual(run.code, 0, run.stdout + run.stderr);
    assert.deepStrictEqual(
      steps(run.events).map((s) => [s.op, s.type]),
      [
        ["create", "pulumi:pulumi:Stack"],
        ["create", "pulumi:providers:azure-native"],
        ["create", "azure-native:resources:ResourceGroup"],
        ["create", "azure-native:containerservice:ManagedCluster"],
        ["create", "azure-native:containerservice:TrustedAccessRoleBinding"],
      ],
    );
    const mandatory = policyEvents(run.events).filter((e) => e.enforcementLevel === "mandatory");
    assert.deepStrictEqual(mandatory, []);
  });

  // What the CLI learns from our Python host about the program: About, GetProgramDependencies, GetRequiredPackages.
  it("pulumi about: the project's virtual environment, its packages, and the azure-native plugin its wheel declares", async () => {
    const run = await sandbox.pulumi(["about", "--json"], { cwd: project.dir });
    assert.strictEqual(run.code, 0, run.stdout + run.stderr);
    const about = JSON.parse(run.stdout) as {
      runtime: Record<string, string>;
      dependencies: { name: string; version: string }[];
      plugins: { name: string; version: string | null; kind: string }[];
      errors: string[];
    };
    assert.deepStrictEqual(about.errors, []);
    assert.strictEqual(about.runtime.executable, path.join(project.dir, "venv", "bin", "python"));
    assert.deepStrictEqual([about.runtime.language, about.runtime.toolchain], ["python", "Pip"]);
    assert.match(about.runtime.version, /^3\.\d+\.\d+$/);
    // The packages no other package requires, as `pip list --not-required` gives them.
    assert.deepStrictEqual(
      about.dependencies.filter((d) => d.name.startsWith("pulumi")),
      [{ name: "pulumi-azure-native", version: "3.28.0" }],
    );
    assert.deepStrictEqual(
      about.plugins.filter((p) => p.kind === "resource"),
      [{ name: "azure-native", version: "3.28.0", kind: "resource" }],
    );
  });
});
