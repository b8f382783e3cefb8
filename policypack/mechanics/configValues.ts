/**
 * Tolerant readers for policy config. The CLI validates config against each policy's `configSchema` and fills
 * its defaults, but a pack may also be configured by other engines or none: read defensively, never throw.
 */

/** The strings of a string list; anything else gives an empty list. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** A non-empty string, or the default. */
export function textOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}
