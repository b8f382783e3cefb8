import {
  AzureCliValues,
  KMS_IDENTITY_CONFLICT,
  azureCliCommand,
  isSystemAssigned,
  nodeOsWindowAzureCli,
} from "../../policypack/domain";
import type { LiveNodeOsWindow } from "./inventory/maintenanceWindow";
import type { AuditedBinding, ClusterRef, Finding, Remediation } from "./report";
import { AuditRule, CheckedRule, catalogEntry } from "./rules";

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
  readonly findings: readonly Finding[];
  /** The cluster's node OS maintenance configuration, if it has one (then it is updated, not added). */
  readonly nodeOsWindow?: LiveNodeOsWindow;
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
    const failed = bindings.filter(
      (x) => x.provisioningState !== "Succeeded" && (named.has(x.name) || named.has(undefined)),
    );
    for (const b of failed) run(BINDING_UPDATE_AZURE_CLI, { binding: b.name, roles: b.roles });
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
    run(catalogEntry("kms-private-key-vault").azureCli);
    componentLine("kms-private-key-vault");
    if (isSystemAssigned(cluster.identityType)) notes.push(`${KMS_IDENTITY_CONFLICT}.`);
  }
  return {
    azureCli,
    ...(pulumi === undefined ? {} : { pulumi }),
    ...(component.length === 0 ? {} : { component }),
    ...(notes.length === 0 ? {} : { notes }),
  };
}
