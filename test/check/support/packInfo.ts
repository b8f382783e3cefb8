import type { PackInfo, PolicyInfo } from "../../../cli/packHost";

/** A policy as GetAnalyzerInfo describes it; override what a test is about. */
export function policyInfo(overrides: Partial<PolicyInfo> & Pick<PolicyInfo, "name">): PolicyInfo {
  return {
    displayName: "",
    description: `${overrides.name} description`,
    message: "",
    enforcementLevel: "mandatory",
    policyType: "stack",
    remediationSteps: "",
    url: "",
    tags: [],
    ...overrides,
  };
}

/** A pack with the given policies and no initial config unless given. */
export function packInfo(policies: PolicyInfo[], initialConfig: PackInfo["initialConfig"] = {}): PackInfo {
  return {
    name: "pack",
    displayName: "pack",
    version: "1.0.0",
    description: "",
    supportsConfig: true,
    policies,
    initialConfig,
  };
}
