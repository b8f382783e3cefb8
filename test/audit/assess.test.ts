import { strict as assert } from "node:assert";
import { assessCluster } from "../../cli/audit/assess";
import type { AuditedBinding, LiveCluster, RuleFinding } from "../../cli/audit/report";
import { MLWORKLOAD, SUB, aBinding, aCluster } from "./support/clusters";

const MISSING: RuleFinding = {
  rule: "trusted-access-missing",
  message:
    "has no Trusted Access role bindings (`az aks trustedaccess rolebinding list` returns []): give each Azure " +
    "service that reaches its API server a role binding.",
};
const identity = (type: string): RuleFinding => ({
  rule: "identity-not-system-assigned",
  message: `uses identity type "${type}", not a system-assigned managed identity, which the Trusted Access rule asks for.`,
});
const unusable = (s: string, why: string): RuleFinding => ({
  rule: "binding-not-succeeded",
  binding: "late",
  message: `has binding "late" in provisioning state "${s}": ${why}.`,
});
const AGAIN = "so it may not give the access it declares until it is applied again";

interface Case {
  readonly name: string;
  readonly cluster: LiveCluster;
  readonly bindings: readonly AuditedBinding[];
  readonly findings: readonly RuleFinding[];
  readonly warnings?: readonly string[];
  readonly notices?: readonly string[];
}

/** A cluster whose second binding is in `state` (absent: Azure gave none). */
const secondIn = (state: string | undefined): readonly AuditedBinding[] => [
  aBinding(),
  aBinding({
    name: "late",
    sourceResourceId: `${aBinding().sourceResourceId}-2`,
    ...(state === undefined ? {} : { provisioningState: state }),
  }),
];

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
  {
    name: "flags a binding in state Failed: its last change failed",
    cluster: aCluster(),
    bindings: secondIn("Failed"),
    findings: [unusable("Failed", `its last change failed, ${AGAIN}`)],
  },
  {
    name: "flags a binding in state Canceled: its last change was canceled",
    cluster: aCluster(),
    bindings: secondIn("Canceled"),
    findings: [unusable("Canceled", `its last change was canceled, ${AGAIN}`)],
  },
  {
    name: "flags a binding in state Deleting: it will give no access",
    cluster: aCluster(),
    bindings: secondIn("Deleting"),
    findings: [
      unusable(
        "Deleting",
        "Azure is deleting it, so it will give no access: if a service still needs it, create it again once it is gone",
      ),
    ],
  },
  {
    name: "reads a state in any case, as ARM compares enum values",
    cluster: aCluster(),
    bindings: secondIn("failed"),
    findings: [unusable("failed", `its last change failed, ${AGAIN}`)],
  },
  {
    name: "passes a binding without a provisioning state, which Azure's API does not require",
    cluster: aCluster(),
    bindings: secondIn(undefined),
    findings: [],
  },
  {
    name: "passes a binding in state Updating, saying that a change is in progress",
    cluster: aCluster(),
    bindings: secondIn("Updating"),
    findings: [],
    notices: [
      'binding "late" is in provisioning state "Updating": a change is in progress, so it is no finding; audit ' +
        "again when it is done.",
    ],
  },
  {
    name: "names a state Azure's API does not define, without a finding",
    cluster: aCluster(),
    bindings: secondIn("Migrating"),
    findings: [],
    notices: [
      'binding "late" is in provisioning state "Migrating", which Azure\'s API does not define (Canceled, ' +
        "Deleting, Failed, Succeeded, Updating): it is no finding; see what it means with " +
        "`az aks trustedaccess rolebinding show`.",
    ],
  },
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
      assert.deepEqual(assessment.notices, c.notices ?? []);
    });
  }
});
