import * as assert from "assert";
import { unknown } from "../../../cli/packHost";
import { TrustedAccessRole } from "../../../domain";
import { analyzeLikeTheEngine } from "../support/engineRun";
import { IDENTITY_FIX, POLICY, uncovered, verdict, TRUSTED_ACCESS_POLICIES } from "../support/expected";
import {
  BACKUP_VAULT_ID,
  CLUSTER_GROUP,
  ML_WORKSPACE_ID,
  packForSuite,
  clusterId,
} from "../support/scenarios";
import { TestStack } from "../support/testStack";

/**
 * The pack started as the CLI starts it, with no policy config (no --policy-pack-config: each policy at its own
 * level and defaults), driven through Analyze and AnalyzeStack with the stacks of issue 2: clusters and bindings
 * under API-version type tokens, and of the classic azure provider.
 */
describe("the pack over whole stacks, without policy config: resource types and providers", function () {
  this.timeout(180_000);
  const pack = packForSuite();

  describe("versioned type tokens", () => {
    it("recognises clusters and bindings under API-version modules", async () => {
      const stack = new TestStack();
      const cluster = stack.nativeCluster(
        "aks",
        { resourceGroupName: CLUSTER_GROUP, resourceName: "aks-prod", identity: { type: "SystemAssigned" } },
        { type: "azure-native:containerservice/v20240901:ManagedCluster" },
      );
      stack.nativeBinding(
        "aks-backup",
        {
          resourceGroupName: CLUSTER_GROUP,
          resourceName: unknown(),
          trustedAccessRoleBindingName: "backup",
          roles: [TrustedAccessRole.BackupOperator],
          sourceResourceId: BACKUP_VAULT_ID,
        },
        {
          type: "azure-native:containerservice/v20230901:TrustedAccessRoleBinding",
          propertyDependencies: { resourceName: [cluster] },
        },
      );
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), []);
    });

    it("flags an uncovered versioned cluster with a user-assigned identity twice: identity and coverage", async () => {
      const stack = new TestStack();
      const cluster = stack.nativeCluster(
        "old",
        { resourceGroupName: CLUSTER_GROUP, resourceName: "aks-old", identity: { type: "UserAssigned" } },
        { type: "azure-native:containerservice/v20240901preview:ManagedCluster" },
      );
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        verdict(
          POLICY.identity,
          "mandatory",
          cluster.state.urn,
          `AKS cluster "old" has identity.type "UserAssigned": ${IDENTITY_FIX}`,
        ),
        verdict(POLICY.required, "mandatory", cluster.state.urn, uncovered("old", "aks-old")),
      ]);
    });
  });

  describe("the classic azure provider", () => {
    it("passes a cluster whose binding takes its id from the cluster (unknown in preview, linked)", async () => {
      const stack = new TestStack();
      const cluster = stack.classicCluster("classic", {
        resourceGroupName: CLUSTER_GROUP,
        name: "aks-classic",
        identity: { type: "SystemAssigned" },
      });
      stack.classicBinding(
        "classic-backup",
        {
          kubernetesClusterId: unknown(),
          name: "backup",
          roles: [TrustedAccessRole.BackupOperator],
          sourceResourceId: BACKUP_VAULT_ID,
        },
        { propertyDependencies: { kubernetesClusterId: [cluster] } },
      );
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), []);
    });

    it("links a classic binding to its cluster by the cluster id, ignoring case", async () => {
      const stack = new TestStack();
      stack.classicCluster("classic", {
        resourceGroupName: CLUSTER_GROUP,
        name: "aks-classic",
        identity: { type: "SystemAssigned" },
        id: clusterId("aks-classic"),
      });
      stack.classicBinding("classic-backup", {
        kubernetesClusterId: clusterId("AKS-Classic"),
        name: "backup",
        roles: [TrustedAccessRole.BackupOperator],
        sourceResourceId: BACKUP_VAULT_ID,
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), []);
    });

    it("flags a classic cluster without identity, and a binding whose source does not fit its role", async () => {
      const stack = new TestStack();
      const cluster = stack.classicCluster("classic", {
        resourceGroupName: CLUSTER_GROUP,
        name: "aks-classic",
      });
      const binding = stack.classicBinding(
        "classic-backup",
        {
          kubernetesClusterId: unknown(),
          name: "backup",
          roles: [TrustedAccessRole.BackupOperator],
          sourceResourceId: ML_WORKSPACE_ID,
        },
        { propertyDependencies: { kubernetesClusterId: [cluster] } },
      );
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        verdict(
          POLICY.identity,
          "mandatory",
          cluster.state.urn,
          `AKS cluster "classic" declares no identity: ${IDENTITY_FIX}`,
        ),
        verdict(
          POLICY.bindingValid,
          "mandatory",
          binding.state.urn,
          `Trusted Access role binding "classic-backup": sourceResourceId "${ML_WORKSPACE_ID}" is a ` +
            '"Microsoft.MachineLearningServices/workspaces" resource, but its role ' +
            '"Microsoft.DataProtection/backupVaults/backup-operator" needs a ' +
            '"Microsoft.DataProtection/backupVaults" resource: point sourceResourceId at a ' +
            "Microsoft.DataProtection/backupVaults resource, or choose roles made for " +
            "Microsoft.MachineLearningServices/workspaces.",
        ),
      ]);
    });
  });
});
