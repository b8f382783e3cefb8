import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { NODE_OS_SCHEDULE_NAME } from "../domain";
import { ComponentChecks } from "./deferredChecks";
import { NodeOsMaintenanceWindowArgs, WindowFields, weeklyWindow, windowFields } from "./maintenanceWindow";
import {
  checkDayOfWeek,
  checkDurationHours,
  checkStartTime,
  checkUtcOffset,
  checkWindowShape,
} from "./maintenanceWindowValidation";
import type { ClusterLocator } from "./clusterLocator";
import type { Subject } from "./validation";

/**
 * Checks `nodeOsMaintenanceWindow` and returns its fields, defaults filled in and each held back by its own
 * check; `undefined` when there is to be no window (`enabled: false`, or `null` from JavaScript).
 */
export function checkedNodeOsWindowFields(
  subject: Subject,
  window: unknown,
  checks: ComponentChecks,
): WindowFields | undefined {
  const isOutput = pulumi.Output.isInstance(window);
  const enabled = isOutput || window === null ? undefined : (window as NodeOsMaintenanceWindowArgs)?.enabled;
  const shape = checkWindowShape(subject, window, {
    window: isOutput,
    enabled: pulumi.Output.isInstance(enabled),
  });
  checks.report("nodeOsMaintenanceWindow", shape);
  if (shape.errors.length > 0 || window === null || enabled === false) return undefined;
  const fields = windowFields((window ?? {}) as NodeOsMaintenanceWindowArgs);
  const field = <T>(
    key: keyof WindowFields,
    value: pulumi.Input<T>,
    findings: (v: unknown) => ReturnType<typeof checkDayOfWeek>,
  ) =>
    checks.check({
      argument: `nodeOsMaintenanceWindow.${key}`,
      reads: [value],
      findings: ([v]) => findings(v),
    })(value);
  return {
    dayOfWeek: field("dayOfWeek", fields.dayOfWeek, (v) => checkDayOfWeek(subject, v)),
    startTime: field("startTime", fields.startTime, (v) => checkStartTime(subject, v)),
    durationHours: field("durationHours", fields.durationHours, (v) => checkDurationHours(subject, v)),
    utcOffset: field("utcOffset", fields.utcOffset, (v) => checkUtcOffset(subject, v)),
  };
}

/** The window as the cluster's child `MaintenanceConfiguration` `aksManagedNodeOSUpgradeSchedule`. */
export function createNodeOsWindow(
  name: string,
  fields: WindowFields,
  target: ClusterLocator,
  parent: pulumi.Resource,
): containerservice.MaintenanceConfiguration {
  return new containerservice.MaintenanceConfiguration(
    `${name}-node-os-window`,
    {
      resourceGroupName: target.resourceGroupName,
      resourceName: target.clusterName,
      configName: NODE_OS_SCHEDULE_NAME,
      maintenanceWindow: weeklyWindow(fields),
    },
    { parent },
  );
}
