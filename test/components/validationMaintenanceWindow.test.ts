import type { NodeOsMaintenanceWindowArgs } from "../../components";
import { FourFormCase, fourFormTests } from "./support/validationRelatedRules";

type WindowField = "dayOfWeek" | "startTime" | "durationHours" | "utcOffset";

function windowCase(name: string, field: WindowField, value: unknown, message: string): FourFormCase {
  return {
    name,
    type: "azure-native:containerservice:MaintenanceConfiguration",
    resource: "prod-node-os-window",
    input: "maintenanceWindow",
    message,
    args: (replace) => ({
      nodeOsMaintenanceWindow: { [field]: replace(value) } as NodeOsMaintenanceWindowArgs,
    }),
  };
}

const DAYS = '"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"';
const cases = [
  windowCase(
    "rejects a day that is not a day of the week",
    "dayOfWeek",
    "Funday",
    `nodeOsMaintenanceWindow.dayOfWeek "Funday" is not a day of the week: use one of ${DAYS}.`,
  ),
  windowCase(
    "rejects a start time of 24:00",
    "startTime",
    "24:00",
    'nodeOsMaintenanceWindow.startTime "24:00" is not a time of day: write "HH:mm", from "00:00" to "23:59".',
  ),
  windowCase(
    "rejects a start time without its leading zero",
    "startTime",
    "9:00",
    'nodeOsMaintenanceWindow.startTime "9:00" is not a time of day: write "HH:mm", from "00:00" to "23:59".',
  ),
  windowCase(
    "rejects a window shorter than Azure's 4 hours",
    "durationHours",
    3,
    "nodeOsMaintenanceWindow.durationHours 3 is not a window length Azure accepts: give whole hours from 4 to 24.",
  ),
  windowCase(
    "rejects a window longer than 24 hours",
    "durationHours",
    25,
    "nodeOsMaintenanceWindow.durationHours 25 is not a window length Azure accepts: give whole hours from 4 to 24.",
  ),
  windowCase(
    "rejects a window of part of an hour",
    "durationHours",
    4.5,
    "nodeOsMaintenanceWindow.durationHours 4.5 is not a window length Azure accepts: give whole hours from 4 to 24.",
  ),
  windowCase(
    "rejects a UTC offset without its sign",
    "utcOffset",
    "01:00",
    'nodeOsMaintenanceWindow.utcOffset "01:00" is not a UTC offset: write "+HH:mm" or "-HH:mm", from "-12:00" to "+14:00".',
  ),
  windowCase(
    "rejects a UTC offset beyond +14:00",
    "utcOffset",
    "+15:00",
    'nodeOsMaintenanceWindow.utcOffset "+15:00" is not a UTC offset: write "+HH:mm" or "-HH:mm", from "-12:00" to "+14:00".',
  ),
];

describe("AksCluster argument checks: nodeOsMaintenanceWindow", () => {
  // The SDK sends an object holding an unknown value as unknown as a whole: the window, not just the field.
  fourFormTests(cases);
});
