import { strict as assert } from "node:assert";
import { remediationFor, shellWord } from "../../cli/audit/remediation";
import type { Finding } from "../../cli/audit/report";
import { SUB, aBinding, aCluster } from "./support/clusters";

const finding = (rule: Finding["rule"]): Finding => ({ rule, message: "..." });

describe("remediationFor", () => {
  it("gives a cluster without bindings the az create command with its names and a TrustedAccessBindings snippet", () => {
    const fix = remediationFor(aCluster(), [], [finding("trusted-access-missing")]);
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
    const fix = remediationFor(
      aCluster({ identityType: "UserAssigned" }),
      [aBinding()],
      [finding("identity-not-system-assigned")],
    );
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
    const fix = remediationFor(aCluster(), bindings, [finding("binding-not-succeeded")]);
    assert.deepEqual(fix.azureCli, [
      `az aks trustedaccess rolebinding update --subscription ${SUB} --resource-group rg-prod --cluster-name aks-1 ` +
        `--name broken --roles ${roles.join(",")}`,
    ]);
    assert.equal(fix.pulumi, undefined);
  });

  it("quotes a resource group name the shell would misread", () => {
    const fix = remediationFor(
      aCluster({ resourceGroup: "rg(prod)" }),
      [],
      [finding("trusted-access-missing")],
    );
    assert.match(fix.azureCli[0], / --resource-group 'rg\(prod\)' --cluster-name aks-1 /);
  });

  it("gives a compliant cluster nothing to run", () => {
    assert.deepEqual(remediationFor(aCluster(), [aBinding()], []), { azureCli: [] });
  });
});

describe("shellWord", () => {
  const cases: [string, string][] = [
    ["rg-prod", "rg-prod"],
    ["rg.prod_1", "rg.prod_1"],
    ["rg(prod)", "'rg(prod)'"],
    ["it's", "'it'\\''s'"],
    ["a b", "'a b'"],
    ["$HOME", "'$HOME'"],
  ];
  for (const [input, expected] of cases) {
    it(`writes ${JSON.stringify(input)} as ${expected}`, () => assert.equal(shellWord(input), expected));
  }
});
