/**
 * The README's table of the rules, as the catalog renders it: `npm run readme:rules` writes it between the README's
 * markers, and a test fails when the README's copy differs.
 */
import { CLUSTER_RULES } from "./catalog";

export const RULES_TABLE_START =
  "<!-- rules-table: generated from CLUSTER_RULES by `npm run readme:rules` -->";
export const RULES_TABLE_END = "<!-- rules-table end -->";

const HEADERS = [
  "Cloud Conformity rule",
  "policy",
  "`AksCluster` does",
  "`audit` rule id",
  "fix a live cluster",
];

/** The rules as a Markdown table, its columns padded as Prettier pads them. */
export function renderRulesTable(): string {
  const rows = Object.values(CLUSTER_RULES).map((r) => [
    r.conformityRule,
    `\`${r.policy}\``,
    r.componentDefault,
    `\`${r.auditRule}\``,
    `\`${r.azureCli}\`` + (r.azureCliNote === undefined ? "" : ` (${r.azureCliNote})`),
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(HEADERS), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** The README with its table between the markers replaced by {@link renderRulesTable}'s. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(RULES_TABLE_START);
  const end = readme.indexOf(RULES_TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(`the README has no rules table between "${RULES_TABLE_START}" and "${RULES_TABLE_END}"`);
  }
  return `${readme.slice(0, start)}${RULES_TABLE_START}\n\n${renderRulesTable()}\n\n${readme.slice(end)}`;
}
