import { cell } from "./markdownText";

/**
 * The most a Markdown report may weigh, in UTF-8 bytes: GitHub refuses a step summary over 1 MiB
 * (1,048,576 bytes); the margin is room for a heading or a link a pipeline adds to the same step.
 */
export const MARKDOWN_LIMIT_BYTES = 1_000_000;

/** One row of a findings table, its cells already Markdown; `level` counts the rows a truncation leaves out. */
export interface FindingRow {
  readonly level: string;
  readonly cells: readonly string[];
}

/** What a Markdown report holds: text before the table, the table, text after it. */
export interface FindingsDocument {
  /** The verdict and the counts, first. */
  readonly head: readonly string[];
  readonly headers: readonly string[];
  /** In the order to show, the most important first: a truncation keeps the first rows. */
  readonly rows: readonly FindingRow[];
  /** What the table does not hold (skipped checks); kept whole by a truncation. */
  readonly tail: readonly string[];
  /** What a row is, for the truncation's sentence: `finding`. */
  readonly noun: string;
  /** Where every row can be found when some are left out. */
  readonly fullReports: string;
}

/** Room kept for the truncation's sentence: its counts are at most a few dozen characters. */
const NOTE_RESERVE_BYTES = 1_024;

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");

/**
 * The document as Markdown within `limit` bytes: the head, the table with as many rows as fit (in order), a
 * sentence saying how many rows were left out and of which levels when any were, then the tail. Rows are never
 * dropped silently.
 */
export function renderFindings(doc: FindingsDocument, limit: number = MARKDOWN_LIMIT_BYTES): string {
  const head = doc.head.length === 0 ? "" : `${doc.head.join("\n\n")}\n\n`;
  const tail = doc.tail.length === 0 ? "" : `\n${doc.tail.join("\n\n")}\n`;
  if (doc.rows.length === 0) return `${head}No ${doc.noun}s.\n${tail}`;
  const table = `| ${doc.headers.map(cell).join(" | ")} |\n|${doc.headers.map(() => " --- |").join("")}\n`;
  const budget = limit - bytes(head) - bytes(table) - bytes(tail) - NOTE_RESERVE_BYTES;
  const shown: string[] = [];
  let used = 0;
  for (const row of doc.rows) {
    const line = `| ${row.cells.join(" | ")} |\n`;
    const size = bytes(line);
    if (used + size > budget) break;
    shown.push(line);
    used += size;
  }
  const omitted = doc.rows.slice(shown.length);
  return `${head}${table}${shown.join("")}${omitted.length === 0 ? "" : truncation(doc, omitted)}${tail}`;
}

function truncation(doc: FindingsDocument, omitted: readonly FindingRow[]): string {
  const levels = new Map<string, number>();
  for (const row of omitted) levels.set(row.level, (levels.get(row.level) ?? 0) + 1);
  const byLevel = [...levels].map(([level, n]) => `${n} ${level}`).join(", ");
  return (
    `\n**${omitted.length} more ${doc.noun}${omitted.length === 1 ? "" : "s"} not shown** (${byLevel}) of ` +
    `${doc.rows.length}, to keep this report under GitHub's 1 MiB step summary limit: ${doc.fullReports}.\n`
  );
}
