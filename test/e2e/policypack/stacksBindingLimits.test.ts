import * as assert from "assert";
import { unknown } from "../../../cli/packHost";
import { TrustedAccessRole } from "../../../domain";
import { analyzeLikeTheEngine } from "../support/engineRun";
import { POLICY, verdict, TRUSTED_ACCESS_POLICIES } from "../support/expected";
import { BACKUP_VAULT_ID, CLUSTER_GROUP, aksClusterPreview, packForSuite } from "../support/scenarios";
import { TestStack } from "../support/testStack";

/**
 * The pack started as the CLI starts it, with no policy config (no --policy-pack-config: each policy at its own
 * level and defaults), driven through Analyze and AnalyzeStack with the stacks of issue 2: more than 8 bindings
 * for one cluster, and two bindings with one name or one source.
 */
describe("the pack over whole stacks, without policy config: binding limits", function () {
  this.timeout(180_000);
  const pack = packForSuite();

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
      const verdicts = await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES);
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
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
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
