import * as assert from "assert";
import { createHash } from "crypto";
import { azureNativeAutoname } from "../../cli/check/program/azureNativeAutonames";
import { azureNativeInputLookup } from "../../cli/check/program/azureNativeSdkInputs";
import { REPO } from "./support/runCli";

describe("check: azure-native autonaming, simulated deterministically", () => {
  const declares = azureNativeInputLookup(REPO);
  const cases: {
    name: string;
    type: string;
    inputs: Record<string, unknown>;
    expected: [string, string] | undefined;
  }[] = [
    {
      name: "a cluster gets resourceName: its Pulumi name and 8 hex digits",
      type: "azure-native:containerservice:ManagedCluster",
      inputs: {},
      expected: ["resourceName", "aks89d492ee"],
    },
    {
      name: "an API-version type gets the name property of its unversioned type",
      type: "azure-native:containerservice/v20240901:ManagedCluster",
      inputs: {},
      expected: ["resourceName", "aks82c523f3"],
    },
    {
      name: "a binding gets trustedAccessRoleBindingName",
      type: "azure-native:containerservice:TrustedAccessRoleBinding",
      inputs: { resourceName: "c" },
      expected: ["trustedAccessRoleBindingName", "aksfbf033da"],
    },
    {
      name: "a name the program gave is kept",
      type: "azure-native:containerservice:ManagedCluster",
      inputs: { resourceName: "prod" },
      expected: undefined,
    },
    {
      name: "a type outside the table follows the SDK's <resource>Name input when its SDK declares it",
      type: "azure-native:network:NetworkSecurityGroup",
      inputs: {},
      expected: ["networkSecurityGroupName", "aks78509da7"],
    },
    {
      name: "a role assignment is named by a GUID",
      type: "azure-native:authorization:RoleAssignment",
      inputs: {},
      expected: ["roleAssignmentName", "89d690fc-807d-443b-a1c5-5bf613c42dbe"],
    },
    {
      name: "other providers are left alone",
      type: "azure:containerservice/kubernetesCluster:KubernetesCluster",
      inputs: {},
      expected: undefined,
    },
  ];
  for (const c of cases) {
    it(c.name, () =>
      assert.deepStrictEqual(azureNativeAutoname(c.type, "aks", c.inputs, declares), c.expected),
    );
  }

  it("derives the suffix from a hash of type and name, where azure-native draws random hex", () => {
    const type = "azure-native:containerservice:ManagedCluster";
    const hex = createHash("sha256").update(`${type}::aks`).digest("hex").slice(0, 8);
    assert.deepStrictEqual(azureNativeAutoname(type, "aks", {}, declares), ["resourceName", `aks${hex}`]);
  });

  it("gives the same name every time and different names to different resources", () => {
    const name = (n: string) => azureNativeAutoname("azure-native:resources:ResourceGroup", n, {}, declares);
    assert.deepStrictEqual(name("rg"), name("rg"));
    assert.notDeepStrictEqual(name("rg"), name("rg2"));
  });

  it("reads the SDK: an input the class requires is not autonamed", () => {
    // TrustedAccessRoleBinding requires resourceName (the cluster), so it is not the binding's own name.
    assert.strictEqual(
      declares("azure-native:containerservice:TrustedAccessRoleBinding", "resourceName"),
      false,
    );
    assert.strictEqual(
      declares("azure-native:network:NetworkSecurityGroup", "networkSecurityGroupName"),
      true,
    );
  });
});
