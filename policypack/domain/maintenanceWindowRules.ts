/** AKS's rules for planned maintenance windows (`managedClusters/maintenanceConfigurations`). */

import { MIN_WINDOW_HOURS } from "./clusterRules/maintenanceWindow";

/** Azure's upper bound of `maintenanceWindow.durationHours` for the auto-upgrade schedules (the lower is the rule's). */
export const MAX_WINDOW_HOURS = 24;

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
