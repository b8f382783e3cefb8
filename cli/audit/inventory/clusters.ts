import type { ContainerServiceClient, TrustedAccessRoleBinding } from "@azure/arm-containerservice";
import type { Limiter } from "../limiter";
import { collectPages } from "../paging";
import type { AuditedBinding, LiveCluster } from "../report";
import { toLiveCluster } from "./liveCluster";
import { settingsFromSdk } from "./clusterSettings";

/** The clusters of the client's subscription (`managedClusters.list`, all pages), with their rule settings. */
export async function listClusters(client: ContainerServiceClient, limit: Limiter): Promise<LiveCluster[]> {
  const clusters = await collectPages(limit, client.managedClusters.list());
  return clusters.map((c) =>
    toLiveCluster({
      id: c.id,
      location: c.location,
      identityType: c.identity?.type,
      tags: c.tags,
      settings: settingsFromSdk(c),
    }),
  );
}

/** A cluster's Trusted Access role bindings (`trustedAccessRoleBindings.list`, all pages). */
export async function listBindings(
  client: ContainerServiceClient,
  limit: Limiter,
  cluster: LiveCluster,
): Promise<AuditedBinding[]> {
  const bindings: TrustedAccessRoleBinding[] = await collectPages(
    limit,
    client.trustedAccessRoleBindings.list(cluster.resourceGroup, cluster.name),
  );
  return bindings.map((b) => ({
    name: b.name ?? "",
    roles: b.roles ?? [],
    sourceResourceId: b.sourceResourceId ?? "",
    ...(b.provisioningState === undefined ? {} : { provisioningState: b.provisioningState }),
  }));
}
