import * as assert from "assert";
import { TRUSTED_ACCESS_POLICIES } from "../e2e/support/expected";
import { STACK, URN, checkFixture, violations } from "./support/checkFixture";

// Each test runs the CLI in a child process on a fixture program: the program is compiled and run under Pulumi's
// mock runtime, and the repository's policy pack is started as the Pulumi CLI starts it. They assert the verdicts
// of issue 2's policies; the four related rules' advisory verdicts on these clusters belong to their own tests.
describe("check: fixture programs that violate each policy", function () {
  this.timeout(180_000);

  const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
  const ML = `${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ml`;
  const FIX_REQUIRED =
    "declare it with the AksCluster component and at least one trustedAccess entry, or add a TrustedAccessBindings " +
    'component for it; to exempt it, tag it "trusted-access-exempt" or list it in exemptClusters.';
  const notBound = (name: string, azureName: string): string =>
    `AKS cluster "${name}" (Azure name "${azureName}") has no Trusted Access role binding in this stack, so it ` +
    `fails the Cloud Conformity rule "Enable Trusted Access for AKS Clusters": ${FIX_REQUIRED}`;

  it("fails a cluster without any binding, naming it and its autonamed Azure name (exit 1)", async () => {
    const { run, report } = await checkFixture("cluster-without-binding");
    assert.strictEqual(run.code, 1, run.stderr);
    assert.strictEqual(run.stderr, "");
    assert.deepStrictEqual(violations(report, TRUSTED_ACCESS_POLICIES), [
      {
        policy: "aks-trusted-access-required",
        level: "mandatory",
        resource: "aks",
        message: notBound("aks", "aks89d492ee"),
      },
    ]);
  });

  it("names each invalid field of a binding (binding-valid)", async () => {
    const { run, report } = await checkFixture("invalid-binding");
    assert.strictEqual(run.code, 1, run.stderr);
    assert.deepStrictEqual(violations(report, TRUSTED_ACCESS_POLICIES), [
      {
        policy: "aks-trusted-access-binding-valid",
        level: "mandatory",
        resource: "backup",
        message:
          `Trusted Access role binding "backup": sourceResourceId "${ML}" is a ` +
          '"Microsoft.MachineLearningServices/workspaces" resource, but its role ' +
          '"Microsoft.DataProtection/backupVaults/backup-operator" needs a ' +
          '"Microsoft.DataProtection/backupVaults" resource: point sourceResourceId at a ' +
          "Microsoft.DataProtection/backupVaults resource, or choose roles made for " +
          "Microsoft.MachineLearningServices/workspaces.",
      },
      {
        policy: "aks-trusted-access-binding-valid",
        level: "mandatory",
        resource: "backup",
        message:
          'Trusted Access role binding "backup": trustedAccessRoleBindingName ' +
          '"backup-binding-with-a-far-too-long-name" is not a valid binding name: use 1-24 letters, digits or ' +
          "hyphens.",
      },
    ]);
  });

  it("fails two bindings of one cluster sharing a name (ignoring case) and a source (binding-limits)", async () => {
    const { run, report } = await checkFixture("binding-limits");
    assert.strictEqual(run.code, 1, run.stderr);
    const cluster = 'AKS cluster "aks" (Azure name "aks89d492ee"): ';
    assert.deepStrictEqual(violations(report, TRUSTED_ACCESS_POLICIES), [
      {
        policy: "aks-trusted-access-binding-limits",
        level: "mandatory",
        resource: "aks",
        message:
          `${cluster}binding-ML.sourceResourceId "${ML}" is also the source of binding-ml: give each source one ` +
          "binding that lists all its roles.",
      },
      {
        policy: "aks-trusted-access-binding-limits",
        level: "mandatory",
        resource: "aks",
        message:
          `${cluster}binding-ML.trustedAccessRoleBindingName "ML" is also the name of binding-ml: binding names ` +
          "are unique per cluster, ignoring case, so rename one of them.",
      },
    ]);
  });

  it("fails a cluster with a user-assigned identity (system-assigned-identity)", async () => {
    const { run, report } = await checkFixture("user-assigned-identity");
    assert.strictEqual(run.code, 1, run.stderr);
    assert.deepStrictEqual(violations(report, TRUSTED_ACCESS_POLICIES), [
      {
        policy: "aks-cluster-system-assigned-identity",
        level: "mandatory",
        resource: "aks",
        message:
          'AKS cluster "aks" has identity.type "UserAssigned": set identity: { type: "SystemAssigned" } (the ' +
          "AksCluster component always does), since Trusted Access reaches the cluster through its " +
          "system-assigned managed identity.",
      },
    ]);
  });

  it("runs a plain JavaScript program with the classic provider's types, flagging only the unbound cluster", async () => {
    const { run, report } = await checkFixture("classic-provider");
    assert.strictEqual(run.code, 1, run.stderr);
    assert.deepStrictEqual(
      report?.resources.map((r) => [r.type, r.name, r.location && `${r.location.file}:${r.location.line}`]),
      [
        ["pulumi:pulumi:Stack", "classic-provider-check", undefined],
        [
          "azure:containerservice/kubernetesCluster:KubernetesCluster",
          "bound",
          "test/check/fixtures/classic-provider/index.js:31",
        ],
        [
          "azure:containerservice/kubernetesCluster:KubernetesCluster",
          "unbound",
          "test/check/fixtures/classic-provider/index.js:32",
        ],
        [
          "azure:containerservice/clusterTrustedAccessRoleBinding:ClusterTrustedAccessRoleBinding",
          "bound-ml",
          "test/check/fixtures/classic-provider/index.js:34",
        ],
      ],
    );
    assert.deepStrictEqual(violations(report, TRUSTED_ACCESS_POLICIES), [
      {
        policy: "aks-trusted-access-required",
        level: "mandatory",
        resource: "unbound",
        message: notBound("unbound", "aks-unbound"),
      },
    ]);
  });

  it("recognises explicit API-version types, flagging only the unbound cluster", async () => {
    const { run, report } = await checkFixture("api-versions");
    assert.strictEqual(run.code, 1, run.stderr);
    assert.deepStrictEqual(violations(report, TRUSTED_ACCESS_POLICIES), [
      {
        policy: "aks-trusted-access-required",
        level: "mandatory",
        resource: "unbound",
        message: notBound("unbound", "unbound9d9efa53"),
      },
    ]);
  });

  it("reads stack config, and a secret it cannot decrypt reaches the policies as unknown, not as text", async () => {
    const { run, report } = await checkFixture("config-and-secrets", ["--stack", "dev"]);
    assert.strictEqual(run.code, 0, run.stderr);
    const project = "config-and-secrets";
    assert.deepStrictEqual(
      report?.resources.map((r) => r.urn),
      [
        STACK(project, "dev"),
        URN(project, "azure-native:containerservice:ManagedCluster", "aks-dev", "dev"),
        URN(project, "azure-native:containerservice:TrustedAccessRoleBinding", "ml", "dev"),
      ],
    );
    assert.deepStrictEqual(report?.logs, [
      {
        severity: "info",
        message: "cluster aks-dev in westeurope with 2 nodes",
        urn: URN(project, "azure-native:containerservice:ManagedCluster", "aks-dev", "dev"),
      },
    ]);
    // Had the placeholder reached the pack as a string, binding-valid would reject it as an ARM id.
    assert.deepStrictEqual(violations(report, TRUSTED_ACCESS_POLICIES), []);
    assert.strictEqual(report?.verdict, "pass");
  });

  it("takes stack config from the command line: --config-file, -c and --config for a bare and a namespaced key", async () => {
    const { run, report } = await checkFixture("config-and-secrets", [
      "--stack",
      "ci",
      "--config-file",
      "test/check/fixtures/config-and-secrets/Pulumi.dev.yaml",
      "-c",
      "clusterName=aks-ci",
      "--config",
      "config-and-secrets:nodeCount=5",
    ]);
    assert.strictEqual(run.code, 0, run.stderr);
    const project = "config-and-secrets";
    const cluster = URN(project, "azure-native:containerservice:ManagedCluster", "aks-ci", "ci");
    assert.deepStrictEqual(
      report?.resources.map((r) => r.urn),
      [
        STACK(project, "ci"),
        cluster,
        URN(project, "azure-native:containerservice:TrustedAccessRoleBinding", "ml", "ci"),
      ],
    );
    assert.deepStrictEqual(report?.logs, [
      { severity: "info", message: "cluster aks-ci in westeurope with 5 nodes", urn: cluster },
    ]);
  });

  it("answers getClientConfig with placeholders: an id built from it, as Output or Promise, is not /subscriptions/undefined/…", async () => {
    const { run, report } = await checkFixture("client-config");
    assert.strictEqual(run.code, 1, run.stderr);
    assert.deepStrictEqual(violations(report, TRUSTED_ACCESS_POLICIES), [
      {
        policy: "aks-trusted-access-binding-valid",
        level: "mandatory",
        resource: "aks-backup",
        message:
          'Trusted Access role binding "aks-backup": trustedAccessRoleBindingName "backup_1" is not a valid ' +
          "binding name: use 1-24 letters, digits or hyphens.",
      },
    ]);
  });
});
