import { CheckReport, ReportDiagnostic, ReportPolicy, isMandatory } from "./checkReport";
import { checks, countsSentence, skipsSentence, verdictSentence } from "./checkVerdict";
import { FindingRow, renderFindings } from "./markdown/findingsTable";
import { cell, codeCell, escapeInline } from "./markdown/markdownText";

/**
 * The report as Markdown for a CI job summary or a pull request comment: the verdict first, then one table row per
 * violation (mandatory ones first), then the skipped checks counted by policy. Stays under GitHub's 1 MiB step
 * summary limit, saying how many rows it left out.
 */
export function renderMarkdown(report: CheckReport, limit?: number): string {
  const policies = new Map(
    report.policyPacks.flatMap((pack) => pack.policies.map((p) => [key(pack.name, p.name), p] as const)),
  );
  const severalPacks = report.policyPacks.length > 1;
  const rows: FindingRow[] = [...report.diagnostics]
    .sort((a, b) => rank(a) - rank(b))
    .map((d) => ({
      level: d.enforcementLevel,
      cells: [
        cell(severalPacks ? `${d.policyPack}: ${d.policy}` : d.policy),
        resourceCell(d),
        d.enforcementLevel,
        cell(d.message),
        fixCell(policies.get(key(d.policyPack, d.policy))),
      ],
    }));
  return renderFindings(
    {
      head: [
        `## ${heading(report)}`,
        `**${escapeInline(verdictSentence(report))}**`,
        `Stack \`${report.stack}\` of project \`${report.project}\` (${codeCell(report.program)}). ` +
          escapeInline(countsSentence(report)),
      ],
      headers: ["Policy", "Resource", "Level", "Message", "Fix"],
      rows,
      tail: skippedLines(report),
      noun: "violation",
      fullReports: "every one is in the text, JSON, SARIF and JUnit reports",
    },
    limit,
  );
}

function heading(report: CheckReport): string {
  if (report.verdict === "fail") return "❌ aks-trusted-access check: failed";
  return report.totals.mandatorySkipped === 0
    ? "✅ aks-trusted-access check: passed"
    : "⚠️ aks-trusted-access check: passed, with mandatory checks skipped";
}

const key = (pack: string, policy: string): string => `${pack}\u0000${policy}`;
const rank = (d: ReportDiagnostic): number => (isMandatory(d.enforcementLevel) ? 0 : 1);

function resourceCell(d: ReportDiagnostic): string {
  if (d.resourceName === undefined) return "the stack";
  const where = d.location === undefined ? "" : `<br>${codeCell(`${d.location.file}:${d.location.line}`)}`;
  return `${cell(d.resourceName)} (${codeCell(d.resourceType ?? "")})${where}`;
}

function fixCell(policy: ReportPolicy | undefined): string {
  return policy?.remediationSteps === undefined ? "—" : cell(policy.remediationSteps);
}

/** The skipped checks, counted per policy (never a row each: their number is bounded by the policies). */
function skippedLines(report: CheckReport): string[] {
  const sentence = skipsSentence(report);
  if (sentence === undefined) return [];
  const counts = new Map<string, number>();
  for (const s of report.skipped) {
    const k = `${s.policy} (${s.enforcementLevel})`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [
    `**${escapeInline(sentence)}**`,
    [...counts].map(([k, n]) => `- ${escapeInline(k)}: ${checks(n)}`).join("\n"),
  ];
}
