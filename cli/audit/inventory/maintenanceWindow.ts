import type { ContainerServiceClient } from "@azure/arm-containerservice";
import {
  NODE_OS_SCHEDULE_NAME,
  NodeOsWindowFields,
  WEEK_DAYS,
  WeeklyStart,
  isValidStartTime,
} from "../../../domain";
import type { Limiter } from "../limiter";
import type { LiveCluster } from "../report";

const NOT_FOUND = 404;

/** A live window: the fields the rule judges, and when it opens if it is weekly (a fix keeps that). */
export interface LiveNodeOsWindow extends NodeOsWindowFields {
  readonly weeklyStart?: WeeklyStart;
}

/**
 * The cluster's node OS maintenance window: one `GET` of its `aksManagedNodeOSUpgradeSchedule` maintenance
 * configuration; `undefined` when Azure answers 404 (the cluster has none). Any other failure is thrown: the rule
 * is then unreadable, not failed.
 */
export async function readNodeOsWindow(
  client: ContainerServiceClient,
  limit: Limiter,
  cluster: LiveCluster,
): Promise<LiveNodeOsWindow | undefined> {
  try {
    const config = await limit(() =>
      client.maintenanceConfigurations.get(cluster.resourceGroup, cluster.name, NODE_OS_SCHEDULE_NAME),
    );
    const dayOfWeek = config.maintenanceWindow?.schedule?.weekly?.dayOfWeek;
    const startTime = config.maintenanceWindow?.startTime;
    // Checked before it goes into a command line: a day and a time as AKS writes them, or nothing.
    const weekly =
      (WEEK_DAYS as readonly unknown[]).includes(dayOfWeek) &&
      typeof startTime === "string" &&
      isValidStartTime(startTime);
    return {
      durationHours: config.maintenanceWindow?.durationHours,
      durationField: `${NODE_OS_SCHEDULE_NAME}.maintenanceWindow.durationHours`,
      ...(weekly ? { weeklyStart: { dayOfWeek: dayOfWeek as string, startTime: startTime as string } } : {}),
    };
  } catch (err) {
    if ((err as { statusCode?: unknown }).statusCode === NOT_FOUND) return undefined;
    throw err;
  }
}
