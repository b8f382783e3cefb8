import * as assert from "assert";
import * as policyProxy from "@pulumi/policy/proxy";
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { PackInputError, UNKNOWN_SENTINELS, resourceUrn } from "../../../cli/packHost";
import { SECRET_SIG, SIG_KEY } from "../../../cli/packHost/propertyEncoding";
import { readRuntimeName } from "../../../cli/packHost/policyProject";

describe("the host's wire constants", () => {
  it("match the sentinels the policy SDK recognises as unknown", () => {
    // The SDK exports these at runtime but marks them internal, so its .d.ts does not declare them.
    const sdk = policyProxy as unknown as Record<string, unknown>;
    assert.deepStrictEqual(UNKNOWN_SENTINELS, {
      string: sdk.unknownStringValue,
      number: sdk.unknownNumberValue,
      bool: sdk.unknownBooleanValue,
      array: sdk.unknownArrayValue,
      object: sdk.unknownObjectValue,
    });
    assert.ok(Object.values(UNKNOWN_SENTINELS).every((s) => typeof s === "string" && s.length === 36));
    assert.strictEqual(
      UNKNOWN_SENTINELS.string,
      unknownValue,
      "the Node.js SDK's own unknown is the string one",
    );
  });

  it("mark secrets with the Pulumi SDK's signature", () => {
    assert.deepStrictEqual([SIG_KEY, SECRET_SIG], [specialSigKey, specialSecretSig]);
  });
});

describe("readRuntimeName", () => {
  const cases: { name: string; yaml: string; runtime: string | undefined }[] = [
    { name: "reads the scalar form", yaml: "runtime: nodejs\n", runtime: "nodejs" },
    {
      name: "reads a quoted scalar with a comment",
      yaml: 'runtime: "nodejs" # the pack\n',
      runtime: "nodejs",
    },
    {
      name: "reads the mapping form",
      yaml: "description: d\nruntime:\n  name: python\n  options:\n    toolchain: pip\nversion: 1\n",
      runtime: "python",
    },
    { name: "stops at the next top-level key", yaml: "runtime:\nname: nodejs\n", runtime: undefined },
    { name: "finds nothing without a runtime key", yaml: "description: no runtime\n", runtime: undefined },
    { name: "ignores an indented runtime key", yaml: "options:\n  runtime: nodejs\n", runtime: undefined },
  ];
  for (const c of cases) it(c.name, () => assert.strictEqual(readRuntimeName(c.yaml), c.runtime));
});

describe("resourceUrn", () => {
  const cases: { name: string; parentUrn?: string; urn: string }[] = [
    {
      name: "puts a resource of the stack at the top of the type chain",
      urn: "urn:pulumi:dev::proj::azure-native:containerservice:ManagedCluster::aks",
    },
    {
      name: "treats a parent that is the stack itself as no parent",
      parentUrn: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev",
      urn: "urn:pulumi:dev::proj::azure-native:containerservice:ManagedCluster::aks",
    },
    {
      name: "chains the parent's types with $",
      parentUrn: "urn:pulumi:dev::proj::a:index:Outer$aks-trusted-access:index:AksCluster::aks",
      urn: "urn:pulumi:dev::proj::a:index:Outer$aks-trusted-access:index:AksCluster$azure-native:containerservice:ManagedCluster::aks",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const urn = resourceUrn({
        stack: "dev",
        project: "proj",
        type: "azure-native:containerservice:ManagedCluster",
        name: "aks",
        parentUrn: c.parentUrn,
      });
      assert.strictEqual(urn, c.urn);
    });
  }

  it("rejects a parent that is not a URN, saying what a URN looks like", () => {
    assert.throws(
      () => resourceUrn({ stack: "dev", project: "proj", type: "a:b:C", name: "x", parentUrn: "aks" }),
      new PackInputError('parentUrn "aks" is not a URN (urn:pulumi:<stack>::<project>::<type>::<name>)'),
    );
  });
});
