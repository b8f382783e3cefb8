/**
 * The node OS maintenance window: the child `managedClusters/maintenanceConfigurations` that schedules node OS
 * upgrades, what AKS accepts in its fields, and the rule's verdict on a cluster's window.
 */
import { show } from "../show";
import { UNKNOWN } from "../unknown";
import { PASS, RuleVerdict, fail, unknownValue } from "./verdict";

/** The maintenance configuration that schedules node OS upgrades; AKS knows it by this name only. */
export const NODE_OS_SCHEDULE_NAME = "aksManagedNodeOSUpgradeSchedule";

/**
 * The window lengths AKS accepts: `maintenanceWindow.durationHours` is an integer from 4 to 24 in the ARM schema
 * (the classic provider's `maintenanceWindowNodeOs.duration` likewise). PSRule `Azure.AKS.MaintenanceWindow` asks
 * for at least the minimum too.
 */
export const MIN_WINDOW_HOURS = 4;
const MAX_WINDOW_HOURS = 24;

/** What AKS accepts as a window's length, in the words of every message about it (component and policy). */
export const WINDOW_HOURS_ALLOWED = `whole hours from ${MIN_WINDOW_HOURS} to ${MAX_WINDOW_HOURS}`;

/** When a weekly window opens: the day and the `HH:mm` start. */
export interface WeeklyStart {
  readonly dayOfWeek: string;
  readonly startTime: string;
}

/** The AksCluster component's default window opens Sunday 00:00 (UTC). */
const DEFAULT_WEEKLY_START: WeeklyStart = { dayOfWeek: "Sunday", startTime: "00:00" };

/**
 * The Azure CLI command that gives a live cluster a weekly node OS window of the shortest length allowed: `add`
 * where it has none (opening when the AksCluster component's default does), `update` where its window is wrong,
 * keeping the day and time it opens when it is weekly. `<group>` and `<cluster>` are placeholders, as in the catalog.
 */
export function nodeOsWindowAzureCli(
  verb: "add" | "update",
  start: WeeklyStart = DEFAULT_WEEKLY_START,
): string {
  return (
    `az aks maintenanceconfiguration ${verb} --resource-group <group> --cluster-name <cluster> ` +
    `--name ${NODE_OS_SCHEDULE_NAME} --schedule-type Weekly --day-of-week ${start.dayOfWeek} --interval-weeks 1 ` +
    `--start-time ${start.startTime} --duration ${MIN_WINDOW_HOURS}`
  );
}

export const WEEK_DAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

const START_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const UTC_OFFSET = /^[+-]([01][0-9]):([0-5][0-9])$/;

/** A start time `HH:mm`, from `00:00` to `23:59`. */
export function isValidStartTime(time: string): boolean {
  return START_TIME.test(time);
}

/** A UTC offset `+HH:mm` or `-HH:mm`, from `-12:00` to `+14:00` (the offsets in use on Earth). */
export function isValidUtcOffset(offset: string): boolean {
  const match = UTC_OFFSET.exec(offset);
  if (match === null) return false;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return offset.startsWith("-") ? minutes <= 12 * 60 : minutes <= 14 * 60;
}

export function isValidWindowHours(hours: unknown): boolean {
  return (
    typeof hours === "number" &&
    Number.isInteger(hours) &&
    hours >= MIN_WINDOW_HOURS &&
    hours <= MAX_WINDOW_HOURS
  );
}

/** The cluster's node OS maintenance window, or `undefined` when it has none. */
export interface NodeOsWindowFields {
  /** The window's length in hours; `UNKNOWN` during preview. */
  readonly durationHours: unknown;
  /** The field that holds it, for messages (e.g. `maintenanceWindow.durationHours`). */
  readonly durationField: string;
}

/**
 * Node OS upgrades happen in a planned window of a length AKS accepts: whole hours from 4 to 24 (a longer or
 * fractional one is no window Azure would keep).
 */
export function checkNodeOsWindow(window: NodeOsWindowFields | undefined): RuleVerdict {
  if (window === undefined) {
    return fail(
      `has no ${NODE_OS_SCHEDULE_NAME} maintenance configuration, so node OS upgrades may start at any time`,
    );
  }
  const hours = window.durationHours;
  if (hours === UNKNOWN) return unknownValue(window.durationField);
  if (isValidWindowHours(hours)) return PASS;
  return fail(
    `has a node OS maintenance window whose ${window.durationField} is ${show(hours)}, not ${WINDOW_HOURS_ALLOWED}`,
  );
}
