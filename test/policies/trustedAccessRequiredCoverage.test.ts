import * as assert from "assert";
import { urnOf } from "./support/policyRunner";
import {
  CLUSTER_ID,
  CLUSTER_NAME,
  NATIVE_BINDING,
  NATIVE_BINDING_V20230901,
  NATIVE_CLUSTER_V20240901,
  nativeBindingInputs,
  nativeBindingOutputs,
  nativeClusterInputs,
  nativeClusterOutputs,
  resource,
  withField,
  withoutField,
} from "./support/resources";
import { AKS, check, nativeBindingOf, nativeCluster, uncovered } from "./support/trustedAccessRequired";
import { UNKNOWN_STRING } from "./support/wire";
import { TrustedAccessRole } from "../../domain";

describe("aks-trusted-access-required: coverage of azure-native clusters", () => {
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

    it("does not report a cluster while a new binding's preview names no cluster, as azure-native's does", async () => {
      // azure-native's preview gives the response properties only: no resourceGroupName, resourceName, id or
      // __inputs, so a binding that names its cluster by a literal cannot be linked until it exists.
      const preview = {
        name: UNKNOWN_STRING,
        roles: [TrustedAccessRole.MachineLearningWorkload],
        type: UNKNOWN_STRING,
      };
      const binding = resource(NATIVE_BINDING, "aks-ml", preview);
      assert.deepStrictEqual(await check([nativeCluster(), binding]), []);
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
  });
});
