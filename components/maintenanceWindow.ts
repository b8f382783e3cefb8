import * as pulumi from "@pulumi/pulumi";
import type * as azureInputs from "@pulumi/azure-native/types/input";

/** A day of the week, as Azure's maintenance schedules name it. */
export const WeekDay = {
  /** The window opens on Sundays. */
  Sunday: "Sunday",
  /** The window opens on Mondays. */
  Monday: "Monday",
  /** The window opens on Tuesdays. */
  Tuesday: "Tuesday",
  /** The window opens on Wednesdays. */
  Wednesday: "Wednesday",
  /** The window opens on Thursdays. */
  Thursday: "Thursday",
  /** The window opens on Fridays. */
  Friday: "Friday",
  /** The window opens on Saturdays. */
  Saturday: "Saturday",
} as const;
export type WeekDay = (typeof WeekDay)[keyof typeof WeekDay];

/**
 * When AKS may upgrade the nodes' OS: a weekly window, the `aksManagedNodeOSUpgradeSchedule` maintenance
 * configuration. Without one, AKS upgrades node images whenever a new one is out.
 */
export interface NodeOsMaintenanceWindowArgs {
  /**
   * Whether the component creates the window. Defaults to `true`; `false` leaves node OS upgrades unscheduled
   * (the other fields are then ignored). A plain boolean: it decides whether the resource exists.
   */
  readonly enabled?: boolean;
  /** The day the window opens. Defaults to `"Sunday"`. */
  readonly dayOfWeek?: pulumi.Input<WeekDay>;
  /** The time it opens, `"HH:mm"` from `"00:00"` to `"23:59"`, in `utcOffset`. Defaults to `"00:00"`. */
  readonly startTime?: pulumi.Input<string>;
  /** How long it stays open, in whole hours from 4 (Azure's minimum) to 24. Defaults to `4`. */
  readonly durationHours?: pulumi.Input<number>;
  /** The time zone of `startTime`, `"+HH:mm"` or `"-HH:mm"` (e.g. `"+01:00"`). Defaults to `"+00:00"` (UTC). */
  readonly utcOffset?: pulumi.Input<string>;
}

export const NODE_OS_MAINTENANCE_WINDOW_DEFAULTS = {
  dayOfWeek: WeekDay.Sunday,
  startTime: "00:00",
  durationHours: 4,
  utcOffset: "+00:00",
} as const;

/** The window's fields, defaults filled in. */
export interface WindowFields {
  readonly dayOfWeek: pulumi.Input<WeekDay>;
  readonly startTime: pulumi.Input<string>;
  readonly durationHours: pulumi.Input<number>;
  readonly utcOffset: pulumi.Input<string>;
}

export function windowFields(window: NodeOsMaintenanceWindowArgs): WindowFields {
  const defaults = NODE_OS_MAINTENANCE_WINDOW_DEFAULTS;
  return {
    dayOfWeek: window.dayOfWeek ?? defaults.dayOfWeek,
    startTime: window.startTime ?? defaults.startTime,
    durationHours: window.durationHours ?? defaults.durationHours,
    utcOffset: window.utcOffset ?? defaults.utcOffset,
  };
}

/** The `maintenanceWindow` of the configuration: every week, on one day. */
export function weeklyWindow(fields: WindowFields): azureInputs.containerservice.MaintenanceWindowArgs {
  return {
    schedule: { weekly: { dayOfWeek: fields.dayOfWeek, intervalWeeks: 1 } },
    durationHours: fields.durationHours,
    startTime: fields.startTime,
    utcOffset: fields.utcOffset,
  };
}
