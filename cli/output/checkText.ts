import { CheckReport, ReportDiagnostic, ReportPack, isMandatory } from "./checkReport";
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
  return ["Policies:", ...report.policyPacks.flatMap((pack) => packLines(pack, report.diagnostics)), ""];
}

function packLines(pack: ReportPack, all: readonly ReportDiagnostic[]): string[] {
  const diagnostics = all.filter((d) => d.policyPack === pack.name && d.policyPackVersion === pack.version);
  const mark = diagnostics.some((d) => isMandatory(d.enforcementLevel))
    ? "❌"
    : diagnostics.length > 0
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
  return lines;
}

function resourceCounts(report: CheckReport): string[] {
  const create = report.resources.filter((r) => r.operation === "create").length;
  const read = report.resources.length - create;
  return [`    + ${create} to create`, ...(read > 0 ? [`    > ${read} to read`] : [])];
}

function summary(report: CheckReport): string {
  const { mandatory, advisory, policyPacks, policies } = report.totals;
  const counted =
    `Policy violations: ${mandatory} mandatory, ${advisory} advisory ` +
    `(${policies} ${policies === 1 ? "policy" : "policies"} in ${policyPacks} ${policyPacks === 1 ? "pack" : "packs"}).`;
  return report.verdict === "fail"
    ? `${counted}\nFAILED: a mandatory policy is violated.`
    : `${counted}\nPASSED: no mandatory policy is violated.`;
}

function indent(text: string, prefix: string): string[] {
  return text.split("\n").map((line) => (line === "" ? "" : `${prefix}${line}`));
}
