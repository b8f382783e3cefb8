import { show } from "../show";
import { UNKNOWN } from "../unknown";
import { PASS, RuleVerdict, fail, unknownValue } from "./verdict";

/** The maintenance configuration that schedules node OS upgrades; AKS knows it by this name only. */
export const NODE_OS_SCHEDULE_NAME = "aksManagedNodeOSUpgradeSchedule";

/** The shortest window AKS accepts for node OS upgrades (PSRule `Azure.AKS.MaintenanceWindow` asks the same). */
export const MIN_WINDOW_HOURS = 4;

/**
 * The Azure CLI command that adds a weekly node OS window of the shortest allowed length to a live cluster;
 * `<group>` and `<cluster>` are placeholders, as in the catalog.
 */
export const NODE_OS_WINDOW_AZURE_CLI =
  "az aks maintenanceconfiguration add --resource-group <group> --cluster-name <cluster> " +
  `--name ${NODE_OS_SCHEDULE_NAME} --schedule-type Weekly --day-of-week Sunday --interval-weeks 1 ` +
  `--start-time 00:00 --duration ${MIN_WINDOW_HOURS}`;

/** The cluster's node OS maintenance window, or `undefined` when it has none. */
export interface NodeOsWindowFields {
  /** The window's length in hours; `UNKNOWN` during preview. */
  readonly durationHours: unknown;
  /** The field that holds it, for messages (e.g. `maintenanceWindow.durationHours`). */
  readonly durationField: string;
}

/** Node OS upgrades happen in a planned window of at least 4 hours. */
export function checkNodeOsWindow(window: NodeOsWindowFields | undefined): RuleVerdict {
  if (window === undefined) {
    return fail(
      `has no ${NODE_OS_SCHEDULE_NAME} maintenance configuration, so node OS upgrades may start at any time`,
    );
  }
  const hours = window.durationHours;
  if (hours === UNKNOWN) return unknownValue(window.durationField);
  if (typeof hours === "number" && Number.isFinite(hours) && hours >= MIN_WINDOW_HOURS) return PASS;
  return fail(
    `has a node OS maintenance window whose ${window.durationField} is ${show(hours)}, not at least ` +
      `${MIN_WINDOW_HOURS} hours`,
  );
}
