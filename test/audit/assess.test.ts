import { strict as assert } from "node:assert";
import { assessCluster } from "../../cli/audit/assess";
import type { AuditedBinding, ClusterRef, Finding } from "../../cli/audit/report";
import { MLWORKLOAD, SUB, aBinding, aCluster } from "./support/clusters";

const MISSING: Finding = {
  rule: "trusted-access-missing",
  message:
    "has no Trusted Access role bindings (`az aks trustedaccess rolebinding list` returns []): give each Azure " +
    "service that reaches its API server a role binding.",
};
const identity = (type: string): Finding => ({
  rule: "identity-not-system-assigned",
  message: `uses identity type "${type}", not a system-assigned managed identity, which the Trusted Access rule asks for.`,
});
const state = (name: string, s: string): Finding => ({
  rule: "binding-not-succeeded",
  binding: name,
  message: `has binding "${name}" in provisioning state "${s}", not "Succeeded": it gives no access until it is applied again.`,
});

interface Case {
  readonly name: string;
  readonly cluster: ClusterRef;
  readonly bindings: readonly AuditedBinding[];
  readonly findings: readonly Finding[];
  readonly warnings?: readonly string[];
}

const OTHER_SUB = "22222222-2222-2222-2222-222222222222";
const cases: Case[] = [
  {
    name: "passes a system-assigned cluster with one succeeded binding",
    cluster: aCluster(),
    bindings: [aBinding()],
    findings: [],
  },
  {
    name: "flags a cluster without bindings, the Cloud Conformity rule's []",
    cluster: aCluster(),
    bindings: [],
    findings: [MISSING],
  },
  {
    name: "flags a user-assigned identity even when bindings exist",
    cluster: aCluster({ identityType: "UserAssigned" }),
    bindings: [aBinding()],
    findings: [identity("UserAssigned")],
  },
  {
    name: "flags a service principal cluster (identity None) without bindings twice",
    cluster: aCluster({ identityType: "None" }),
    bindings: [],
    findings: [MISSING, identity("None")],
  },
  {
    name: "accepts the identity type in any case, as ARM compares it",
    cluster: aCluster({ identityType: "systemassigned" }),
    bindings: [aBinding()],
    findings: [],
  },
  ...(["Failed", "Updating", "Deleting", "Canceled", "Unknown"] as const).map((s): Case => ({
    name: `flags a binding in state ${s}`,
    cluster: aCluster(),
    bindings: [
      aBinding(),
      aBinding({ name: "late", sourceResourceId: `${aBinding().sourceResourceId}-2`, provisioningState: s }),
    ],
    findings: [state("late", s)],
  })),
  {
    name: "warns, without a finding, of a source in another subscription",
    cluster: aCluster(),
    bindings: [aBinding({ sourceResourceId: aBinding().sourceResourceId.replace(SUB, OTHER_SUB) })],
    findings: [],
    warnings: [
      `bindings["ml"].sourceResourceId is in subscription ${OTHER_SUB}, but the cluster is in subscription ${SUB}: ` +
        "Azure documents Trusted Access for sources in the cluster's own subscription.",
    ],
  },
  {
    name: "warns of a role the catalog does not hold",
    cluster: aCluster(),
    bindings: [aBinding({ roles: [MLWORKLOAD, "Microsoft.MachineLearningServices/workspaces/new-role"] })],
    findings: [],
    warnings: [
      'bindings["ml"].roles[1] "Microsoft.MachineLearningServices/workspaces/new-role" is not in this package\'s ' +
        "role catalog (a westeurope snapshot). Azure adds roles by region: check that your cluster's region offers " +
        "it with `az aks trustedaccess role list --location <cluster-location>`.",
    ],
  },
];

describe("assessCluster", () => {
  for (const c of cases) {
    it(c.name, () => {
      const assessment = assessCluster(c.cluster, c.bindings);
      assert.deepEqual(assessment.findings, c.findings);
      assert.deepEqual(assessment.warnings, c.warnings ?? []);
    });
  }
});
