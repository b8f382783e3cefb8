import * as assert from "assert";
import { unknown } from "../../../cli/packHost";
import { TrustedAccessRole } from "../../../domain";
import { analyzeLikeTheEngine } from "../support/engineRun";
import {
  POLICY,
  inferenceRoleGranted,
  uncovered,
  verdict,
  TRUSTED_ACCESS_POLICIES,
} from "../support/expected";
import {
  BACKUP_VAULT_ID,
  CLUSTER_GROUP,
  ML_ROLES,
  ML_WORKSPACE_ID,
  aksClusterPreview,
  packForSuite,
  bindingId,
  clusterId,
} from "../support/scenarios";
import { TestStack } from "../support/testStack";

/**
 * The pack started as the CLI starts it, with no policy config (no --policy-pack-config: each policy at its own
 * level and defaults), driven through Analyze and AnalyzeStack with the stacks of issue 2: which clusters their
 * bindings cover, which are exempt, and what stays unjudged while values are unknown.
 */
describe("the pack over whole stacks, without policy config: coverage", function () {
  this.timeout(180_000);
  const pack = packForSuite();

  describe("covered clusters", () => {
    it("passes an AksCluster preview, whose binding reaches the unknown cluster name through propertyDependencies", async () => {
      const stack = new TestStack();
      const { bindings } = aksClusterPreview(stack, "aks", "aks-prod", {
        ml: { roles: ML_ROLES, sourceResourceId: ML_WORKSPACE_ID },
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        // The only note is the advisory one: inference-v1 is powerful.
        verdict(POLICY.privileged, "advisory", bindings[0].state.urn, inferenceRoleGranted("aks-ml")),
      ]);
    });

    it("passes the same stack after `pulumi up`, when outputs lack the input-only cluster reference", async () => {
      const stack = new TestStack();
      const component = stack.component("aks");
      const cluster = stack.nativeCluster(
        "aks",
        { resourceGroupName: CLUSTER_GROUP, resourceName: "aks-prod", identity: { type: "SystemAssigned" } },
        {
          parent: component,
          outputs: {
            id: clusterId("aks-prod"),
            name: "aks-prod",
            identity: { type: "SystemAssigned", principalId: "11111111-2222-3333-4444-555555555555" },
            provisioningState: "Succeeded",
            __inputs: { resourceGroupName: CLUSTER_GROUP, resourceName: "aks-prod" },
          },
        },
      );
      stack.nativeBinding(
        "aks-backup",
        {
          resourceGroupName: CLUSTER_GROUP,
          resourceName: "aks-prod",
          trustedAccessRoleBindingName: "backup",
          roles: [TrustedAccessRole.BackupOperator],
          sourceResourceId: BACKUP_VAULT_ID,
        },
        {
          parent: component,
          propertyDependencies: { resourceName: [cluster] },
          // No id either: the link through propertyDependencies must be enough.
          outputs: {
            name: "backup",
            roles: [TrustedAccessRole.BackupOperator],
            sourceResourceId: BACKUP_VAULT_ID,
            provisioningState: "Succeeded",
            type: "Microsoft.ContainerService/managedClusters/trustedAccessRoleBindings",
          },
        },
      );
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), []);
    });

    it("links an existing binding declared with plain names to its cluster by their ARM ids", async () => {
      // `__inputs` never reaches the pack (the engine drops keys starting with "__"), so the ids must do.
      const stack = new TestStack();
      stack.nativeCluster(
        "aks",
        { resourceGroupName: CLUSTER_GROUP, resourceName: "aks-prod", identity: { type: "SystemAssigned" } },
        { outputs: { id: clusterId("aks-prod"), name: "aks-prod", identity: { type: "SystemAssigned" } } },
      );
      stack.nativeBinding(
        "backup",
        {
          resourceGroupName: CLUSTER_GROUP,
          resourceName: "aks-prod",
          trustedAccessRoleBindingName: "backup",
          roles: [TrustedAccessRole.BackupOperator],
          sourceResourceId: BACKUP_VAULT_ID,
        },
        {
          outputs: {
            id: bindingId("AKS-PROD", "backup"),
            name: "backup",
            roles: [TrustedAccessRole.BackupOperator],
            sourceResourceId: BACKUP_VAULT_ID,
            __inputs: {
              resourceGroupName: CLUSTER_GROUP,
              resourceName: "aks-prod",
              roles: [TrustedAccessRole.BackupOperator],
              sourceResourceId: BACKUP_VAULT_ID,
            },
          },
        },
      );
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), []);
    });
  });

  describe("uncovered clusters", () => {
    it("flags a cluster without any binding, on the cluster, naming it and the fix", async () => {
      const stack = new TestStack();
      const cluster = stack.nativeCluster("lonely", {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: "aks-lonely",
        identity: { type: "SystemAssigned" },
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        verdict(POLICY.required, "mandatory", cluster.state.urn, uncovered("lonely", "aks-lonely")),
      ]);
    });

    it("flags a cluster whose only binding names another cluster of the same resource group", async () => {
      const stack = new TestStack();
      const cluster = stack.nativeCluster("aks", {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: "aks-prod",
        identity: { type: "SystemAssigned" },
      });
      stack.nativeBinding("other-backup", {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: "aks-other",
        trustedAccessRoleBindingName: "backup",
        roles: [TrustedAccessRole.BackupOperator],
        sourceResourceId: BACKUP_VAULT_ID,
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        verdict(POLICY.required, "mandatory", cluster.state.urn, uncovered("aks", "aks-prod")),
      ]);
    });

    it("flags each uncovered cluster once, and only those", async () => {
      const stack = new TestStack();
      aksClusterPreview(stack, "covered", "aks-covered", {
        backup: { roles: [TrustedAccessRole.BackupOperator], sourceResourceId: BACKUP_VAULT_ID },
      });
      const first = stack.nativeCluster("first", {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: "aks-first",
        identity: { type: "SystemAssigned" },
      });
      const second = stack.nativeCluster("second", {
        resourceGroupName: "rg-other",
        resourceName: "aks-second",
        identity: { type: "SystemAssigned" },
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        verdict(POLICY.required, "mandatory", first.state.urn, uncovered("first", "aks-first")),
        verdict(POLICY.required, "mandatory", second.state.urn, uncovered("second", "aks-second")),
      ]);
    });
  });

  describe("exempt clusters", () => {
    it("exempts a cluster tagged with the default exempt tag, whatever the tag's case", async () => {
      const stack = new TestStack();
      stack.nativeCluster("lab", {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: "aks-lab",
        identity: { type: "SystemAssigned" },
        tags: { "Trusted-Access-Exempt": "lab cluster, no integrations" },
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), []);
    });

    it("gives no verdict on a cluster whose tags are unknown during preview", async () => {
      const stack = new TestStack();
      stack.nativeCluster("lab", {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: "aks-lab",
        identity: { type: "SystemAssigned" },
        tags: unknown("object"),
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), []);
    });
  });

  describe("values unknown during preview", () => {
    it("never gives a mandatory violation by guesswork", async () => {
      // A binding whose cluster name, roles and source come from another stack: nothing is known yet, and no
      // propertyDependencies link it to a cluster here, so it may target this cluster.
      const stack = new TestStack();
      stack.nativeCluster("aks", {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: "aks-prod",
        identity: unknown("object"),
      });
      stack.nativeBinding("from-elsewhere", {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: unknown(),
        trustedAccessRoleBindingName: "ml",
        roles: unknown("array"),
        sourceResourceId: unknown(),
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), []);
    });

    it("still flags what is known beside an unknown: a bad binding name next to an unknown source", async () => {
      const stack = new TestStack();
      const { cluster } = aksClusterPreview(stack, "aks", "aks-prod", {});
      const binding = stack.nativeBinding(
        "aks-ml",
        {
          resourceGroupName: CLUSTER_GROUP,
          resourceName: unknown(),
          trustedAccessRoleBindingName: "ml_workspace",
          roles: [TrustedAccessRole.MachineLearningWorkload],
          sourceResourceId: unknown(),
        },
        { propertyDependencies: { resourceName: [cluster] } },
      );
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        verdict(
          POLICY.bindingValid,
          "mandatory",
          binding.state.urn,
          'Trusted Access role binding "aks-ml": trustedAccessRoleBindingName "ml_workspace" is not a valid ' +
            "binding name: use 1-24 letters, digits or hyphens.",
        ),
      ]);
    });
  });
});
