import { createHash } from "crypto";
import type { Location, Log, Notification, ReportingDescriptor, Result } from "sarif";
import { CheckReport, ReportDiagnostic, isMandatory } from "./checkReport";
import { sarifLevel, securitySeverity } from "./sarifLevels";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://www.npmjs.com/package/aks-trusted-access";

/**
 * The report as SARIF 2.1.0 for GitHub code scanning: one rule per policy of every pack that ran, one result per
 * violation at its enforcement level, located at the line that declared the resource (or the program's entry file
 * when no line is known), with the resource's URN as logical location. Each check skipped on a value known only
 * after deployment is a tool execution notification of its rule: `warning` for a mandatory policy, else `note`.
 */
export function renderSarif(report: CheckReport): string {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const duplicated = duplicates(report.policyPacks.flatMap((p) => p.policies.map((policy) => policy.name)));
  for (const pack of report.policyPacks) {
    for (const policy of pack.policies) {
      const id = duplicated.has(policy.name) ? `${pack.name}/${policy.name}` : policy.name;
      ruleIndex.set(`${pack.name}\u0000${policy.name}`, rules.length);
      rules.push({
        id,
        name: policy.name,
        shortDescription: { text: policy.description },
        ...(policy.remediationSteps === undefined ? {} : { help: { text: policy.remediationSteps } }),
        ...(policy.url === undefined ? {} : { helpUri: policy.url }),
        defaultConfiguration: {
          level: sarifLevel(policy.enforcementLevel),
          enabled: policy.enforcementLevel !== "disabled",
        },
        properties: {
          tags: ["security", "azure", "aks", "pulumi"],
          policyPack: `${pack.name}@${pack.version}`,
          ...(policy.severity === undefined
            ? {}
            : { "security-severity": securitySeverity(policy.severity) }),
        },
      });
    }
  }
  const results: Result[] = report.diagnostics.map((d) => {
    const index = ruleIndex.get(`${d.policyPack}\u0000${d.policy}`);
    return {
      ruleId: index === undefined ? d.policy : (rules[index].id as string),
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: sarifLevel(d.enforcementLevel),
      message: { text: d.message },
      locations: [location(d, report.program)],
      partialFingerprints: { "aksTrustedAccessViolation/v1": fingerprint(d) },
    };
  });
  const notifications: Notification[] = report.skipped.map((s) => {
    const index = ruleIndex.get(`${s.policyPack}\u0000${s.policy}`);
    const subject = s.resourceName === undefined ? "the stack" : `${s.resourceType} "${s.resourceName}"`;
    return {
      level: isMandatory(s.enforcementLevel) ? "warning" : "note",
      message: {
        text: `Check skipped on ${subject}: known only after deployment: ${s.unknown}.`,
      },
      locations: [location(s, report.program)],
      associatedRule: index === undefined ? { id: s.policy } : { id: rules[index].id, index },
    };
  });
  const log: Log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        automationDetails: { id: `aks-trusted-access-check/${report.project}/${report.stack}/` },
        columnKind: "utf16CodeUnits",
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function location(d: Pick<ReportDiagnostic, "location" | "urn" | "resourceName">, program: string): Location {
  const at = d.location ?? { file: program, line: 1, column: 1 };
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(at.file), uriBaseId: "%SRCROOT%" },
      region: { startLine: Math.max(1, at.line), ...(at.column > 0 ? { startColumn: at.column } : {}) },
    },
    ...(d.urn === undefined
      ? {}
      : { logicalLocations: [{ fullyQualifiedName: d.urn, name: d.resourceName, kind: "resource" }] }),
  };
}

/** Stable across line moves: the same violation of the same resource keeps its identity between runs. */
function fingerprint(d: ReportDiagnostic): string {
  return createHash("sha256")
    .update([d.policyPack, d.policy, d.urn ?? "", d.message].join("\u0000"))
    .digest("hex");
}

function duplicates(names: readonly string[]): Set<string> {
  return new Set(names.filter((n, i) => names.indexOf(n) !== i));
}
