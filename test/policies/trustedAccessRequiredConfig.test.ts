import * as assert from "assert";
import { TrustedAccessRole } from "../../domain";
import { TrustedAccessRequiredConfig } from "../../policypack/policies";
import { urnOf } from "./support/policyRunner";
import { BACKUP_VAULT_ID, nativeBindingInputs, nativeClusterInputs, withField } from "./support/resources";
import { AKS, check, nativeBindingOf, nativeCluster, uncovered } from "./support/trustedAccessRequired";
import { UNKNOWN_ARRAY, UNKNOWN_OBJECT, UNKNOWN_STRING } from "./support/wire";

const ML = TrustedAccessRole.MachineLearningWorkload;
const BACKUP = TrustedAccessRole.BackupOperator;

describe("aks-trusted-access-required: config", () => {
  describe("exemptions", () => {
    it("exempts a cluster tagged with the default tag key, in any case", async () => {
      for (const key of ["trusted-access-exempt", "Trusted-Access-Exempt"]) {
        const cluster = nativeCluster(nativeClusterInputs({ tags: { [key]: "" } }));
        assert.deepStrictEqual(await check([cluster]), [], key);
      }
    });

    it("exempts by the configured exemptTag only, and names it in the message", async () => {
      const tagged = (key: string) => nativeCluster(nativeClusterInputs({ tags: { [key]: "yes" } }));
      assert.deepStrictEqual(await check([tagged("no-ta")], { exemptTag: "no-ta" }), []);
      assert.deepStrictEqual(
        (await check([tagged("trusted-access-exempt")], { exemptTag: "no-ta" })).map((v) => v.message),
        [uncovered(AKS, "no-ta")],
      );
    });

    it("does not report a cluster whose tags are unknown during preview", async () => {
      const cluster = nativeCluster(withField(nativeClusterInputs(), "tags", UNKNOWN_OBJECT));
      assert.deepStrictEqual(await check([cluster]), []);
    });

    it("exempts clusters listed by Pulumi name, or by Azure name ignoring case", async () => {
      assert.deepStrictEqual(await check([nativeCluster()], { exemptClusters: ["aks"] }), []);
      assert.deepStrictEqual(await check([nativeCluster()], { exemptClusters: ["AKS-PROD"] }), []);
      assert.deepStrictEqual(
        (await check([nativeCluster()], { exemptClusters: ["AKS"] })).map((v) => v.message),
        [uncovered(AKS)],
      );
    });

    it("does not report a cluster whose Azure name is unknown while exemptClusters could list it", async () => {
      const cluster = nativeCluster(nativeClusterInputs({ resourceName: UNKNOWN_STRING }));
      assert.deepStrictEqual(await check([cluster], { exemptClusters: ["aks-prod"] }), []);
    });
  });

  describe("requiredRoles", () => {
    it("flags a cluster whose bindings lack a required role", async () => {
      const cluster = nativeCluster();
      assert.deepStrictEqual(
        await check([cluster, nativeBindingOf(cluster)], { requiredRoles: [ML, BACKUP] }),
        [
          {
            message:
              `${AKS} is not granted the required Trusted Access role(s) "${BACKUP}" by its bindings in this stack: ` +
              "add them to the roles of a binding whose source is of the matching type (a trustedAccess entry of " +
              "the AksCluster or TrustedAccessBindings component), or change requiredRoles.",
            urn: urnOf(cluster),
          },
        ],
      );
    });

    it("passes roles granted across several bindings, ignoring case", async () => {
      const cluster = nativeCluster();
      const backup = nativeBindingOf(
        cluster,
        nativeBindingInputs({
          trustedAccessRoleBindingName: "backup",
          roles: [BACKUP],
          sourceResourceId: BACKUP_VAULT_ID,
        }),
        "aks-backup",
      );
      const config = { requiredRoles: [ML.toUpperCase(), BACKUP] };
      assert.deepStrictEqual(await check([cluster, nativeBindingOf(cluster), backup], config), []);
    });

    it("does not report missing roles while a binding's roles are unknown", async () => {
      const cluster = nativeCluster();
      for (const roles of [UNKNOWN_ARRAY, [UNKNOWN_STRING]]) {
        const binding = nativeBindingOf(cluster, withField(nativeBindingInputs(), "roles", roles));
        assert.deepStrictEqual(await check([cluster, binding], { requiredRoles: [BACKUP] }), []);
      }
    });

    it("reports an uncovered cluster once, not also for its missing roles", async () => {
      assert.deepStrictEqual(
        (await check([nativeCluster()], { requiredRoles: [BACKUP] })).map((v) => v.message),
        [uncovered(AKS)],
      );
    });

    it("does not demand roles of an exempt cluster", async () => {
      const cluster = nativeCluster(nativeClusterInputs({ tags: { "trusted-access-exempt": "" } }));
      assert.deepStrictEqual(
        await check([cluster, nativeBindingOf(cluster)], { requiredRoles: [BACKUP] }),
        [],
      );
    });
  });

  describe("malformed config", () => {
    it("ignores config of the wrong types", async () => {
      const config = {
        exemptClusters: "aks",
        exemptTag: 7,
        requiredRoles: [null],
      } as unknown as TrustedAccessRequiredConfig;
      assert.deepStrictEqual(
        (await check([nativeCluster()], config)).map((v) => v.message),
        [uncovered(AKS)],
      );
    });
  });
});
