import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { levelFromWire, policyTypeFromWire, severityFromWire } from "./levels";
import { AnalysisResult, Diagnostic, JsonValue, PackInfo, PolicyConfig, PolicyInfo } from "./types";

/** GetAnalyzerInfo's answer as plain data, policies sorted by name as the CLI sorts them. */
export function packInfo(info: pb.AnalyzerInfo): PackInfo {
  const initialConfig: Record<string, PolicyConfig> = {};
  info.getInitialconfigMap().forEach((config, policy) => {
    initialConfig[policy] = {
      enforcementLevel: levelFromWire(config.getEnforcementlevel()),
      properties: (config.getProperties()?.toJavaScript() ?? {}) as Record<string, JsonValue>,
    };
  });
  return {
    name: info.getName(),
    displayName: info.getDisplayname(),
    version: info.getVersion(),
    description: info.getDescription(),
    supportsConfig: info.getSupportsconfig(),
    policies: info
      .getPoliciesList()
      .map(policyInfo)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    initialConfig,
  };
}

function policyInfo(policy: pb.PolicyInfo): PolicyInfo {
  const schema = policy.getConfigschema();
  const severity = severityFromWire(policy.getSeverity());
  return {
    name: policy.getName(),
    displayName: policy.getDisplayname(),
    description: policy.getDescription(),
    message: policy.getMessage(),
    enforcementLevel: levelFromWire(policy.getEnforcementlevel()),
    policyType: policyTypeFromWire(policy.getPolicyType()),
    ...(severity === undefined ? {} : { severity }),
    ...(schema === undefined
      ? {}
      : {
          configSchema: {
            properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, JsonValue>,
            required: schema.getRequiredList(),
          },
        }),
    remediationSteps: policy.getRemediationSteps(),
    url: policy.getUrl(),
    tags: policy.getTagsList(),
  };
}

/**
 * Analyze/AnalyzeStack's answer as plain data, diagnostics in the order the pack reported them.
 *
 * @param analyzedUrn for Analyze: the engine files every diagnostic under the resource it analysed, whatever URN
 *   the policy named ("For now, we always use the URN we have here", in the engine's step generator).
 */
export function analysisResult(response: pb.AnalyzeResponse, analyzedUrn?: string): AnalysisResult {
  return {
    diagnostics: response.getDiagnosticsList().map((d) => diagnostic(d, analyzedUrn)),
    notApplicable: response
      .getNotApplicableList()
      .map((na) => ({ policyName: na.getPolicyName(), reason: na.getReason() })),
  };
}

function diagnostic(d: pb.AnalyzeDiagnostic, analyzedUrn: string | undefined): Diagnostic {
  const severity = severityFromWire(d.getSeverity());
  const urn = analyzedUrn ?? d.getUrn();
  return {
    policyName: d.getPolicyname(),
    policyPackName: d.getPolicypackname(),
    policyPackVersion: d.getPolicypackversion(),
    description: d.getDescription(),
    message: d.getMessage(),
    enforcementLevel: levelFromWire(d.getEnforcementlevel()),
    ...(urn === "" ? {} : { urn }),
    ...(severity === undefined ? {} : { severity }),
  };
}
