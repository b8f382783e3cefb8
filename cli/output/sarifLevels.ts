import type { ReportingConfiguration } from "sarif";

type Level = NonNullable<ReportingConfiguration["level"]>;

/** A CrossGuard enforcement level as a SARIF result level: mandatory fails a build, advisory warns. */
export function sarifLevel(level: "advisory" | "mandatory" | "remediate" | "disabled"): Level {
  switch (level) {
    case "mandatory":
    case "remediate":
      return "error";
    case "advisory":
      return "warning";
    case "disabled":
      return "none";
  }
}

/**
 * GitHub code scanning ranks security results by a `security-severity` score (0–10) in the rule's properties;
 * these are the midpoints of its ranges for each named severity.
 */
export function securitySeverity(severity: "low" | "medium" | "high" | "critical"): string {
  return { low: "2.0", medium: "5.0", high: "7.5", critical: "9.5" }[severity];
}
