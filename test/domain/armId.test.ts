import * as assert from "assert";
import { parseArmId, parseClusterId } from "../../domain";

const SUB = "00000000-0000-0000-0000-00000000000a";

describe("parseArmId", () => {
  const accepted = [
    {
      name: "a resource-group-scoped workspace",
      id: `/subscriptions/${SUB}/resourceGroups/ml-rg/providers/Microsoft.MachineLearningServices/workspaces/ws1`,
      expected: {
        subscriptionId: SUB,
        resourceGroupName: "ml-rg",
        namespace: "Microsoft.MachineLearningServices",
        types: ["workspaces"],
        names: ["ws1"],
      },
    },
    {
      name: "Defender's subscription-scoped child of a pricing",
      id: `/subscriptions/${SUB}/providers/Microsoft.Security/pricings/CloudPosture/securityOperators/DefenderCSPMSecurityOperator`,
      expected: {
        subscriptionId: SUB,
        resourceGroupName: undefined,
        namespace: "Microsoft.Security",
        types: ["pricings", "securityOperators"],
        names: ["CloudPosture", "DefenderCSPMSecurityOperator"],
      },
    },
    {
      name: "keywords in any case",
      id: `/SUBSCRIPTIONS/${SUB}/RESOURCEGROUPS/rg.with(parens)_1/PROVIDERS/Microsoft.DataProtection/backupVaults/v`,
      expected: {
        subscriptionId: SUB,
        resourceGroupName: "rg.with(parens)_1",
        namespace: "Microsoft.DataProtection",
        types: ["backupVaults"],
        names: ["v"],
      },
    },
  ];
  for (const c of accepted) {
    it(`accepts ${c.name}`, () => {
      assert.deepStrictEqual(parseArmId(c.id), { ok: true, id: c.expected });
    });
  }

  const rejected = [
    { name: "a bare name", id: "ws1", reason: "it does not start with /subscriptions/" },
    {
      name: "a subscription id that is not a GUID",
      id: "/subscriptions/abc/providers/Microsoft.Security/pricings/x",
      reason: 'its subscription id "abc" is not a GUID',
    },
    {
      name: "a trailing slash",
      id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.A/b/c/`,
      reason: "it has an empty segment (a doubled or trailing /)",
    },
    {
      name: "a resource group id",
      id: `/subscriptions/${SUB}/resourceGroups/rg`,
      reason: "it names no provider (/providers/<Namespace>/...)",
    },
    {
      name: "a resource group ending in a dot",
      id: `/subscriptions/${SUB}/resourceGroups/rg./providers/Microsoft.A/b/c`,
      reason: 'its resource group "rg." is not a valid resource group name',
    },
    {
      name: "a namespace without a dot",
      id: `/subscriptions/${SUB}/providers/Security/pricings/x`,
      reason: 'its provider namespace "Security" is not of the form Microsoft.Something',
    },
    {
      name: "a type without a name",
      id: `/subscriptions/${SUB}/providers/Microsoft.Security/pricings`,
      reason: "it does not end in <type>/<name> pairs",
    },
    {
      name: "a type segment with symbols",
      id: `/subscriptions/${SUB}/providers/Microsoft.Security/pri-cings/x`,
      reason: 'its resource type segment "pri-cings" is not a type name',
    },
  ];
  for (const c of rejected) {
    it(`rejects ${c.name}, saying why`, () => {
      assert.deepStrictEqual(parseArmId(c.id), { ok: false, reason: c.reason });
    });
  }
});

describe("parseClusterId", () => {
  it("takes apart an AKS cluster id, whatever the case of its type", () => {
    assert.deepStrictEqual(
      parseClusterId(
        `/subscriptions/${SUB}/resourcegroups/rg/providers/microsoft.containerservice/MANAGEDCLUSTERS/aks1`,
      ),
      { subscriptionId: SUB, resourceGroupName: "rg", clusterName: "aks1" },
    );
  });
  it("refuses the id of a binding under a cluster", () => {
    const id = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1/trustedAccessRoleBindings/b`;
    assert.strictEqual(parseClusterId(id), undefined);
  });
  it("refuses an id of another resource type", () => {
    assert.strictEqual(
      parseClusterId(
        `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm`,
      ),
      undefined,
    );
  });
});
