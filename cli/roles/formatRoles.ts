import { textTable } from "../audit/format/textTable";
import { renderJson } from "../output/json";
import type { RolesReport } from "./roleEntries";

export const RolesFormat = { Table: "table", Json: "json" } as const;
export type RolesFormat = (typeof RolesFormat)[keyof typeof RolesFormat];

export function formatRolesTable(report: RolesReport): string {
  const heading =
    report.source === "azure"
      ? `Trusted Access roles Azure offers in ${report.location} (asked with subscription ${report.subscriptionId}):`
      : `Trusted Access roles of the built-in catalog, a ${report.location} snapshot (Azure adds roles by region ` +
        "and over time; ask Azure with --location <region>):";
  const rows = report.roles.map((r) => [r.role, r.privilege.length === 0 ? "-" : r.privilege.join("; ")]);
  return [heading, "", ...textTable(["ROLE", "PRIVILEGE"], rows)].join("\n") + "\n";
}

export function formatRolesJson(report: RolesReport): string {
  return renderJson(report);
}
