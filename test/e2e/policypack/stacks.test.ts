import * as assert from "assert";
import { unknown } from "../../../cli/packHost";
import { TrustedAccessRole } from "../../../policypack/domain";
import { analyzeLikeTheEngine } from "./engineRun";
import { IDENTITY_FIX, POLICY, inferenceRoleGranted, uncovered, verdict } from "./expected";
import {
  BACKUP_VAULT_ID,
  CLUSTER_GROUP,
  ML_ROLES,
  ML_WORKSPACE_ID,
  aksClusterPreview,
  packForSuite,
  bindingId,
  clusterId,
} from "./scenarios";
import { TestStack } from "./testStack";

/**
 * The pack started as the CLI starts it, with no policy config (no --policy-pack-config: each policy at its own
 * level and defaults), driven through Analyze and AnalyzeStack with the stacks of issue 2.
 */
describe("the pack over whole stacks, without policy config", function () {
  this.timeout(180_000);
  const pack = packForSuite();

  describe("covered clusters", () => {
    it("passes an AksCluster preview, whose binding reaches the unknown cluster name through propertyDependencies", async () => {
      const stack = new TestStack();
      const { bindings } = aksClusterPreview(stack, "aks", "aks-prod", {
        ml: { roles: ML_ROLES, sourceResourceId: ML_WORKSPACE_ID },
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), [
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), []);
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), []);
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), [
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), [
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), [
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), []);
    });

    it("gives no verdict on a cluster whose tags are unknown during preview", async () => {
      const stack = new TestStack();
      stack.nativeCluster("lab", {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: "aks-lab",
        identity: { type: "SystemAssigned" },
        tags: unknown("object"),
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), []);
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), []);
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), [
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), []);
    });

    it("flags an uncovered versioned cluster with a user-assigned identity twice: identity and coverage", async () => {
      const stack = new TestStack();
      const cluster = stack.nativeCluster(
        "old",
        { resourceGroupName: CLUSTER_GROUP, resourceName: "aks-old", identity: { type: "UserAssigned" } },
        { type: "azure-native:containerservice/v20240901preview:ManagedCluster" },
      );
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), [
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), []);
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), []);
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), [
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
            '"Microsoft.MachineLearningServices/workspaces" resource, but its roles need a ' +
            '"Microsoft.DataProtection/backupVaults" resource: point sourceResourceId at a ' +
            "Microsoft.DataProtection/backupVaults resource, or choose roles made for " +
            "Microsoft.MachineLearningServices/workspaces.",
        ),
      ]);
    });
  });

  describe("binding limits", () => {
    it("flags a cluster with more than 8 bindings, on the cluster", async () => {
      const stack = new TestStack();
      const vaults = Array.from({ length: 9 }, (_, i) => `vault${i + 1}`);
      const { cluster } = aksClusterPreview(
        stack,
        "aks",
        "aks-prod",
        Object.fromEntries(
          vaults.map((vault) => [
            vault,
            {
              roles: [TrustedAccessRole.BackupOperator],
              sourceResourceId: BACKUP_VAULT_ID.replace("vault-1", vault),
            },
          ]),
        ),
      );
      const verdicts = await analyzeLikeTheEngine(pack(), stack);
      assert.deepStrictEqual(verdicts, [
        verdict(
          POLICY.bindingLimits,
          "mandatory",
          cluster.state.urn,
          'AKS cluster "aks" (Azure name "aks-prod"): 9 Trusted Access bindings (aks-vault1, aks-vault2, ' +
            "aks-vault3, aks-vault4, aks-vault5, aks-vault6, aks-vault7, aks-vault8, aks-vault9) target one " +
            "cluster, but Azure allows at most 8: merge or remove 1 of them.",
        ),
      ]);
    });

    it("flags two bindings of one cluster with the same name ignoring case, and with the same source", async () => {
      const stack = new TestStack();
      const { cluster } = aksClusterPreview(stack, "aks", "aks-prod", {
        backup: { roles: [TrustedAccessRole.BackupOperator], sourceResourceId: BACKUP_VAULT_ID },
      });
      stack.nativeBinding(
        "second-backup",
        {
          resourceGroupName: CLUSTER_GROUP,
          resourceName: unknown(),
          trustedAccessRoleBindingName: "BACKUP",
          roles: [TrustedAccessRole.BackupOperator],
          sourceResourceId: BACKUP_VAULT_ID.toUpperCase(),
        },
        { propertyDependencies: { resourceName: [cluster] } },
      );
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack), [
        verdict(
          POLICY.bindingLimits,
          "mandatory",
          cluster.state.urn,
          'AKS cluster "aks" (Azure name "aks-prod"): second-backup.trustedAccessRoleBindingName "BACKUP" is also ' +
            "the name of aks-backup: binding names are unique per cluster, ignoring case, so rename one of them.",
        ),
        verdict(
          POLICY.bindingLimits,
          "mandatory",
          cluster.state.urn,
          `AKS cluster "aks" (Azure name "aks-prod"): second-backup.sourceResourceId "${BACKUP_VAULT_ID.toUpperCase()}" ` +
            "is also the source of aks-backup: give each source one binding that lists all its roles.",
        ),
      ]);
    });
  });
});
