import * as assert from "assert";
import * as path from "path";
import { runProgram } from "../../cli/check/program/programRunner";
import { readPulumiProject } from "../../cli/check/program/pulumiProject";
import { RecordedStack } from "../../cli/check/program/recordedStack";
import { readStackConfig } from "../../cli/check/program/stackConfig";
import { STACK } from "./support/checkFixture";
import { FIXTURES, REPO } from "./support/runCli";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";

// In this process, under the test runner's own ts-node: the program's TypeScript is compiled by the program's
// hook alone, and running it twice runs it twice.
describe("check: running a program in-process under Pulumi's mock runtime", function () {
  this.timeout(120_000);
  const dir = path.join(REPO, FIXTURES, "recording");
  const file = path.join(dir, "index.ts");
  const record = (): Promise<RecordedStack> => {
    const project = readPulumiProject(dir);
    return runProgram(project, readStackConfig(project));
  };
  const stack = STACK("recording");
  const component = "urn:pulumi:check::recording::fixture:index:Platform::platform";
  const cluster =
    "urn:pulumi:check::recording::fixture:index:Platform$azure-native:containerservice:ManagedCluster::platform-aks";
  const binding = "urn:pulumi:check::recording::azure-native:containerservice:TrustedAccessRoleBinding::ml";
  const legacy = "urn:pulumi:check::recording::azure-native:containerservice:ManagedCluster::legacy";
  const noOptions = {
    protect: false,
    ignoreChanges: [],
    additionalSecretOutputs: [],
    aliases: [],
    replaceOnChanges: [],
  };
  let first: RecordedStack;

  before(async () => (first = await record()));

  it("records every registration from the monitor's requests: parents, dependencies, property dependencies, options", () => {
    const resources = first.resources.map(({ location, ...r }) => ({ ...r, line: location?.line }));
    // In the order the monitor received them: a read needs no preparation, so it overtakes the cluster.
    assert.deepStrictEqual(resources, [
      {
        urn: stack,
        type: "pulumi:pulumi:Stack",
        name: "recording-check",
        operation: "create",
        dependencies: [],
        inputs: {},
        custom: false,
        propertyDependencies: {},
        options: noOptions,
        outputs: {},
        line: undefined,
      },
      {
        urn: component,
        type: "fixture:index:Platform",
        name: "platform",
        operation: "create",
        parent: stack,
        dependencies: [],
        inputs: {},
        custom: false,
        propertyDependencies: {},
        options: noOptions,
        // registerOutputs, as the engine holds a component's state: the cluster's name is unknown in preview.
        outputs: { clusterName: UNKNOWN, region: "westeurope" },
        line: 20,
      },
      {
        urn: legacy,
        type: "azure-native:containerservice:ManagedCluster",
        name: "legacy",
        operation: "read",
        parent: stack,
        dependencies: [],
        inputs: {},
        custom: true,
        propertyDependencies: {},
        options: noOptions,
        line: 41,
      },
      {
        urn: cluster,
        type: "azure-native:containerservice:ManagedCluster",
        name: "platform-aks",
        operation: "create",
        parent: component,
        dependencies: [],
        // azure-native's Check would have named it: the simulation does, deterministically.
        inputs: {
          identity: { type: "SystemAssigned" },
          resourceGroupName: "rg-aks",
          resourceName: "platform-aks4db8c5f4",
        },
        custom: true,
        propertyDependencies: {},
        options: { ...noOptions, protect: true, ignoreChanges: ["kubernetesVersion"] },
        line: 8,
      },
      {
        urn: binding,
        type: "azure-native:containerservice:TrustedAccessRoleBinding",
        name: "ml",
        operation: "create",
        parent: stack,
        // dependsOn a component means on its children, as the SDK expands it.
        dependencies: [cluster],
        inputs: {
          resourceGroupName: "rg-aks",
          resourceName: UNKNOWN,
          roles: ["Microsoft.MachineLearningServices/workspaces/mlworkload"],
          sourceResourceId: {
            ...SECRET,
            value: `${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ml`,
          },
          trustedAccessRoleBindingName: "ml736f5e64",
        },
        custom: true,
        propertyDependencies: { resourceName: [cluster] },
        options: {
          ...noOptions,
          deleteBeforeReplace: true,
          replaceOnChanges: ["sourceResourceId"],
          customTimeouts: { create: 1800, delete: 5400 },
        },
        line: 22,
      },
    ]);
    assert.deepStrictEqual(
      first.resources.map((r) => r.location?.file),
      [undefined, file, file, file, file],
    );
    assert.deepStrictEqual(
      [first.project, first.stack, first.mainFile, first.logs],
      ["recording", "check", file, [{ severity: "info", message: "recording: declared", urn: stack }]],
    );
  });

  it("runs the program again on a second check in the same process, with the same result", async () => {
    assert.deepStrictEqual(await record(), first);
  });
});
