import {
  CheckReport,
  ReportDiagnostic,
  ReportPack,
  ReportPolicy,
  ReportSkip,
  isMandatory,
} from "./checkReport";
import { JunitCase, JunitSuite, renderJunit } from "./junit/junitXml";

/**
 * The report as JUnit XML for a CI system's test tab: a suite per policy pack, a test case per (policy, resource)
 * the policy reported on. A mandatory violation is a failure; an advisory one a passed case with its message in
 * `system-out`; a check skipped on a value known only after deployment a skipped case. A policy that reported on
 * no resource is one passed case for the whole stack (`the stack`), or a skipped one when it is disabled: which
 * resources a policy looked at is not reported by the policy engine, so no case claims a pass on a resource.
 */
export function renderCheckJunit(report: CheckReport): string {
  const suites: JunitSuite[] = report.policyPacks.map((pack) => ({
    name: `${pack.name}@${pack.version}`,
    properties: [
      ["project", report.project],
      ["stack", report.stack],
      ["program", report.program],
      ["verdict", report.verdict],
    ],
    cases: pack.policies.flatMap((policy) => policyCases(report, pack, policy)),
  }));
  return renderJunit(`${report.tool.name} check`, suites);
}

interface Subject {
  readonly name: string;
  readonly diagnostics: ReportDiagnostic[];
  readonly skipped: ReportSkip[];
}

function policyCases(report: CheckReport, pack: ReportPack, policy: ReportPolicy): JunitCase[] {
  const of = (d: { policyPack: string; policyPackVersion: string; policy: string }): boolean =>
    d.policyPack === pack.name && d.policyPackVersion === pack.version && d.policy === policy.name;
  const subjects = new Map<string, Subject>();
  const subject = (d: ReportDiagnostic | ReportSkip): Subject => {
    const key = d.urn ?? "";
    const found = subjects.get(key) ?? {
      name: d.resourceName === undefined ? "the stack" : `${d.resourceName} (${d.resourceType})`,
      diagnostics: [],
      skipped: [],
    };
    subjects.set(key, found);
    return found;
  };
  for (const d of report.diagnostics.filter(of)) subject(d).diagnostics.push(d);
  for (const s of report.skipped.filter(of)) subject(s).skipped.push(s);
  if (subjects.size === 0) {
    return [
      {
        classname: policy.name,
        name: "the stack",
        outcome:
          policy.enforcementLevel === "disabled"
            ? { kind: "skipped", message: "The policy is disabled (enforcement level disabled)." }
            : { kind: "passed" },
      },
    ];
  }
  return [...subjects.values()].map((s) => subjectCase(policy, s));
}

function subjectCase(policy: ReportPolicy, s: Subject): JunitCase {
  const findings = s.diagnostics.map((d) => {
    const at = d.location === undefined ? "" : ` (${d.location.file}:${d.location.line})`;
    return `[${d.enforcementLevel}]${at} ${d.message}`;
  });
  const skips = s.skipped.map((k) => `[skipped] known only after deployment: ${k.unknown}`);
  const fix = policy.remediationSteps === undefined ? [] : [`Fix: ${policy.remediationSteps}`];
  const mandatory = s.diagnostics.find((d) => isMandatory(d.enforcementLevel));
  if (mandatory !== undefined) {
    return {
      classname: policy.name,
      name: s.name,
      outcome: {
        kind: "failure",
        message: mandatory.message,
        type: mandatory.enforcementLevel,
        details: [...findings, ...fix].join("\n"),
      },
      ...(skips.length === 0 ? {} : { systemOut: skips.join("\n") }),
    };
  }
  if (s.diagnostics.length > 0) {
    return {
      classname: policy.name,
      name: s.name,
      outcome: { kind: "passed" },
      systemOut: [...findings, ...skips, ...fix].join("\n"),
    };
  }
  return {
    classname: policy.name,
    name: s.name,
    outcome: {
      kind: "skipped",
      message: `known only after deployment: ${s.skipped.map((k) => k.unknown).join("; ")}`,
    },
  };
}
