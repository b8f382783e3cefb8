import { strict as assert } from "node:assert";
import { remediationFor } from "../../cli/audit/remediation";
import type { Finding } from "../../cli/audit/report";
import { KMS_IDENTITY_CONFLICT } from "../../policypack/domain";
import { SUB, aBinding, aCluster } from "./support/clusters";

const finding = (rule: Finding["rule"]): Finding => ({ rule, message: "..." });

describe("remediationFor", () => {
  it("gives a cluster without bindings the az create command with its names and a TrustedAccessBindings snippet", () => {
    const fix = remediationFor({
      cluster: aCluster(),
      bindings: [],
      findings: [finding("trusted-access-missing")],
    });
    assert.deepEqual(fix.azureCli, [
      `az aks trustedaccess rolebinding create --subscription ${SUB} --resource-group rg-prod --cluster-name aks-1 ` +
        "--name <binding-name> --source-resource-id <source-resource-id> --roles <role>[,<role>...]",
    ]);
    assert.equal(
      fix.pulumi,
      [
        `// In a stack whose azure-native provider targets subscription ${SUB}:`,
        'import { TrustedAccessBindings } from "aks-trusted-access";',
        "",
        'new TrustedAccessBindings("aks-1-trusted-access", {',
        '  resourceGroupName: "rg-prod",',
        '  clusterName: "aks-1",',
        "  bindings: {",
        '    "<key>": { sourceResourceId: "<source-resource-id>", roles: ["<role>"] },',
        "  },",
        "});",
      ].join("\n"),
    );
  });

  it("switches a cluster to a system-assigned identity with az aks update", () => {
    const fix = remediationFor({
      cluster: aCluster({ identityType: "UserAssigned" }),
      bindings: [aBinding()],
      findings: [finding("identity-not-system-assigned")],
    });
    assert.deepEqual(fix, {
      azureCli: [
        `az aks update --subscription ${SUB} --resource-group rg-prod --name aks-1 --enable-managed-identity`,
      ],
    });
  });

  it("re-applies each binding that did not succeed with its own roles, and only those", () => {
    const roles = [
      "Microsoft.MachineLearningServices/workspaces/mlworkload",
      "Microsoft.MachineLearningServices/workspaces/inference-v1",
    ];
    const bindings = [aBinding(), aBinding({ name: "broken", roles, provisioningState: "Failed" })];
    const fix = remediationFor({
      cluster: aCluster(),
      bindings,
      findings: [finding("binding-not-succeeded")],
    });
    assert.deepEqual(fix.azureCli, [
      `az aks trustedaccess rolebinding update --subscription ${SUB} --resource-group rg-prod --cluster-name aks-1 ` +
        `--name broken --roles ${roles.join(",")}`,
    ]);
    assert.equal(fix.pulumi, undefined);
  });

  it("re-applies only the binding a finding names, for a fix of that finding alone", () => {
    const bindings = [
      aBinding({ name: "a", provisioningState: "Failed" }),
      aBinding({ name: "b", provisioningState: "Updating" }),
    ];
    const only: Finding = { rule: "binding-not-succeeded", message: "...", binding: "b" };
    const fix = remediationFor({ cluster: aCluster(), bindings, findings: [only] });
    assert.deepEqual(fix.azureCli, [
      `az aks trustedaccess rolebinding update --subscription ${SUB} --resource-group rg-prod --cluster-name aks-1 ` +
        "--name b --roles Microsoft.MachineLearningServices/workspaces/mlworkload",
    ]);
  });

  it("quotes a resource group name the shell would misread", () => {
    const fix = remediationFor({
      cluster: aCluster({ resourceGroup: "rg(prod)" }),
      bindings: [],
      findings: [finding("trusted-access-missing")],
    });
    assert.match(fix.azureCli[0], / --resource-group 'rg\(prod\)' --cluster-name aks-1 /);
  });

  it("gives a compliant cluster nothing to run", () => {
    assert.deepEqual(remediationFor({ cluster: aCluster(), bindings: [aBinding()], findings: [] }), {
      azureCli: [],
    });
  });

  const args = `--subscription ${SUB} --resource-group rg-prod`;

  it("turns node OS auto-upgrade on and adds a 4-hour node OS window when the cluster has none", () => {
    const fix = remediationFor({
      cluster: aCluster(),
      bindings: [],
      findings: [finding("node-os-auto-upgrade"), finding("node-os-maintenance-window")],
    });
    assert.deepEqual(fix, {
      azureCli: [
        `az aks update ${args} --name aks-1 --node-os-upgrade-channel NodeImage`,
        `az aks maintenanceconfiguration add ${args} --cluster-name aks-1 --name aksManagedNodeOSUpgradeSchedule ` +
          "--schedule-type Weekly --day-of-week Sunday --interval-weeks 1 --start-time 00:00 --duration 4",
      ],
      component: [
        'AksCluster node-os-auto-upgrade: `nodeOsUpgradeChannel: "NodeImage"`, `nodeOsMaintenanceWindow` weekly, 4 hours',
      ],
    });
  });

  it("updates the node OS window that is too short instead of adding one, keeping the day and time it opens", () => {
    const fix = remediationFor({
      cluster: aCluster(),
      bindings: [],
      findings: [finding("node-os-maintenance-window")],
      nodeOsWindow: {
        durationHours: 2,
        durationField: "aksManagedNodeOSUpgradeSchedule.maintenanceWindow.durationHours",
        weeklyStart: { dayOfWeek: "Wednesday", startTime: "22:30" },
      },
    });
    assert.deepEqual(fix.azureCli, [
      `az aks maintenanceconfiguration update ${args} --cluster-name aks-1 --name aksManagedNodeOSUpgradeSchedule ` +
        "--schedule-type Weekly --day-of-week Wednesday --interval-weeks 1 --start-time 22:30 --duration 4",
    ]);
  });

  it("makes a window that is not weekly a weekly one at the component's default time", () => {
    const fix = remediationFor({
      cluster: aCluster(),
      bindings: [],
      findings: [finding("node-os-maintenance-window")],
      nodeOsWindow: { durationHours: 2, durationField: "maintenanceWindow.durationHours" },
    });
    assert.match(
      fix.azureCli[0],
      / update .* --day-of-week Sunday --interval-weeks 1 --start-time 00:00 --duration 4$/,
    );
  });

  it("makes the API server private, saying which clusters must be created anew", () => {
    const fix = remediationFor({ cluster: aCluster(), bindings: [], findings: [finding("private-cluster")] });
    assert.deepEqual(fix, {
      azureCli: [`az aks update ${args} --name aks-1 --enable-private-cluster`],
      component: ["AksCluster private-cluster: `privateCluster: true` (system private DNS zone)"],
      notes: [
        "az aks update --enable-private-cluster works on a cluster with API Server VNet Integration; a cluster " +
          "without it must be created anew with az aks create --enable-private-cluster.",
      ],
    });
  });

  it("switches each node pool without FIPS to a FIPS image, one command per pool", () => {
    const pool = (nodePool: string): Finding => ({ rule: "node-pool-fips", message: "...", nodePool });
    const fix = remediationFor({
      cluster: aCluster(),
      bindings: [],
      findings: [pool("user"), pool("gpu 2")],
    });
    assert.deepEqual(fix.azureCli, [
      `az aks nodepool update ${args} --cluster-name aks-1 --name user --enable-fips-image`,
      `az aks nodepool update ${args} --cluster-name aks-1 --name 'gpu 2' --enable-fips-image`,
    ]);
    assert.deepEqual(fix.notes, ["az aks nodepool update --enable-fips-image reimages the pool's nodes."]);
  });

  it("turns KMS on with a private vault, and tells a system-assigned cluster of the identity conflict", () => {
    const kms = [finding("kms-private-key-vault")];
    const system = remediationFor({ cluster: aCluster(), bindings: [], findings: kms });
    assert.deepEqual(system.azureCli, [
      `az aks update ${args} --name aks-1 --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <key-id> ` +
        "--azure-keyvault-kms-key-vault-network-access Private " +
        "--azure-keyvault-kms-key-vault-resource-id <key-vault-resource-id>",
    ]);
    assert.deepEqual(system.notes, [`${KMS_IDENTITY_CONFLICT}.`]);
    const user = remediationFor({
      cluster: aCluster({ identityType: "UserAssigned" }),
      bindings: [],
      findings: kms,
    });
    assert.equal(user.notes, undefined);
  });
});
