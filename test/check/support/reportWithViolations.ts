import type { CheckReport, ReportDiagnostic } from "../../../cli/output/checkReport";

const PACK = { name: "aks-trusted-access", version: "0.1.0" };
const TYPE = "azure-native:containerservice:ManagedCluster";

/**
 * A failing report of `count` clusters, each with one violation whose message is `messageLength` characters long:
 * every third mandatory (of `aks-trusted-access-required`), the others advisory (of `aks-private-cluster`). Two
 * checks are skipped, one mandatory.
 */
export function reportWithViolations(count: number, messageLength = 80): CheckReport {
  const diagnostics: ReportDiagnostic[] = Array.from({ length: count }, (_, i) => {
    const mandatory = i % 3 === 0;
    const name = `aks-${i}`;
    return {
      policyPack: PACK.name,
      policyPackVersion: PACK.version,
      policy: mandatory ? "aks-trusted-access-required" : "aks-private-cluster",
      enforcementLevel: mandatory ? "mandatory" : "advisory",
      description: "A rule.",
      message: `AKS cluster "${name}" `.padEnd(messageLength, "x"),
      urn: `urn:pulumi:dev::app::${TYPE}::${name}`,
      resourceType: TYPE,
      resourceName: name,
      location: { file: "index.ts", line: i + 1, column: 1 },
    };
  });
  const mandatory = diagnostics.filter((d) => d.enforcementLevel === "mandatory").length;
  const skip = (policy: string, level: "mandatory" | "advisory") => ({
    policyPack: PACK.name,
    policyPackVersion: PACK.version,
    policy,
    enforcementLevel: level,
    unknown: "sourceResourceId",
  });
  return {
    schemaVersion: 1,
    tool: { name: "aks-trusted-access", version: PACK.version },
    project: "app",
    stack: "dev",
    program: "index.ts",
    verdict: mandatory > 0 ? "fail" : "pass",
    resources: [],
    policyPacks: [
      {
        ...PACK,
        path: "cli/dist/policypack",
        policies: [
          {
            name: "aks-private-cluster",
            description: "A private API server.",
            enforcementLevel: "advisory",
            remediationSteps: "Set enablePrivateCluster.",
          },
          {
            name: "aks-trusted-access-required",
            description: "A binding per cluster.",
            enforcementLevel: "mandatory",
          },
        ],
      },
    ],
    diagnostics,
    skipped: [skip("aks-trusted-access-required", "mandatory"), skip("aks-private-cluster", "advisory")],
    logs: [],
    totals: {
      resources: count,
      policyPacks: 1,
      policies: 2,
      mandatory,
      advisory: count - mandatory,
      skipped: 2,
      mandatorySkipped: 1,
    },
  };
}
