/** A report as JSON: two-space indented, one trailing newline, keys in the order the report builder wrote them. */
export function renderJson(report: unknown): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
