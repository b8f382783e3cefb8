import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { AksClusterArgs } from "../../components";
import { bindingsArgs, clusterArgs } from "./support/fixtures";
import { notYetCreated, runProgram } from "./support/harness";
import { bindingNames, failureMessages } from "./support/validation";

describe("AksCluster cluster argument checks", () => {
  const cases = [
    {
      name: "rejects an empty resource group name",
      change: { resourceGroupName: "" },
      input: "resourceGroupName",
      message:
        'AksCluster "prod": resourceGroupName "" is not a resource group name: give the name of the resource group that holds the cluster.',
    },
    {
      name: "rejects a cluster name that starts with a hyphen",
      change: { clusterName: "-aks" },
      input: "resourceName",
      message:
        'AksCluster "prod": clusterName "-aks" is not a valid cluster name: use 1-63 letters, digits, hyphens or ' +
        "underscores, starting and ending with a letter or digit.",
    },
    {
      name: "rejects a cluster name longer than 63 characters",
      change: { clusterName: "a".repeat(64) },
      input: "resourceName",
      message:
        `AksCluster "prod": clusterName "${"a".repeat(64)}" is not a valid cluster name: use 1-63 letters, digits, ` +
        "hyphens or underscores, starting and ending with a letter or digit.",
    },
  ];
  for (const c of cases) {
    it(`${c.name}, before registering any child`, async () => {
      const result = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs(c.change)));
      assert.ok(result.thrown instanceof pulumi.ResourceError);
      assert.strictEqual(result.thrown.message, c.message);
      assert.deepStrictEqual(
        result.registrations.map((r) => r.type),
        ["aks-trusted-access:index:AksCluster"],
      );
    });

    it(`${c.name}, given as an Output, failing the cluster with the same message`, async () => {
      const asOutputs = Object.fromEntries(Object.entries(c.change).map(([k, v]) => [k, pulumi.output(v)]));
      const result = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs(asOutputs)));
      assert.strictEqual(result.thrown, undefined);
      assert.deepStrictEqual(failureMessages(result), [
        `error serializing property "${c.input}": ${c.message}`,
      ]);
      assert.deepStrictEqual(
        result.registrations.map((r) => r.type),
        ["aks-trusted-access:index:AksCluster"],
      );
    });
  }

  it("rejects a missing resource group (from JavaScript)", async () => {
    const args: Partial<AksClusterArgs> = { ...clusterArgs(), resourceGroupName: undefined };
    const result = await runProgram(({ AksCluster }) => new AksCluster("prod", args as AksClusterArgs));
    assert.ok(result.thrown instanceof pulumi.ResourceError);
    assert.strictEqual(
      result.thrown.message,
      'AksCluster "prod": resourceGroupName undefined is not a resource group name: give the name of the resource group that holds the cluster.',
    );
  });
});

describe("TrustedAccessBindings cluster argument checks", () => {
  const cases = [
    {
      name: "rejects an empty resource group name",
      change: { resourceGroupName: "" },
      input: "resourceGroupName",
      message:
        'TrustedAccessBindings "prod": resourceGroupName "" is not a resource group name: give the name of the ' +
        "resource group that holds the cluster.",
    },
    {
      name: "rejects a cluster name with a space",
      change: { clusterName: "my aks" },
      input: "resourceName",
      message:
        'TrustedAccessBindings "prod": clusterName "my aks" is not a valid cluster name: use 1-63 letters, digits, ' +
        "hyphens or underscores, starting and ending with a letter or digit.",
    },
  ];
  for (const c of cases) {
    it(`${c.name}, before registering any child`, async () => {
      const result = await runProgram(
        ({ TrustedAccessBindings }) => new TrustedAccessBindings("prod", bindingsArgs(c.change)),
      );
      assert.ok(result.thrown instanceof pulumi.ResourceError);
      assert.strictEqual(result.thrown.message, c.message);
      assert.deepStrictEqual(
        result.registrations.map((r) => r.type),
        ["aks-trusted-access:index:TrustedAccessBindings"],
      );
    });

    it(`${c.name}, given as an Output, failing every binding with the same message`, async () => {
      const asOutputs = Object.fromEntries(Object.entries(c.change).map(([k, v]) => [k, pulumi.output(v)]));
      const result = await runProgram(
        ({ TrustedAccessBindings }) => new TrustedAccessBindings("prod", bindingsArgs(asOutputs)),
      );
      const expected = `error serializing property "${c.input}": ${c.message}`;
      // One failure per binding (ml and backup), each its own error.
      assert.deepStrictEqual(failureMessages(result), [expected, expected]);
      assert.deepStrictEqual(bindingNames(result), []);
    });

    it(`lets the value through while it is unknown during preview (${c.name.replace("rejects ", "")})`, async () => {
      const unknown = Object.fromEntries(Object.keys(c.change).map((k) => [k, notYetCreated("later")]));
      const result = await runProgram(
        ({ TrustedAccessBindings }) => new TrustedAccessBindings("prod", bindingsArgs(unknown)),
        { preview: true },
      );
      assert.deepStrictEqual(result.failures, []);
      assert.deepStrictEqual(bindingNames(result), ["prod-backup", "prod-ml"]);
    });
  }
});
