import { CheckReport, ReportDiagnostic, ReportPack, ReportSkip, isMandatory } from "./checkReport";
import { checks, countsSentence, skipsSentence, verdictSentence } from "./checkVerdict";
import { treeRows } from "./resourceTree";

/**
 * The report as `pulumi preview` would print it: the resource tree, the program's diagnostics, the policy
 * violations grouped by pack and policy, then the totals and the verdict.
 */
export function renderText(report: CheckReport): string {
  const lines: string[] = [
    `Previewing stack "${report.stack}" of project "${report.project}" (${report.program})`,
    "Simulated offline as a first `pulumi preview` of a new stack: nothing is deployed, values only Azure can " +
      "compute are unknown.",
    ...typeCheckLine(report),
    "",
    ...resourceTable(report),
    ...diagnosticsSection(report),
    ...policiesSection(report),
    "Resources:",
    ...resourceCounts(report),
    "",
    summary(report),
  ];
  return `${lines.join("\n")}\n`;
}

function typeCheckLine(report: CheckReport): string[] {
  const checked = report.typeCheck;
  if (checked === undefined) return [];
  return [
    checked.compiler === "tsc"
      ? `Type-checked with TypeScript ${checked.version} (native tsc).`
      : `Type-checked with TypeScript ${checked.version} (ts-node, as Pulumi does).`,
  ];
}

function resourceTable(report: CheckReport): string[] {
  const rows = treeRows(report.resources).map(({ item, prefix }) => ({
    op: item.operation === "read" ? ">" : "+",
    type: `${prefix}${item.type}`,
    name: item.name,
    plan: item.operation,
  }));
  const typeWidth = Math.max(4, ...rows.map((r) => r.type.length)) + 2;
  const nameWidth = Math.max(4, ...rows.map((r) => r.name.length)) + 2;
  return [
    `     ${"Type".padEnd(typeWidth)}${"Name".padEnd(nameWidth)}Plan`,
    ...rows.map((r) => ` ${r.op}   ${r.type.padEnd(typeWidth)}${r.name.padEnd(nameWidth)}${r.plan}`),
    "",
  ];
}

function diagnosticsSection(report: CheckReport): string[] {
  const logs = report.logs.filter((l) => l.severity !== "debug");
  if (logs.length === 0) return [];
  const byUrn = new Map(report.resources.map((r) => [r.urn, r]));
  const groups = new Map<string, string[]>();
  for (const log of logs) {
    const resource = log.urn === undefined ? undefined : byUrn.get(log.urn);
    const title = resource === undefined ? "(program)" : `${resource.type} (${resource.name})`;
    const text = log.severity === "info" ? log.message : `${log.severity}: ${log.message}`;
    groups.set(title, [...(groups.get(title) ?? []), ...indent(text, "    ")]);
  }
  return ["Diagnostics:", ...[...groups].flatMap(([title, body]) => [`  ${title}:`, ...body, ""])];
}

function policiesSection(report: CheckReport): string[] {
  if (report.policyPacks.length === 0) return [];
  return [
    "Policies:",
    ...report.policyPacks.flatMap((pack) => packLines(pack, report.diagnostics, report.skipped)),
    "",
  ];
}

function packLines(
  pack: ReportPack,
  all: readonly ReportDiagnostic[],
  allSkipped: readonly ReportSkip[],
): string[] {
  const ofPack = (d: { policyPack: string; policyPackVersion: string }): boolean =>
    d.policyPack === pack.name && d.policyPackVersion === pack.version;
  const diagnostics = all.filter(ofPack);
  const skipped = allSkipped.filter(ofPack);
  // A pack that skipped checks did not pass cleanly, so it never gets the check mark.
  const mark = diagnostics.some((d) => isMandatory(d.enforcementLevel))
    ? "❌"
    : diagnostics.length > 0 || skipped.length > 0
      ? "⚠️"
      : "✅";
  const lines = [`    ${mark} ${pack.name}@v${pack.version} (local: ${pack.path})`];
  const policies = [...new Set(diagnostics.map((d) => d.policy))];
  for (const policy of policies) {
    const found = diagnostics.filter((d) => d.policy === policy);
    const levels = [...new Set(found.map((d) => d.enforcementLevel))].join(", ");
    const count = `${found.length} ${found.length === 1 ? "violation" : "violations"}`;
    lines.push(`        - [${levels}]  ${policy}  (${count})`);
    lines.push(...indent(found[0].description, "          "));
    for (const d of found) {
      const where = d.location === undefined ? "" : `  at ${d.location.file}:${d.location.line}`;
      const subject = d.resourceType === undefined ? "the stack" : `${d.resourceType}: ${d.resourceName}`;
      const level = found.some((f) => f.enforcementLevel !== d.enforcementLevel)
        ? `[${d.enforcementLevel}] `
        : "";
      lines.push(`          ${level}${subject}${where}`);
      lines.push(...indent(d.message, "            "));
    }
  }
  for (const policy of [...new Set(skipped.map((s) => s.policy))]) {
    const found = skipped.filter((s) => s.policy === policy);
    lines.push(`        - [${found[0].enforcementLevel}]  ${policy}  (${checks(found.length)} skipped)`);
    for (const s of found) {
      const where = s.location === undefined ? "" : `  at ${s.location.file}:${s.location.line}`;
      const subject = s.resourceType === undefined ? "the stack" : `${s.resourceType}: ${s.resourceName}`;
      lines.push(`          ${subject}${where}`);
      lines.push(`            known only after deployment: ${s.unknown}`);
    }
  }
  return lines;
}

function resourceCounts(report: CheckReport): string[] {
  const create = report.resources.filter((r) => r.operation === "create").length;
  const read = report.resources.length - create;
  return [`    + ${create} to create`, ...(read > 0 ? [`    > ${read} to read`] : [])];
}

function summary(report: CheckReport): string {
  return [countsSentence(report), skipsSentence(report) ?? [], verdictSentence(report)].flat().join("\n");
}

function indent(text: string, prefix: string): string[] {
  return text.split("\n").map((line) => (line === "" ? "" : `${prefix}${line}`));
}
