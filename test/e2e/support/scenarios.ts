import * as path from "path";
import { TrustedAccessRole } from "../../../domain";
import { PackSession, startPolicyPack, unknown } from "../../../cli/packHost";
import { CLI_PACK, REPO, ensureBuilt } from "../../support/builtPackage";
import { TestResource, TestStack } from "./testStack";

/** Shared names and ids of the e2e stacks. */
export const SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";
export const CLUSTER_GROUP = "rg-aks";
export const ML_WORKSPACE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ml-ws`;
export const BACKUP_VAULT_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/vault-1`;
export const clusterId = (name: string): string =>
  `/subscriptions/${SUBSCRIPTION}/resourceGroups/${CLUSTER_GROUP}/providers/Microsoft.ContainerService/managedClusters/${name}`;
export const ML_ROLES = [
  TrustedAccessRole.MachineLearningWorkload,
  TrustedAccessRole.MachineLearningInference,
];

/**
 * What the AksCluster component registers in a first preview: the component, its cluster, and one binding per
 * entry whose `resourceName` comes from the cluster's `name` output — unknown until the cluster exists, but linked
 * to it through propertyDependencies.
 */
export function aksClusterPreview(
  stack: TestStack,
  name: string,
  clusterName: string,
  bindings: Readonly<Record<string, { roles: readonly string[]; sourceResourceId: string }>>,
): { component: TestResource; cluster: TestResource; bindings: TestResource[] } {
  const component = stack.component(name);
  const cluster = stack.nativeCluster(
    name,
    {
      resourceGroupName: CLUSTER_GROUP,
      resourceName: clusterName,
      location: "westeurope",
      dnsPrefix: clusterName,
      identity: { type: "SystemAssigned" },
    },
    { parent: component },
  );
  const made = Object.entries(bindings).map(([key, b]) =>
    stack.nativeBinding(
      `${name}-${key}`,
      {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: unknown(),
        trustedAccessRoleBindingName: key,
        roles: b.roles,
        sourceResourceId: b.sourceResourceId,
      },
      { parent: component, propertyDependencies: { resourceName: [cluster] } },
    ),
  );
  return { component, cluster, bindings: made };
}

/** The project's policy pack folder, started as `pulumi preview --policy-pack policypack` starts it. */
export const PACK_DIR = path.join(REPO, "policypack");

/**
 * The commands' copy of the pack as `npm ci` compiles it into cli/dist/policypack, built from the sources as they are
 * now: what `check` runs by default.
 */
const COMPILED_PACK_DIR = CLI_PACK;

/**
 * The pack for a suite's tests, compiled: started before them as the CLI starts it for the stack of
 * {@link TestStack} (project "aks-e2e", stack "dev"), stopped after them. Returns the running session.
 */
export function packForSuite(): () => PackSession {
  let session: PackSession | undefined;
  before(async () => {
    ensureBuilt();
    session = await startPolicyPack(COMPILED_PACK_DIR, { stack: { project: "aks-e2e", stack: "dev" } });
  });
  after(async () => {
    await session?.close();
  });
  return () => {
    if (session === undefined) throw new Error("the pack did not start: see the failure of the before hook");
    return session;
  };
}

export const bindingId = (cluster: string, binding: string): string =>
  `${clusterId(cluster)}/trustedAccessRoleBindings/${binding}`;
