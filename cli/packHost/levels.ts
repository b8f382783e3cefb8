import { EnforcementLevel as WireLevel, PolicySeverity, PolicyType } from "@pulumi/pulumi/proto/analyzer_pb";
import { EnforcementLevel, PolicyInfo, Severity } from "./types";

/** Enforcement levels in both directions: the protocol's enum and the names users write in config files. */
const TO_WIRE: Record<EnforcementLevel, WireLevel> = {
  advisory: WireLevel.ADVISORY,
  mandatory: WireLevel.MANDATORY,
  remediate: WireLevel.REMEDIATE,
  disabled: WireLevel.DISABLED,
};

export function levelToWire(level: EnforcementLevel): WireLevel {
  return TO_WIRE[level];
}

export function levelFromWire(level: WireLevel): EnforcementLevel {
  const found = (Object.keys(TO_WIRE) as EnforcementLevel[]).find((name) => TO_WIRE[name] === level);
  // The CLI rejects an unknown level too ("invalid enforcement level"); a newer pack may send one.
  if (found === undefined) throw new Error(`the pack sent an unknown enforcement level (${level})`);
  return found;
}

const SEVERITIES: Partial<Record<PolicySeverity, Severity>> = {
  [PolicySeverity.POLICY_SEVERITY_LOW]: "low",
  [PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
  [PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
  [PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

/** `undefined` when the policy left it unspecified. */
export function severityFromWire(severity: PolicySeverity): Severity | undefined {
  return SEVERITIES[severity];
}

export function policyTypeFromWire(type: PolicyType): PolicyInfo["policyType"] {
  if (type === PolicyType.POLICY_TYPE_RESOURCE) return "resource";
  if (type === PolicyType.POLICY_TYPE_STACK) return "stack";
  return "unknown";
}
