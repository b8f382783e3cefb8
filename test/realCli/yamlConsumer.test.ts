import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { REPO } from "../support/builtPackage";
import { ConsumerProject } from "./support/consumerProject";
import { steps } from "./support/engineEvents";
import { requireLanguageHost } from "./support/languageHost";
import { PulumiRun, PulumiSandbox, StackDeployment } from "./support/pulumiSandbox";
import { requireRealCli } from "./support/realCliTools";
import { comparableState } from "./support/stateComparison";
import { MADE_ELSEWHERE, YAML_EXAMPLE_CONFIG, YAML_TWIN, yamlExampleStack } from "./support/yamlExample";

/**
 * examples/yaml as a YAML team runs it: `pulumi package add` of this repository by path, then preview, up and destroy
 * under the real CLI, with Pulumi's YAML evaluator (pulumi-yaml) and our plugin constructing the components. Its
 * TypeScript twin (fixtures/yaml-twin: the same components, arguments and outputs) is deployed beside it in a
 * sandbox of its own, and the two states must be the same resource by resource.
 *
 * What this does not prove: that pulumi-yaml's newest release behaves the same (the proxy serves v1.25.0 only, see
 * cliBuild/pulumi-language-yaml), or anything about Azure itself (the stand-in serves azure-native).
 */
const PACKAGE_VERSION = (
  JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string }
).version;

function succeeded(run: PulumiRun): PulumiRun {
  assert.strictEqual(run.code, 0, run.stdout + run.stderr);
  return run;
}

/** A run's steps as `<op> <URN without stack and project>`, in the order the engine announced them. */
function plan(run: PulumiRun, names: { project: string; stack: string }): string[] {
  const prefix = `urn:pulumi:${names.stack}::${names.project}::`;
  return steps(run.events).map(
    (s) =>
      `${s.op} ${s.urn.replace(prefix, "").replace(`::${names.project}-${names.stack}`, "::PROJECT-STACK")}`,
  );
}

const withoutProviders = (planned: string[]) => planned.filter((s) => !s.includes(" pulumi:providers:"));

describe("examples/yaml under the real Pulumi CLI: package add, preview and up give the TypeScript component's state", function () {
  this.timeout(600_000);
  const YAML_PROJECT = "aks-trusted-access-yaml";
  let sandbox: PulumiSandbox;
  let twinSandbox: PulumiSandbox;
  let project: ConsumerProject;
  let stack: string;
  /** The twin's `pulumi up` and state, deployed while the YAML stack is added and previewed. */
  let twin: Promise<{ up: PulumiRun; state: StackDeployment; stack: string }>;

  before(async function () {
    const tools = requireRealCli(this, { networkIsolation: true });
    requireLanguageHost(this, tools, "yaml");
    [sandbox, twinSandbox] = await Promise.all([PulumiSandbox.create(tools), PulumiSandbox.create(tools)]);
    twin = (async () => {
      const twinStack = await yamlExampleStack(twinSandbox, YAML_TWIN);
      const up = succeeded(await twinSandbox.pulumi(["up", "--yes"], { cwd: YAML_TWIN }));
      return { up, state: await twinSandbox.exportStack(YAML_TWIN), stack: twinStack };
    })();
    twin.catch(() => undefined); // Awaited by the tests; this keeps a failure from being reported as unhandled first.
    project = ConsumerProject.create("yaml");
  });
  after(() => {
    project?.dispose();
    sandbox?.dispose();
    twinSandbox?.dispose();
  });

  const pulumi = (args: string[]) => sandbox.pulumi(args, { cwd: project.dir });

  it("pulumi package add keeps the path in packages: and writes pulumi-yaml's lock of the package", async () => {
    await project.packageAdd(sandbox);
    const pulumiYaml = fs.readFileSync(path.join(project.dir, "Pulumi.yaml"), "utf8");
    assert.match(pulumiYaml, new RegExp(`^packages:\\n  aks-trusted-access: ${REPO}\\n`, "m"));
    const lock = path.join(
      project.dir,
      "sdks",
      "aks-trusted-access",
      `aks-trusted-access-${PACKAGE_VERSION}.yaml`,
    );
    assert.strictEqual(
      fs.readFileSync(lock, "utf8"),
      `packageDeclarationVersion: 1\nname: aks-trusted-access\nversion: ${PACKAGE_VERSION}\n`,
    );
    stack = await yamlExampleStack(sandbox, project.dir);
  });

  it("previews the resources the TypeScript program creates, each as a create", async () => {
    const preview = succeeded(await pulumi(["preview"]));
    const { up, stack: twinStack } = await twin;
    const planned = plan(preview, { project: YAML_PROJECT, stack }).sort();
    assert.deepStrictEqual(
      withoutProviders(planned),
      withoutProviders(plan(up, { project: "yaml-twin", stack: twinStack }).sort()),
    );
    assert.deepStrictEqual(
      planned.filter((s) => !s.startsWith("create ")),
      [],
    );
    assert.ok(
      planned.includes(
        "create aks-trusted-access:index:AksCluster$azure-native:containerservice:TrustedAccessRoleBinding::prod-ml",
      ),
      planned.join("\n"),
    );
  });

  it("deploys a state equal to the TypeScript program's, resource by resource, but for two providers", async () => {
    succeeded(await pulumi(["up", "--yes"]));
    const yaml = comparableState(await sandbox.exportStack(project.dir), { project: YAML_PROJECT, stack });
    const { state, stack: twinStack } = await twin;
    const typescript = comparableState(state, { project: "yaml-twin", stack: twinStack });

    // Only the YAML stack has two providers: our plugin's, which constructs the components, and Pulumi's builtin
    // one, which serves pulumi-yaml's read of the binding that an output names (`${platform.bindings.backup.id}`).
    const onlyYaml = [
      `urn:pulumi:STACK::PROJECT::pulumi:providers:aks-trusted-access::default_${PACKAGE_VERSION.replace(/\./g, "_")}`,
      "urn:pulumi:STACK::PROJECT::pulumi:providers:pulumi::default",
    ];
    assert.deepStrictEqual([...yaml.keys()].filter((urn) => !typescript.has(urn)).sort(), onlyYaml);
    for (const urn of onlyYaml) yaml.delete(urn);
    assert.deepStrictEqual([...yaml.keys()].sort(), [...typescript.keys()].sort());
    for (const [urn, resource] of yaml) assert.deepStrictEqual(resource, typescript.get(urn), urn);
  });

  // A checkpoint does not record deleteBeforeReplace: a replacement shows it, by deleting before it creates.
  it("replaces the binding whose source changed, deleting it first, as the TypeScript program does", async () => {
    const { stack: twinStack } = await twin;
    const otherWorkspace = YAML_EXAMPLE_CONFIG.mlWorkspaceId.replace(/prod-ml$/, "other-ml");
    const previewWithOtherWorkspace = async (box: PulumiSandbox, dir: string) => {
      succeeded(await box.pulumi(["config", "set", "mlWorkspaceId", otherWorkspace], { cwd: dir }));
      return succeeded(await box.pulumi(["preview"], { cwd: dir }));
    };
    const [yamlPreview, twinPreview] = await Promise.all([
      previewWithOtherWorkspace(sandbox, project.dir),
      previewWithOtherWorkspace(twinSandbox, YAML_TWIN),
    ]);
    const changes = (planned: string[]) => planned.filter((s) => !s.startsWith("same "));
    const binding =
      "aks-trusted-access:index:AksCluster$azure-native:containerservice:TrustedAccessRoleBinding::prod-ml";
    assert.deepStrictEqual(changes(plan(yamlPreview, { project: YAML_PROJECT, stack })), [
      `delete-replaced ${binding}`,
      `replace ${binding}`,
      `create-replacement ${binding}`,
    ]);
    assert.deepStrictEqual(
      changes(plan(yamlPreview, { project: YAML_PROJECT, stack })),
      changes(plan(twinPreview, { project: "yaml-twin", stack: twinStack })),
    );
  });

  it("destroys what it made: the stack is empty, and Azure holds only what was made elsewhere", async () => {
    succeeded(await pulumi(["destroy", "--yes"]));
    assert.deepStrictEqual((await sandbox.exportStack(project.dir)).resources ?? [], []);
    const azure = JSON.parse(fs.readFileSync(sandbox.env.AZURE_NATIVE_STANDIN_STATE!, "utf8")) as object;
    assert.deepStrictEqual(Object.keys(azure).sort(), Object.keys(MADE_ELSEWHERE).sort());
  });
});
