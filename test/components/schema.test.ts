import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { Analyzer, AnalyzeResult, PropertyDefinition } from "@pulumi/pulumi/provider/experimental/analyzer";

const root = path.resolve(__dirname, "../..");

/** A property's shape in a few words: its type or reference, item or value types, and whether it is optional. */
function shape(p: PropertyDefinition): string {
  const ref = "$ref" in p ? p.$ref.replace(/^.*[#/]/, "") : undefined;
  const inner = p.items ?? p.additionalProperties;
  const of = inner ? `<${shape(inner)}>` : "";
  return `${ref ?? ("type" in p ? p.type : "?")}${of}${p.optional ? "?" : ""}`;
}

const shapes = (props: Record<string, PropertyDefinition>) =>
  Object.fromEntries(Object.entries(props).map(([k, p]) => [k, shape(p)]));

// What this proves: Pulumi's own schema inference (what `componentProviderHost` runs to offer the components to
// Python, Go and .NET) accepts both components and sees the arguments and outputs below. It does not start a
// provider or a Pulumi engine.
describe("the components' inferred Pulumi schema", function () {
  this.timeout(120_000);
  let schema: AnalyzeResult;

  before(() => {
    const packageJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    const components = new Set(["AksCluster", "TrustedAccessBindings"]);
    schema = new Analyzer(root, "aks-trusted-access", packageJson, components).analyze();
  });

  it("takes AksCluster's arguments: required group and bindings, the rest optional, no identity", () => {
    assert.deepStrictEqual(shapes(schema.components.AksCluster.inputs), {
      resourceGroupName: "string",
      location: "string?",
      clusterName: "string?",
      dnsPrefix: "string?",
      kubernetesVersion: "string?",
      systemNodePool: "aks-trusted-access:index:SystemNodePoolArgs?",
      upgradeChannel: "aks-trusted-access:index:KubernetesUpgradeChannel?",
      nodeOsUpgradeChannel: "aks-trusted-access:index:NodeOsUpgradeChannel?",
      disableLocalAccounts: "boolean?",
      enableAzureRbac: "boolean?",
      adminGroupObjectIds: "array<string>?",
      privateCluster: "boolean?",
      nodeOsMaintenanceWindow: "aks-trusted-access:index:NodeOsMaintenanceWindowArgs?",
      nodePools: "object<aks-trusted-access:index:NodePoolArgs>?",
      tags: "object<string>?",
      trustedAccess: "object<aks-trusted-access:index:TrustedAccessBindingArgs>",
    });
  });

  it("takes TrustedAccessBindings' arguments", () => {
    assert.deepStrictEqual(shapes(schema.components.TrustedAccessBindings.inputs), {
      resourceGroupName: "string",
      clusterName: "string",
      bindings: "object<aks-trusted-access:index:TrustedAccessBindingArgs>",
    });
  });

  it("shares one binding type between both components", () => {
    const binding = schema.typeDefinitions.TrustedAccessBindingArgs;
    assert.deepStrictEqual(shapes(binding.properties ?? {}), {
      sourceResourceId: "string",
      roles: "array<string>",
      name: "string?",
    });
  });

  // `NodeOsMaintenanceWindowArgs | null` is not inferable: the analyzer (provider/experimental/analyzer.js) takes
  // a union only as `T | undefined` or as a literal enum, so `enabled: false` is how every language says "none".
  it("takes the node OS window as an object whose enabled flag turns it off", () => {
    assert.deepStrictEqual(shapes(schema.typeDefinitions.NodeOsMaintenanceWindowArgs.properties ?? {}), {
      enabled: "boolean?",
      dayOfWeek: "aks-trusted-access:index:WeekDay?",
      startTime: "string?",
      durationHours: "number?",
      utcOffset: "string?",
    });
  });

  it("takes each user node pool's settings, every one optional", () => {
    assert.deepStrictEqual(shapes(schema.typeDefinitions.NodePoolArgs.properties ?? {}), {
      vmSize: "string?",
      count: "number?",
      enableAutoScaling: "boolean?",
      minCount: "number?",
      maxCount: "number?",
      availabilityZones: "array<string>?",
      osType: "aks-trusted-access:index:NodePoolOsType?",
      nodeLabels: "object<string>?",
      nodeTaints: "array<string>?",
      enableFips: "boolean?",
    });
  });

  it("offers the upgrade channels as enums of Azure's values", () => {
    const values = (name: string) => schema.typeDefinitions[name].enum?.map((e) => e.value).sort();
    assert.deepStrictEqual(values("KubernetesUpgradeChannel"), [
      "node-image",
      "none",
      "patch",
      "rapid",
      "stable",
    ]);
    assert.deepStrictEqual(values("NodeOsUpgradeChannel"), [
      "NodeImage",
      "None",
      "SecurityPatch",
      "Unmanaged",
    ]);
    assert.deepStrictEqual(values("WeekDay"), [
      "Friday",
      "Monday",
      "Saturday",
      "Sunday",
      "Thursday",
      "Tuesday",
      "Wednesday",
    ]);
    assert.deepStrictEqual(values("NodePoolOsType"), ["Linux", "Windows"]);
  });

  it("gives the outputs, with the cluster and bindings as azure-native resources", () => {
    assert.deepStrictEqual(shapes(schema.components.AksCluster.outputs), {
      cluster: "azure-native:containerservice:ManagedCluster",
      bindings: "object<azure-native:containerservice:TrustedAccessRoleBinding>",
      clusterName: "string",
      clusterId: "string",
      resourceGroupName: "string",
      principalId: "string?",
      nodePools: "object<azure-native:containerservice:AgentPool>",
      nodeOsMaintenanceConfiguration: "azure-native:containerservice:MaintenanceConfiguration?",
    });
    assert.deepStrictEqual(shapes(schema.components.TrustedAccessBindings.outputs), {
      bindings: "object<azure-native:containerservice:TrustedAccessRoleBinding>",
      clusterName: "string",
      resourceGroupName: "string",
    });
  });
});
