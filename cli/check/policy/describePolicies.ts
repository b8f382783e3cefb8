import type { Policy } from "@pulumi/policy";
import type { JsonValue, PackInfo, PolicyInfo } from "../../packHost";

/** What a pack is, besides its policies: as `new PolicyPack(name, …)` and its package.json give it. */
export interface PackIdentity {
  readonly name: string;
  readonly version: string;
}

/**
 * A pack's policies as its GetAnalyzerInfo answer describes them (@pulumi/policy's makeAnalyzerInfo), built in this
 * process from the policy objects themselves, so that a command can configure them as `check` configures a running
 * pack without starting one: a policy without a level takes the pack's default (advisory), policies sorted by name,
 * no display name, description or initial config (the pack is built with none).
 */
export function describePolicies(pack: PackIdentity, policies: readonly Policy[]): PackInfo {
  return {
    name: pack.name,
    displayName: "",
    version: pack.version,
    description: "",
    supportsConfig: true,
    policies: policies.map(policyInfo).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    initialConfig: {},
  };
}

function policyInfo(policy: Policy): PolicyInfo {
  const schema = policy.configSchema;
  return {
    name: policy.name,
    displayName: policy.displayName ?? "",
    description: policy.description,
    message: "",
    enforcementLevel: policy.enforcementLevel ?? "advisory",
    policyType: "validateResource" in policy ? "resource" : "validateStack" in policy ? "stack" : "unknown",
    ...(policy.severity === undefined ? {} : { severity: policy.severity }),
    ...(schema === undefined
      ? {}
      : {
          configSchema: {
            properties: schema.properties as Record<string, JsonValue>,
            required: schema.required ?? [],
          },
        }),
    remediationSteps: policy.remediationSteps ?? "",
    url: policy.url ?? "",
    tags: policy.tags ?? [],
  };
}
