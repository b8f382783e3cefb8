import * as assert from "assert";
import { TrustedAccessRole } from "../../policypack/domain";
import { TrustedAccessRequiredConfig, trustedAccessRequired } from "../../policypack/policies";
import { StackResourceFixture, Violation, runStackPolicy, urnOf } from "./fixtures/policyRunner";
import {
  BACKUP_VAULT_ID,
  CLASSIC_BINDING,
  CLASSIC_CLUSTER,
  CLUSTER_ID,
  CLUSTER_NAME,
  NATIVE_BINDING,
  NATIVE_BINDING_V20230901,
  NATIVE_CLUSTER,
  NATIVE_CLUSTER_V20240901,
  classicBindingProps,
  classicClusterProps,
  nativeBindingInputs,
  nativeBindingOutputs,
  nativeClusterInputs,
  nativeClusterOutputs,
  resource,
  withField,
  withoutField,
} from "./fixtures/resources";
import { UNKNOWN_ARRAY, UNKNOWN_OBJECT, UNKNOWN_STRING } from "./fixtures/wire";

const ML = TrustedAccessRole.MachineLearningWorkload;
const BACKUP = TrustedAccessRole.BackupOperator;

/** The violation for an uncovered cluster, as `describeCluster` names it. */
const uncovered = (subject: string, tag = "trusted-access-exempt"): string =>
  `${subject} has no Trusted Access role binding in this stack, so it fails the Cloud Conformity rule ` +
  '"Enable Trusted Access for AKS Clusters": declare it with the AksCluster component and at least one ' +
  "trustedAccess entry, or add a TrustedAccessBindings component for it; to exempt it, tag it " +
  `"${tag}" or list it in exemptClusters.`;
const AKS = 'AKS cluster "aks" (Azure name "aks-prod")';

const nativeCluster = (props: object = nativeClusterInputs(), name = "aks", type = NATIVE_CLUSTER) =>
  resource(type, name, props);
/** A binding whose resourceName was computed from the cluster's outputs, as the components declare it. */
const nativeBindingOf = (
  cluster: StackResourceFixture,
  props: object = nativeBindingInputs(),
  name = "aks-ml",
  type = NATIVE_BINDING,
) =>
  resource(type, name, props, { dependencies: [cluster], propertyDependencies: { resourceName: [cluster] } });

const check = (
  resources: StackResourceFixture[],
  config: TrustedAccessRequiredConfig = {},
): Promise<Violation[]> => runStackPolicy(trustedAccessRequired, resources, config);

describe("aks-trusted-access-required", () => {
  describe("coverage", () => {
    it("passes a cluster whose binding's resourceName depends on it", async () => {
      const cluster = nativeCluster();
      assert.deepStrictEqual(await check([cluster, nativeBindingOf(cluster)]), []);
    });

    it("flags a cluster without any binding, on the cluster's URN, naming it and the fix", async () => {
      const cluster = nativeCluster();
      assert.deepStrictEqual(await check([cluster]), [
        {
          message:
            'AKS cluster "aks" (Azure name "aks-prod") has no Trusted Access role binding in this stack, so it ' +
            'fails the Cloud Conformity rule "Enable Trusted Access for AKS Clusters": declare it with the ' +
            "AksCluster component and at least one trustedAccess entry, or add a TrustedAccessBindings component " +
            'for it; to exempt it, tag it "trusted-access-exempt" or list it in exemptClusters.',
          urn: urnOf(cluster),
        },
      ]);
    });

    it("names only the Pulumi resource when the Azure name is the same", async () => {
      const cluster = nativeCluster(nativeClusterInputs(), CLUSTER_NAME);
      assert.deepStrictEqual(
        (await check([cluster])).map((v) => v.message),
        [uncovered('AKS cluster "aks-prod"')],
      );
    });

    it("links a binding by resource group and cluster name, ignoring case", async () => {
      const binding = resource(
        NATIVE_BINDING,
        "aks-ml",
        nativeBindingInputs({ resourceGroupName: "RG-AKS", resourceName: "AKS-Prod" }),
      );
      assert.deepStrictEqual(await check([nativeCluster(), binding]), []);
    });

    it("flags a cluster whose only binding targets another resource group", async () => {
      const binding = resource(
        NATIVE_BINDING,
        "aks-ml",
        nativeBindingInputs({ resourceGroupName: "rg-other" }),
      );
      assert.deepStrictEqual(
        (await check([nativeCluster(), binding])).map((v) => v.message),
        [uncovered(AKS)],
      );
    });

    it("flags a cluster whose only binding targets another cluster of the same resource group", async () => {
      const binding = resource(NATIVE_BINDING, "aks-ml", nativeBindingInputs({ resourceName: "aks-dev" }));
      assert.deepStrictEqual(
        (await check([nativeCluster(), binding])).map((v) => v.message),
        [uncovered(AKS)],
      );
    });

    it("flags only the uncovered one of two clusters", async () => {
      const covered = nativeCluster();
      const bare = nativeCluster(nativeClusterInputs({ resourceName: "aks-dev" }), "dev");
      const violations = await check([covered, bare, nativeBindingOf(covered)]);
      assert.deepStrictEqual(violations, [
        { message: uncovered('AKS cluster "dev" (Azure name "aks-dev")'), urn: urnOf(bare) },
      ]);
    });

    it("recognises clusters and bindings of API-version modules", async () => {
      const cluster = nativeCluster(nativeClusterInputs(), "aks", NATIVE_CLUSTER_V20240901);
      assert.deepStrictEqual(
        await check([
          cluster,
          nativeBindingOf(cluster, nativeBindingInputs(), "aks-ml", NATIVE_BINDING_V20230901),
        ]),
        [],
      );
      assert.deepStrictEqual(
        (await check([cluster])).map((v) => v.message),
        [uncovered(AKS)],
      );
    });

    it("passes a stack without clusters", async () => {
      assert.deepStrictEqual(await check([resource(NATIVE_BINDING, "aks-ml", nativeBindingInputs())]), []);
    });
  });

  describe("during preview (values unknown)", () => {
    it("counts a binding linked through propertyDependencies although its resourceName is unknown", async () => {
      const cluster = nativeCluster();
      const binding = nativeBindingOf(cluster, nativeBindingInputs({ resourceName: UNKNOWN_STRING }));
      assert.deepStrictEqual(await check([cluster, binding]), []);
    });

    it("does not report a cluster while a binding's unknown cluster could be it", async () => {
      const binding = resource(
        NATIVE_BINDING,
        "aks-ml",
        nativeBindingInputs({ resourceName: UNKNOWN_STRING }),
      );
      assert.deepStrictEqual(await check([nativeCluster(), binding]), []);
    });

    it("does not report a cluster whose own name is unknown while a binding in its group may name it", async () => {
      const cluster = nativeCluster(nativeClusterInputs({ resourceName: UNKNOWN_STRING }));
      const binding = resource(NATIVE_BINDING, "aks-ml", nativeBindingInputs({ resourceName: "aks-x" }));
      assert.deepStrictEqual(await check([cluster, binding]), []);
    });

    it("reports a cluster when the binding with an unknown cluster name was computed from another cluster", async () => {
      const covered = nativeCluster();
      const bare = nativeCluster(nativeClusterInputs({ resourceName: "aks-dev" }), "dev");
      const binding = nativeBindingOf(covered, nativeBindingInputs({ resourceName: UNKNOWN_STRING }));
      assert.deepStrictEqual(await check([covered, bare, binding]), [
        { message: uncovered('AKS cluster "dev" (Azure name "aks-dev")'), urn: urnOf(bare) },
      ]);
    });

    it("reports a cluster when the binding's known resource group rules it out", async () => {
      const binding = resource(
        NATIVE_BINDING,
        "aks-ml",
        nativeBindingInputs({ resourceGroupName: "rg-other", resourceName: UNKNOWN_STRING }),
      );
      assert.deepStrictEqual(
        (await check([nativeCluster(), binding])).map((v) => v.message),
        [uncovered(AKS)],
      );
    });

    it("names only the Pulumi resource while the Azure name is unknown", async () => {
      const cluster = nativeCluster(nativeClusterInputs({ resourceName: UNKNOWN_STRING }));
      assert.deepStrictEqual(
        (await check([cluster])).map((v) => v.message),
        [uncovered('AKS cluster "aks"')],
      );
    });
  });

  describe("existing resources (outputs, with inputs under __inputs)", () => {
    it("links an existing binding through __inputs, its outputs lacking resourceGroupName and resourceName", async () => {
      const cluster = nativeCluster(nativeClusterOutputs());
      const binding = resource(NATIVE_BINDING, "aks-ml", nativeBindingOutputs());
      assert.deepStrictEqual(await check([cluster, binding]), []);
    });

    it("flags an existing cluster whose existing binding's __inputs name another cluster", async () => {
      const binding = resource(
        NATIVE_BINDING,
        "aks-ml",
        nativeBindingOutputs({ __inputs: nativeBindingInputs({ resourceName: "aks-dev" }) }),
      );
      assert.deepStrictEqual(
        (await check([nativeCluster(nativeClusterOutputs()), binding])).map((v) => v.message),
        [uncovered(AKS)],
      );
    });

    it("links an existing binding by its own ARM id when __inputs is absent", async () => {
      const binding = resource(
        NATIVE_BINDING,
        "aks-ml",
        withoutField(nativeBindingOutputs({ id: `${CLUSTER_ID}/trustedAccessRoleBindings/ml` }), "__inputs"),
      );
      assert.deepStrictEqual(await check([nativeCluster(nativeClusterOutputs()), binding]), []);
    });

    it("reads an existing cluster's Azure name from its name output", async () => {
      const outputs = nativeClusterOutputs({
        id: undefined,
        __inputs: withoutField(nativeClusterInputs(), "resourceName"),
      });
      const binding = resource(NATIVE_BINDING, "aks-ml", nativeBindingInputs());
      assert.deepStrictEqual(await check([nativeCluster(outputs), binding]), []);
    });

    it("links through propertyDependencies in existing state too", async () => {
      const cluster = nativeCluster(nativeClusterOutputs());
      const binding = nativeBindingOf(cluster, withoutField(nativeBindingOutputs(), "__inputs"));
      assert.deepStrictEqual(await check([cluster, binding]), []);
    });
  });

  describe("classic azure provider", () => {
    const classicCluster = (props: object = classicClusterProps({ id: CLUSTER_ID })) =>
      resource(CLASSIC_CLUSTER, "aks", props);

    it("links a binding whose kubernetesClusterId is the cluster's id, ignoring case", async () => {
      const binding = resource(
        CLASSIC_BINDING,
        "aks-ml",
        classicBindingProps({ kubernetesClusterId: CLUSTER_ID.toLowerCase() }),
      );
      assert.deepStrictEqual(await check([classicCluster(), binding]), []);
    });

    it("links through propertyDependencies while the cluster's id is unknown in preview", async () => {
      const cluster = classicCluster(classicClusterProps({ id: UNKNOWN_STRING }));
      const binding = resource(
        CLASSIC_BINDING,
        "aks-ml",
        classicBindingProps({ kubernetesClusterId: UNKNOWN_STRING }),
        { propertyDependencies: { kubernetesClusterId: [cluster] } },
      );
      assert.deepStrictEqual(await check([cluster, binding]), []);
    });

    it("flags a classic cluster without a binding", async () => {
      assert.deepStrictEqual(
        (await check([classicCluster()])).map((v) => v.message),
        [uncovered(AKS)],
      );
    });

    it("flags a classic cluster whose binding names the same group and name in another subscription", async () => {
      const elsewhere = CLUSTER_ID.replace("5f0e3c2a", "00000000");
      const binding = resource(
        CLASSIC_BINDING,
        "aks-ml",
        classicBindingProps({ kubernetesClusterId: elsewhere }),
      );
      assert.deepStrictEqual(
        (await check([classicCluster(), binding])).map((v) => v.message),
        [uncovered(AKS)],
      );
    });

    it("does not report a cluster while a classic binding's cluster id is unknown", async () => {
      const binding = resource(
        CLASSIC_BINDING,
        "aks-ml",
        classicBindingProps({ kubernetesClusterId: UNKNOWN_STRING }),
      );
      assert.deepStrictEqual(await check([classicCluster(), binding]), []);
    });

    it("does not report a new cluster whose id, and so subscription, is unknown while a binding names it", async () => {
      const cluster = classicCluster(classicClusterProps({ id: UNKNOWN_STRING }));
      const elsewhere = CLUSTER_ID.replace("5f0e3c2a", "00000000");
      const binding = resource(
        CLASSIC_BINDING,
        "aks-ml",
        classicBindingProps({ kubernetesClusterId: elsewhere }),
      );
      assert.deepStrictEqual(await check([cluster, binding]), []);
    });

    it("links an azure-native binding to a classic cluster by resource group and name", async () => {
      const binding = resource(NATIVE_BINDING, "aks-ml", nativeBindingInputs());
      assert.deepStrictEqual(await check([classicCluster(classicClusterProps()), binding]), []);
    });
  });

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

  describe("malformed resources", () => {
    it("does not count a binding whose resourceName is not a string", async () => {
      const binding = resource(
        NATIVE_BINDING,
        "aks-ml",
        withField(nativeBindingInputs(), "resourceName", 42),
      );
      assert.deepStrictEqual(
        (await check([nativeCluster(), binding])).map((v) => v.message),
        [uncovered(AKS)],
      );
    });

    it("flags a cluster with null and wrongly typed properties without throwing", async () => {
      const props = withField(withField(nativeClusterInputs(), "resourceGroupName", null), "tags", ["x"]);
      assert.deepStrictEqual(
        (await check([nativeCluster(props)])).map((v) => v.message),
        [uncovered(AKS)],
      );
    });

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
