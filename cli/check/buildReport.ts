import { Diagnostic } from "../packHost";
import {
  CheckReport,
  ReportDiagnostic,
  ReportLocation,
  ReportPack,
  ReportResource,
  ReportSkip,
  isMandatory,
} from "../output/checkReport";
import { reportPath } from "../output/paths";
import { PackVerdict } from "./policy/packFleet";
import { PreviewSkip, splitSkips } from "./previewSkips";
import { RecordedResource, RecordedStack, SourceLocation } from "./program/recordedStack";
import { TypeChecker } from "./program/typeCheck";
import { ToolPackage } from "./toolPackage";

/** Puts the program's resources and the packs' verdicts into the report every output format renders. */
export function buildReport(
  stack: RecordedStack,
  verdicts: readonly PackVerdict[],
  tool: ToolPackage,
  checker?: TypeChecker,
): CheckReport {
  const byUrn = new Map(stack.resources.map((r, i) => [r.urn, { resource: r, order: i }]));
  const locate = (urn: string | undefined): ReportLocation | undefined => {
    // A resource declared where no user code is on the stack takes the line of its nearest ancestor.
    for (let at = urn; at !== undefined; at = byUrn.get(at)?.resource.parent) {
      const location = byUrn.get(at)?.resource.location;
      if (location !== undefined) return reportLocation(location);
    }
    return undefined;
  };
  /** The fields that say which resource a diagnostic or a skip is about, and where the program declares it. */
  const about = (urn: string | undefined) => {
    const resource = urn === undefined ? undefined : byUrn.get(urn)?.resource;
    const location = locate(urn);
    return {
      ...(urn === undefined ? {} : { urn }),
      ...(resource === undefined ? {} : { resourceType: resource.type, resourceName: resource.name }),
      ...(location === undefined ? {} : { location }),
    };
  };
  const packs: ReportPack[] = verdicts.map((v) => ({
    name: v.info.name,
    version: v.info.version,
    path: reportPath(v.dir),
    policies: v.info.policies.map((p) => ({
      name: p.name,
      description: p.description,
      enforcementLevel: v.config[p.name]?.enforcementLevel ?? p.enforcementLevel,
      ...(p.severity === undefined ? {} : { severity: p.severity }),
      ...(p.remediationSteps === "" ? {} : { remediationSteps: p.remediationSteps }),
      ...(p.url === "" ? {} : { url: p.url }),
    })),
  }));
  const order = (d: { readonly urn?: string }): number =>
    d.urn === undefined ? Infinity : (byUrn.get(d.urn)?.order ?? Infinity);
  const split = verdicts.map((v) => splitSkips(v.diagnostics));
  const diagnostics: ReportDiagnostic[] = verdicts
    .flatMap((v, packIndex) =>
      [...split[packIndex].violations]
        .sort(
          (a, b) =>
            compare(a.policyName, b.policyName) || order(a) - order(b) || compare(a.message, b.message),
        )
        .map((d) => ({ packIndex, d })),
    )
    .map(({ d }) => ({
      policyPack: d.policyPackName,
      policyPackVersion: d.policyPackVersion,
      policy: d.policyName,
      enforcementLevel: d.enforcementLevel,
      ...(d.severity === undefined ? {} : { severity: d.severity }),
      description: d.description,
      message: ownMessage(d),
      ...about(d.urn),
    }));
  const skipped: ReportSkip[] = verdicts.flatMap((v, packIndex) =>
    [...split[packIndex].skips]
      .sort((a, b) => compare(a.policyName, b.policyName) || order(a) - order(b))
      .map((s): ReportSkip => {
        const policy = v.info.policies.find((p) => p.name === s.policyName);
        return reportSkip(
          s,
          v.config[s.policyName]?.enforcementLevel ?? policy?.enforcementLevel ?? "advisory",
        );
      }),
  );
  function reportSkip(s: PreviewSkip, enforcementLevel: ReportSkip["enforcementLevel"]): ReportSkip {
    return {
      policyPack: s.policyPackName,
      policyPackVersion: s.policyPackVersion,
      policy: s.policyName,
      enforcementLevel,
      unknown: s.unknown,
      ...about(s.urn),
    };
  }
  const mandatory = diagnostics.filter((d) => isMandatory(d.enforcementLevel)).length;
  return {
    schemaVersion: 1,
    tool: { name: "aks-trusted-access", version: tool.version },
    project: stack.project,
    stack: stack.stack,
    program: reportPath(stack.mainFile),
    ...(checker === undefined ? {} : { typeCheck: checker }),
    verdict: mandatory > 0 ? "fail" : "pass",
    resources: stack.resources.map(reportResource),
    policyPacks: packs,
    diagnostics,
    skipped,
    logs: stack.logs.map((l) => ({
      severity: l.severity,
      message: l.message,
      ...(l.urn ? { urn: l.urn } : {}),
    })),
    totals: {
      resources: stack.resources.length,
      policyPacks: packs.length,
      policies: packs.reduce((n, p) => n + p.policies.length, 0),
      mandatory,
      advisory: diagnostics.filter((d) => d.enforcementLevel === "advisory").length,
      skipped: skipped.length,
      mandatorySkipped: skipped.filter((s) => isMandatory(s.enforcementLevel)).length,
    },
  };
}

function reportResource(r: RecordedResource): ReportResource {
  return {
    urn: r.urn,
    type: r.type,
    name: r.name,
    operation: r.operation,
    custom: r.custom,
    ...(r.parent === undefined ? {} : { parent: r.parent }),
    ...(r.location === undefined ? {} : { location: reportLocation(r.location) }),
  };
}

function reportLocation(location: SourceLocation): ReportLocation {
  return { file: reportPath(location.file), line: location.line, column: location.column };
}

/** The policy SDK prefixes each violation with the policy's description; the report keeps that apart. */
function ownMessage(d: Diagnostic): string {
  const prefix = `${d.description}\n`;
  return d.description !== "" && d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
