import type { ContainerServiceClient } from "@azure/arm-containerservice";
import { NODE_OS_SCHEDULE_NAME, NodeOsWindowFields } from "../../../policypack/domain";
import type { Limiter } from "../limiter";
import type { ClusterRef } from "../report";

const NOT_FOUND = 404;

/**
 * The cluster's node OS maintenance window: one `GET` of its `aksManagedNodeOSUpgradeSchedule` maintenance
 * configuration; `undefined` when Azure answers 404 (the cluster has none). Any other failure is thrown: the rule
 * is then unreadable, not failed.
 */
export async function readNodeOsWindow(
  client: ContainerServiceClient,
  limit: Limiter,
  cluster: ClusterRef,
): Promise<NodeOsWindowFields | undefined> {
  try {
    const config = await limit(() =>
      client.maintenanceConfigurations.get(cluster.resourceGroup, cluster.name, NODE_OS_SCHEDULE_NAME),
    );
    return {
      durationHours: config.maintenanceWindow?.durationHours,
      durationField: `${NODE_OS_SCHEDULE_NAME}.maintenanceWindow.durationHours`,
    };
  } catch (err) {
    if ((err as { statusCode?: unknown }).statusCode === NOT_FOUND) return undefined;
    throw err;
  }
}
