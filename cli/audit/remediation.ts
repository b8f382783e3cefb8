import {
  AzureCliValues,
  azureCliCommand,
  isSystemAssigned,
  judgeBindingState,
  nodeOsWindowAzureCli,
  shellWord,
} from "../../policypack/domain";
import type { PolicyExemptions } from "./enforcement";
import type { LiveNodeOsWindow } from "./inventory/maintenanceWindow";
import type { AuditedBinding, ClusterRef, Remediation, RuleFinding } from "./report";
import { AUDIT_RULES, AuditRule, CheckedRule, catalogEntry } from "./rules";

/** The fixes of the Trusted Access rule's other findings, which the rules' catalog does not hold. */
const MANAGED_IDENTITY_AZURE_CLI =
  "az aks update --resource-group <group> --name <cluster> --enable-managed-identity";
const BINDING_UPDATE_AZURE_CLI =
  "az aks trustedaccess rolebinding update --resource-group <group> --cluster-name <cluster> " +
  "--name <binding-name> --roles <role>[,<role>...]";

/** The Pulumi program that gives the cluster its bindings with this package's component. */
export function pulumiSnippet(cluster: ClusterRef): string {
  const q = (s: string): string => JSON.stringify(s);
  return [
    `// In a stack whose azure-native provider targets subscription ${cluster.subscriptionId}:`,
    'import { TrustedAccessBindings } from "aks-trusted-access";',
    "",
    `new TrustedAccessBindings(${q(`${cluster.name}-trusted-access`)}, {`,
    `  resourceGroupName: ${q(cluster.resourceGroup)},`,
    `  clusterName: ${q(cluster.name)},`,
    "  bindings: {",
    '    "<key>": { sourceResourceId: "<source-resource-id>", roles: ["<role>"] },',
    "  },",
    "});",
  ].join("\n");
}

/** What the fixes of a cluster's findings need to know besides the findings. */
export interface RemediationContext {
  readonly cluster: ClusterRef;
  /** The bindings as read; empty when they were not. */
  readonly bindings: readonly AuditedBinding[];
  readonly findings: readonly RuleFinding[];
  /** The cluster's node OS maintenance configuration, if it has one (then it is updated, not added). */
  readonly nodeOsWindow?: LiveNodeOsWindow;
  /** The policies' exemptions: the tag that records a choice between two rules. */
  readonly exemptions: Readonly<Record<string, PolicyExemptions>>;
}

/**
 * Records the choice the KMS conflict leaves a system-assigned cluster: its exemption tag, merged into its tags
 * (`az aks update --tags` would replace them all), with the reason as the value.
 */
function exemptionTagCommand(cluster: ClusterRef, tag: string): string {
  return `az tag update --resource-id ${shellWord(cluster.id)} --operation Merge --tags ${shellWord(`${tag}=<reason>`)}`;
}

const PRIVATE_LINK_NOTE =
  "az aks update --enable-private-cluster works on a cluster with API Server VNet Integration; a cluster without " +
  "it must be created anew with az aks create --enable-private-cluster.";

const FIPS_NOTE = "az aks nodepool update --enable-fips-image reimages the pool's nodes.";

/**
 * The fixes for a cluster's findings, in the order of the findings; names filled in, the rest as placeholders.
 * The Azure CLI commands, the `AksCluster` argument of each rule (from the rules' catalog), and what a command
 * alone cannot solve.
 */
export function remediationFor(context: RemediationContext): Remediation {
  const { cluster, bindings, findings } = context;
  const azureCli: string[] = [];
  const component: string[] = [];
  const notes: string[] = [];
  let pulumi: string | undefined;
  const rules = new Set(findings.map((f) => f.rule));
  const componentLine = (rule: CheckedRule): void => {
    component.push(`AksCluster ${rule}: ${catalogEntry(rule).componentDefault}`);
  };
  const where: AzureCliValues = {
    subscription: cluster.subscriptionId,
    resourceGroup: cluster.resourceGroup,
    cluster: cluster.name,
  };
  const run = (template: string, values: AzureCliValues = {}): void => {
    azureCli.push(azureCliCommand(template, { ...where, ...values }));
  };
  if (rules.has(AuditRule.TrustedAccessMissing)) {
    run(catalogEntry("trusted-access-missing").azureCli);
    pulumi = pulumiSnippet(cluster);
  }
  if (rules.has(AuditRule.IdentityNotSystemAssigned)) run(MANAGED_IDENTITY_AZURE_CLI);
  if (rules.has(AuditRule.BindingNotSucceeded)) {
    const named = new Set(
      findings.filter((f) => f.rule === AuditRule.BindingNotSucceeded).map((f) => f.binding),
    );
    for (const b of bindings.filter((x) => named.has(x.name) || named.has(undefined))) {
      const state = judgeBindingState(b.provisioningState);
      if (state.kind !== "unusable") continue;
      // A binding Azure is deleting cannot be applied again: it is made anew, with what it held, once it is gone.
      if (state.state.toLowerCase() === "deleting") {
        run(catalogEntry("trusted-access-missing").azureCli, {
          binding: b.name,
          roles: b.roles,
          sourceResourceId: b.sourceResourceId,
        });
      } else run(BINDING_UPDATE_AZURE_CLI, { binding: b.name, roles: b.roles });
    }
  }
  if (rules.has(AuditRule.NodeOsAutoUpgrade)) run(catalogEntry("node-os-auto-upgrade").azureCli);
  if (rules.has(AuditRule.NodeOsMaintenanceWindow)) {
    const window = context.nodeOsWindow;
    run(
      window === undefined ? nodeOsWindowAzureCli("add") : nodeOsWindowAzureCli("update", window.weeklyStart),
    );
  }
  if (rules.has(AuditRule.NodeOsAutoUpgrade) || rules.has(AuditRule.NodeOsMaintenanceWindow)) {
    componentLine("node-os-auto-upgrade");
  }
  if (rules.has(AuditRule.PrivateCluster)) {
    run(catalogEntry("private-cluster").azureCli);
    componentLine("private-cluster");
    notes.push(PRIVATE_LINK_NOTE);
  }
  if (rules.has(AuditRule.NodePoolFips)) {
    for (const f of findings.filter((x) => x.rule === AuditRule.NodePoolFips && x.nodePool !== undefined)) {
      run(catalogEntry("node-pool-fips").azureCli, { pool: f.nodePool });
    }
    componentLine("node-pool-fips");
    notes.push(FIPS_NOTE);
  }
  if (rules.has(AuditRule.KmsPrivateKeyVault)) {
    // On a system-assigned cluster Azure refuses the KMS command; its finding says why and what choice is left.
    const exemptTag = context.exemptions[AUDIT_RULES["kms-private-key-vault"].policy]?.tag;
    if (isSystemAssigned(cluster.identityType) && exemptTag !== undefined) {
      azureCli.push(exemptionTagCommand(cluster, exemptTag));
    } else {
      run(catalogEntry("kms-private-key-vault").azureCli);
      componentLine("kms-private-key-vault");
    }
  }
  return {
    azureCli,
    ...(pulumi === undefined ? {} : { pulumi }),
    ...(component.length === 0 ? {} : { component }),
    ...(notes.length === 0 ? {} : { notes }),
  };
}
