/**
 * The rules of `nodeOsMaintenanceWindow`, one field at a time, as pure functions of plain values (the rules
 * themselves live in domain). Each message names the field, the bad value and what is allowed.
 */
import {
  Findings,
  WEEK_DAYS,
  WINDOW_HOURS_ALLOWED,
  isValidStartTime,
  isValidUtcOffset,
  isValidWindowHours,
  show,
} from "../domain";
import { Subject, about } from "./validation";

const ARG = "nodeOsMaintenanceWindow";

function finding(subject: Subject, ok: boolean, message: string): Findings {
  return about(subject, { errors: ok ? [] : [message], warnings: [] });
}

/**
 * The window as a whole: left out, `null` (from JavaScript: no window), or a plain object whose `enabled` is a
 * plain boolean. `outputs` says which of the two is an Output.
 */
export function checkWindowShape(
  subject: Subject,
  window: unknown,
  outputs: { window: boolean; enabled: boolean },
): Findings {
  if (outputs.window) {
    return finding(
      subject,
      false,
      `${ARG} is an Output: it must be a plain object, because it decides whether the window exists; give its ` +
        "fields as Outputs instead.",
    );
  }
  if (window === undefined || window === null) return about(subject, { errors: [], warnings: [] });
  if (typeof window !== "object" || Array.isArray(window)) {
    return finding(
      subject,
      false,
      `${ARG} ${show(window)} is not a maintenance window: give { dayOfWeek?, startTime?, durationHours?, ` +
        "utcOffset? }, or { enabled: false } for none.",
    );
  }
  const enabled = (window as { enabled?: unknown }).enabled;
  if (outputs.enabled) {
    return finding(
      subject,
      false,
      `${ARG}.enabled is an Output: it must be a plain true or false, because it decides whether the window exists.`,
    );
  }
  return finding(
    subject,
    enabled === undefined || typeof enabled === "boolean",
    `${ARG}.enabled ${show(enabled)} is not a boolean: give true (the default) or false for no window.`,
  );
}

export function checkDayOfWeek(subject: Subject, day: unknown): Findings {
  return finding(
    subject,
    typeof day === "string" && (WEEK_DAYS as readonly string[]).includes(day),
    `${ARG}.dayOfWeek ${show(day)} is not a day of the week: use one of ${WEEK_DAYS.map((d) => `"${d}"`).join(", ")}.`,
  );
}

export function checkStartTime(subject: Subject, time: unknown): Findings {
  return finding(
    subject,
    typeof time === "string" && isValidStartTime(time),
    `${ARG}.startTime ${show(time)} is not a time of day: write "HH:mm", from "00:00" to "23:59".`,
  );
}

export function checkDurationHours(subject: Subject, hours: unknown): Findings {
  return finding(
    subject,
    isValidWindowHours(hours),
    `${ARG}.durationHours ${show(hours)} is not a window length Azure accepts: give ${WINDOW_HOURS_ALLOWED}.`,
  );
}

export function checkUtcOffset(subject: Subject, offset: unknown): Findings {
  return finding(
    subject,
    typeof offset === "string" && isValidUtcOffset(offset),
    `${ARG}.utcOffset ${show(offset)} is not a UTC offset: write "+HH:mm" or "-HH:mm", from "-12:00" to "+14:00".`,
  );
}
