import * as assert from "assert";
import * as path from "path";
import { REPO } from "../../support/builtPackage";
import { PulumiSandbox } from "./pulumiSandbox";

const SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
const RESOURCE_GROUP = `/subscriptions/${SUBSCRIPTION}/resourceGroups/platform-rg`;
const PLATFORM_CLUSTER = `${RESOURCE_GROUP}/providers/Microsoft.ContainerService/managedClusters/platform-aks`;

/** examples/yaml written in TypeScript: the same components, arguments, config and outputs. */
export const YAML_TWIN = path.join(REPO, "test", "realCli", "fixtures", "yaml-twin");

/** The stack config examples/yaml asks for. */
export const YAML_EXAMPLE_CONFIG = {
  mlWorkspaceId:
    `/subscriptions/${SUBSCRIPTION}/resourceGroups/ml-rg/providers/` +
    "Microsoft.MachineLearningServices/workspaces/prod-ml",
  backupVaultId:
    `/subscriptions/${SUBSCRIPTION}/resourceGroups/backup-rg/providers/` +
    "Microsoft.DataProtection/backupVaults/prod-vault",
};

/**
 * What examples/yaml takes from elsewhere, in the stand-in's Azure: the resource group (azure-native gives a new
 * cluster its group's location) and the cluster that `platform` binds to, made by another team.
 */
export const MADE_ELSEWHERE = {
  [RESOURCE_GROUP.toLowerCase()]: {
    type: "azure-native:resources:ResourceGroup",
    inputs: { resourceGroupName: "platform-rg", location: "westeurope" },
    outputs: { name: "platform-rg", location: "westeurope" },
  },
  [PLATFORM_CLUSTER.toLowerCase()]: {
    type: "azure-native:containerservice:ManagedCluster",
    inputs: { resourceGroupName: "platform-rg", resourceName: "platform-aks", location: "westeurope" },
    outputs: {
      name: "platform-aks",
      type: "Microsoft.ContainerService/managedClusters",
      location: "westeurope",
    },
  },
};

/**
 * A new stack of examples/yaml or its twin in `dir`, with the example's config, and the sandbox's Azure holding
 * {@link MADE_ELSEWHERE}; returns the stack's name.
 */
export async function yamlExampleStack(sandbox: PulumiSandbox, dir: string): Promise<string> {
  sandbox.seedAzure(MADE_ELSEWHERE);
  const stack = await sandbox.initStack(dir);
  for (const [key, value] of Object.entries(YAML_EXAMPLE_CONFIG)) {
    const run = await sandbox.pulumi(["config", "set", key, value], { cwd: dir });
    assert.strictEqual(run.code, 0, `pulumi config set ${key} failed in ${dir}:\n${run.stderr}`);
  }
  return stack;
}
