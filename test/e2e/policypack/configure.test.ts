import * as assert from "assert";
import { EnforcementLevel, JsonValue, PolicyConfig } from "../../../cli/packHost";
import { TrustedAccessRole } from "../../../domain";
import { analyzeLikeTheEngine } from "../support/engineRun";
import {
  POLICY,
  PolicyName,
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
} from "../support/scenarios";
import { TestStack } from "../support/testStack";

type Change = {
  readonly enforcementLevel?: EnforcementLevel;
  readonly properties?: Record<string, JsonValue>;
};

/**
 * Configure as the CLI sends it for a --policy-pack-config file: every policy, its level, and its properties with
 * the schema's defaults filled in, then the file's values over them.
 */
function cliConfig(changes: Partial<Record<PolicyName, Change>>): Record<string, PolicyConfig> {
  const defaults: Record<PolicyName, Required<Change>> = {
    [POLICY.required]: {
      enforcementLevel: "mandatory",
      properties: { exemptClusters: [], exemptTag: "trusted-access-exempt", requiredRoles: [] },
    },
    [POLICY.bindingValid]: { enforcementLevel: "mandatory", properties: {} },
    [POLICY.bindingLimits]: { enforcementLevel: "mandatory", properties: {} },
    [POLICY.identity]: { enforcementLevel: "mandatory", properties: {} },
    [POLICY.privileged]: { enforcementLevel: "advisory", properties: { allowedRoles: [] } },
    [POLICY.nodeOs]: {
      enforcementLevel: "advisory",
      properties: {
        exemptClusters: [],
        exemptTag: "node-os-auto-upgrade-exempt",
        requireMaintenanceWindow: false,
      },
    },
    [POLICY.privateCluster]: {
      enforcementLevel: "advisory",
      properties: { exemptClusters: [], exemptTag: "private-cluster-exempt" },
    },
    [POLICY.fips]: {
      enforcementLevel: "advisory",
      properties: { exemptClusters: [], exemptTag: "node-pool-fips-exempt" },
    },
    [POLICY.kms]: {
      enforcementLevel: "advisory",
      properties: { exemptClusters: [], exemptTag: "kms-private-key-vault-exempt" },
    },
  };
  return Object.fromEntries(
    Object.entries(defaults).map(([policy, config]) => {
      const change: Change = changes[policy as PolicyName] ?? {};
      return [
        policy,
        {
          enforcementLevel: change.enforcementLevel ?? config.enforcementLevel,
          properties: { ...config.properties, ...change.properties },
        },
      ];
    }),
  );
}

/** A cluster with no binding at all. */
function lonelyCluster(stack: TestStack, name: string, azureName: string, tags?: Record<string, string>) {
  return stack.nativeCluster(name, {
    resourceGroupName: CLUSTER_GROUP,
    resourceName: azureName,
    identity: { type: "SystemAssigned" },
    ...(tags === undefined ? {} : { tags }),
  });
}

describe("the pack configured as by --policy-pack-config", function () {
  this.timeout(180_000);
  const pack = packForSuite();

  describe("aks-trusted-access-required", () => {
    it("exempts clusters listed in exemptClusters by Azure name (ignoring case) or by Pulumi name", async () => {
      await pack().configure(
        cliConfig({ [POLICY.required]: { properties: { exemptClusters: ["AKS-LAB", "sandbox"] } } }),
      );
      const stack = new TestStack();
      lonelyCluster(stack, "lab", "aks-lab");
      lonelyCluster(stack, "sandbox", "aks-sbx");
      const prod = lonelyCluster(stack, "prod", "aks-prod");
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        verdict(POLICY.required, "mandatory", prod.state.urn, uncovered("prod", "aks-prod")),
      ]);
    });

    it("exempts by the configured exemptTag instead of the default one, and names it in the message", async () => {
      await pack().configure(
        cliConfig({ [POLICY.required]: { properties: { exemptTag: "no-trusted-access" } } }),
      );
      const stack = new TestStack();
      lonelyCluster(stack, "lab", "aks-lab", { "No-Trusted-Access": "true" });
      const old = lonelyCluster(stack, "old", "aks-old", { "trusted-access-exempt": "true" });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        verdict(
          POLICY.required,
          "mandatory",
          old.state.urn,
          uncovered("old", "aks-old", "no-trusted-access"),
        ),
      ]);
    });

    it("demands every requiredRoles role from each cluster's bindings", async () => {
      await pack().configure(
        cliConfig({
          [POLICY.required]: { properties: { requiredRoles: [TrustedAccessRole.BackupOperator] } },
          [POLICY.privileged]: { properties: { allowedRoles: [TrustedAccessRole.MachineLearningInference] } },
        }),
      );
      const stack = new TestStack();
      const mlOnly = aksClusterPreview(stack, "ml-only", "aks-ml", {
        ml: { roles: ML_ROLES, sourceResourceId: ML_WORKSPACE_ID },
      });
      // The required role is matched ignoring case, as Azure compares role names.
      aksClusterPreview(stack, "backed-up", "aks-backed-up", {
        backup: {
          roles: [TrustedAccessRole.BackupOperator.toLowerCase()],
          sourceResourceId: BACKUP_VAULT_ID,
        },
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        verdict(
          POLICY.required,
          "mandatory",
          mlOnly.cluster.state.urn,
          'AKS cluster "ml-only" (Azure name "aks-ml") is not granted the required Trusted Access role(s) ' +
            '"Microsoft.DataProtection/backupVaults/backup-operator" by its bindings in this stack: add them to the ' +
            "roles of a binding whose source is of the matching type (a trustedAccess entry of the AksCluster or " +
            "TrustedAccessBindings component), or change requiredRoles.",
        ),
      ]);
    });

    it("reports an uncovered cluster at the configured level: advisory, or not at all when disabled", async () => {
      const stack = new TestStack();
      const lonely = lonelyCluster(stack, "lonely", "aks-lonely");
      await pack().configure(cliConfig({ [POLICY.required]: { enforcementLevel: "advisory" } }));
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        verdict(POLICY.required, "advisory", lonely.state.urn, uncovered("lonely", "aks-lonely")),
      ]);
      await pack().configure(cliConfig({ [POLICY.required]: { enforcementLevel: "disabled" } }));
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), []);
    });
  });

  describe("aks-trusted-access-privileged-roles", () => {
    it("accepts a powerful role listed in allowedRoles, ignoring case", async () => {
      await pack().configure(
        cliConfig({
          [POLICY.privileged]: {
            properties: { allowedRoles: [TrustedAccessRole.MachineLearningInference.toUpperCase()] },
          },
        }),
      );
      const stack = new TestStack();
      aksClusterPreview(stack, "aks", "aks-prod", {
        ml: { roles: ML_ROLES, sourceResourceId: ML_WORKSPACE_ID },
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), []);
    });

    it("blocks a powerful role when the policy is raised to mandatory", async () => {
      await pack().configure(cliConfig({ [POLICY.privileged]: { enforcementLevel: "mandatory" } }));
      const stack = new TestStack();
      const { bindings } = aksClusterPreview(stack, "aks", "aks-prod", {
        ml: { roles: ML_ROLES, sourceResourceId: ML_WORKSPACE_ID },
      });
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), [
        verdict(POLICY.privileged, "mandatory", bindings[0].state.urn, inferenceRoleGranted("aks-ml")),
      ]);
    });
  });

  describe("resource policies", () => {
    it("turns identity and binding checks off when disabled", async () => {
      const stack = new TestStack();
      const cluster = stack.nativeCluster("aks", {
        resourceGroupName: CLUSTER_GROUP,
        resourceName: "aks-prod",
        identity: { type: "UserAssigned" },
      });
      stack.nativeBinding(
        "aks-bad",
        {
          resourceGroupName: CLUSTER_GROUP,
          resourceName: "aks-prod",
          trustedAccessRoleBindingName: "not_valid!",
          roles: ["mlworkload"],
          sourceResourceId: "not-an-arm-id",
        },
        { propertyDependencies: { resourceName: [cluster] } },
      );
      await pack().configure(cliConfig({}));
      const enabled = await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES);
      assert.deepStrictEqual(
        [...new Set(enabled.map((v) => v.policy))],
        [POLICY.identity, POLICY.bindingValid],
        "at their own levels, both policies flag this stack",
      );
      await pack().configure(
        cliConfig({
          [POLICY.identity]: { enforcementLevel: "disabled" },
          [POLICY.bindingValid]: { enforcementLevel: "disabled" },
        }),
      );
      assert.deepStrictEqual(await analyzeLikeTheEngine(pack(), stack, TRUSTED_ACCESS_POLICIES), []);
    });
  });
});
