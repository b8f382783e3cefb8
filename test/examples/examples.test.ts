import * as assert from "assert";
import { checkFixture } from "../check/support/checkFixture";
import { SHIPPED_PACK } from "../support/builtPackage";

// Both examples, run as `aks-trusted-access check` runs them with the pack as installed: under Pulumi's mocks as a first preview, then through
// the real policy pack over its gRPC protocol. What this does not prove: that Azure accepts the resources.
describe("the examples", function () {
  this.timeout(300_000);

  it("examples/basic (the root stack) declares a compliant cluster: no mandatory violation", async () => {
    const { run, report } = await checkFixture("../../..", ["--policy-pack", SHIPPED_PACK]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.deepStrictEqual(
      // Registration order follows the program's promises, not its lines: compare as sets.
      report?.resources.map((r) => `${r.type} ${r.name}`).sort(),
      [
        "pulumi:pulumi:Stack aks-trusted-access-basic-check",
        "azure-native:resources:ResourceGroup aks-ta",
        "azure-native:storage:StorageAccount mlstore",
        "azure-native:keyvault:Vault mlvault",
        "azure-native:applicationinsights:Component mlinsights",
        "azure-native:machinelearningservices:Workspace ml",
        "azure-native:dataprotection:BackupVault backup",
        "aks-trusted-access:index:AksCluster aks",
        "azure-native:containerservice:ManagedCluster aks",
        "azure-native:containerservice:MaintenanceConfiguration aks-node-os-window",
        "azure-native:containerservice:AgentPool aks-apps",
        "azure-native:containerservice:TrustedAccessRoleBinding aks-ml",
        "azure-native:containerservice:TrustedAccessRoleBinding aks-backup",
      ].sort(),
    );
    // The component's resources are located where the program declares the component, not in this package.
    const aksLine = report?.resources.find((r) => r.type === "aks-trusted-access:index:AksCluster")?.location;
    assert.deepStrictEqual(
      report?.resources
        .filter((r) => r.type.startsWith("azure-native:containerservice:"))
        .map((r) => r.location),
      [aksLine, aksLine, aksLine, aksLine, aksLine],
    );
    assert.strictEqual(aksLine?.file, "examples/basic/index.ts");
    // The ML binding's inference-v1 role is powerful by design: the advisory policy says so. Of the related rules,
    // only KMS is unmet (Azure refuses it with the system-assigned identity Trusted Access asks for), advisory.
    assert.deepStrictEqual(
      report?.diagnostics.map((d) => [d.policy, d.enforcementLevel, d.resourceName]),
      [
        ["aks-kms-private-key-vault", "advisory", "aks"],
        ["aks-trusted-access-privileged-roles", "advisory", "aks-ml"],
      ],
    );
  });

  it("examples/existing-cluster binds a cluster named in stack config: no violation", async () => {
    const { run, report } = await checkFixture("../../../examples/existing-cluster", ["--stack", "example"]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.deepStrictEqual(
      // Registration order follows the program's promises, not its lines: compare as sets.
      report?.resources.map((r) => `${r.type} ${r.name}`).sort(),
      [
        "pulumi:pulumi:Stack aks-trusted-access-existing-cluster-example",
        "aks-trusted-access:index:TrustedAccessBindings existing",
        "azure-native:containerservice:TrustedAccessRoleBinding existing-backup",
      ].sort(),
    );
    assert.deepStrictEqual(report?.diagnostics, []);
  });

  it("examples/existing-cluster without its stack config stops with the missing key named", async () => {
    const { run } = await checkFixture("../../../examples/existing-cluster");
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /aks-trusted-access-existing-cluster:resourceGroupName/);
  });
});
