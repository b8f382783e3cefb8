import * as fs from "fs";

/** A JSON file's top-level object, or `{}` when it is missing, unreadable or not an object: a lookup, not a check. */
export function readJsonObject(file: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
