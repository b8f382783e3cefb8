import { strict as assert } from "node:assert";
import { RemediationContext, remediationFor as remediationWith } from "../../cli/audit/remediation";
import type { RuleFinding } from "../../cli/audit/report";
import { SUB, aBinding, aCluster } from "./support/clusters";

const finding = (rule: RuleFinding["rule"]): RuleFinding => ({ rule, message: "..." });

/** The exemption tag of the KMS policy, as the pack's defaults give it. */
const EXEMPTIONS = { "aks-kms-private-key-vault": { clusters: [], tag: "kms-private-key-vault-exempt" } };
const remediationFor = (context: Omit<RemediationContext, "exemptions">) =>
  remediationWith({ ...context, exemptions: EXEMPTIONS });

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

  it("re-applies each binding that failed with its own roles, and only those", () => {
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
      aBinding({ name: "b", provisioningState: "Canceled" }),
    ];
    const only: RuleFinding = { rule: "binding-not-succeeded", message: "...", binding: "b" };
    const fix = remediationFor({ cluster: aCluster(), bindings, findings: [only] });
    assert.deepEqual(fix.azureCli, [
      `az aks trustedaccess rolebinding update --subscription ${SUB} --resource-group rg-prod --cluster-name aks-1 ` +
        "--name b --roles Microsoft.MachineLearningServices/workspaces/mlworkload",
    ]);
  });

  it("makes a binding Azure is deleting anew, with its source and roles, and leaves one in progress alone", () => {
    const bindings = [
      aBinding({ name: "gone", provisioningState: "Deleting" }),
      aBinding({ name: "busy", provisioningState: "Updating" }),
    ];
    const fix = remediationFor({
      cluster: aCluster(),
      bindings,
      findings: [finding("binding-not-succeeded")],
    });
    assert.deepEqual(fix.azureCli, [
      `az aks trustedaccess rolebinding create --subscription ${SUB} --resource-group rg-prod --cluster-name aks-1 ` +
        `--name gone --source-resource-id ${aBinding().sourceResourceId} ` +
        "--roles Microsoft.MachineLearningServices/workspaces/mlworkload",
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
    const pool = (nodePool: string): RuleFinding => ({ rule: "node-pool-fips", message: "...", nodePool });
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

  it("turns KMS on with a private vault on a cluster whose identity allows it", () => {
    const user = remediationFor({
      cluster: aCluster({ identityType: "UserAssigned" }),
      bindings: [],
      findings: [finding("kms-private-key-vault")],
    });
    assert.deepEqual(user, {
      azureCli: [
        `az aks update ${args} --name aks-1 --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <key-id> ` +
          "--azure-keyvault-kms-key-vault-network-access Private " +
          "--azure-keyvault-kms-key-vault-resource-id <key-vault-resource-id>",
      ],
      component: [
        "AksCluster kms-private-key-vault: not offered: Azure refuses KMS on a system-assigned cluster",
      ],
    });
  });

  it("gives a system-assigned cluster no KMS command Azure refuses, but the tag that records its exemption", () => {
    const system = remediationFor({
      cluster: aCluster(),
      bindings: [],
      findings: [finding("kms-private-key-vault")],
    });
    assert.deepEqual(system, {
      azureCli: [
        `az tag update --resource-id ${aCluster().id} --operation Merge --tags 'kms-private-key-vault-exempt=<reason>'`,
      ],
    });
    const ownTag = remediationWith({
      cluster: aCluster(),
      bindings: [],
      findings: [finding("kms-private-key-vault")],
      exemptions: { "aks-kms-private-key-vault": { clusters: [], tag: "kms-exempt" } },
    });
    assert.match(ownTag.azureCli[0], / --tags 'kms-exempt=<reason>'$/);
  });
});
