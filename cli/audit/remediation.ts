import {
  KMS_IDENTITY_CONFLICT,
  MIN_WINDOW_HOURS,
  NODE_OS_SCHEDULE_NAME,
  isSystemAssigned,
} from "../../policypack/domain";
import type { AuditedBinding, ClusterRef, Finding, Remediation } from "./report";
import { AuditRule, CheckedRule, catalogEntry } from "./rules";

/** A word as a POSIX shell reads it: as is when safe, else in single quotes. Placeholders stay unquoted. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function clusterArgs(cluster: ClusterRef, nameFlag: "--name" | "--cluster-name"): string {
  return (
    `--subscription ${shellWord(cluster.subscriptionId)} --resource-group ${shellWord(cluster.resourceGroup)} ` +
    `${nameFlag} ${shellWord(cluster.name)}`
  );
}

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
  /** Whether the cluster has a node OS maintenance configuration already (then it is updated, not added). */
  readonly hasNodeOsWindow?: boolean;
}

/** `az aks maintenanceconfiguration add` and `update` take the same schedule; a weekly window of 4 hours. */
const WINDOW_SCHEDULE =
  `--name ${NODE_OS_SCHEDULE_NAME} --schedule-type Weekly --day-of-week <day> --interval-weeks 1 ` +
  `--start-time <HH:mm> --duration ${MIN_WINDOW_HOURS}`;

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
  if (rules.has(AuditRule.TrustedAccessMissing)) {
    azureCli.push(
      `az aks trustedaccess rolebinding create ${clusterArgs(cluster, "--cluster-name")} ` +
        "--name <binding-name> --source-resource-id <source-resource-id> --roles <role>[,<role>...]",
    );
    pulumi = pulumiSnippet(cluster);
  }
  if (rules.has(AuditRule.IdentityNotSystemAssigned)) {
    azureCli.push(`az aks update ${clusterArgs(cluster, "--name")} --enable-managed-identity`);
  }
  if (rules.has(AuditRule.BindingNotSucceeded)) {
    const named = new Set(
      findings.filter((f) => f.rule === AuditRule.BindingNotSucceeded).map((f) => f.binding),
    );
    const failed = bindings.filter(
      (x) => x.provisioningState !== "Succeeded" && (named.has(x.name) || named.has(undefined)),
    );
    for (const b of failed) {
      azureCli.push(
        `az aks trustedaccess rolebinding update ${clusterArgs(cluster, "--cluster-name")} ` +
          `--name ${shellWord(b.name)} --roles ${shellWord(b.roles.join(","))}`,
      );
    }
  }
  if (rules.has(AuditRule.NodeOsAutoUpgrade)) {
    azureCli.push(`az aks update ${clusterArgs(cluster, "--name")} --node-os-upgrade-channel NodeImage`);
  }
  if (rules.has(AuditRule.NodeOsMaintenanceWindow)) {
    const verb = context.hasNodeOsWindow === true ? "update" : "add";
    azureCli.push(
      `az aks maintenanceconfiguration ${verb} ${clusterArgs(cluster, "--cluster-name")} ${WINDOW_SCHEDULE}`,
    );
  }
  if (rules.has(AuditRule.NodeOsAutoUpgrade) || rules.has(AuditRule.NodeOsMaintenanceWindow)) {
    componentLine("node-os-auto-upgrade");
  }
  if (rules.has(AuditRule.PrivateCluster)) {
    azureCli.push(`az aks update ${clusterArgs(cluster, "--name")} --enable-private-cluster`);
    componentLine("private-cluster");
    notes.push(PRIVATE_LINK_NOTE);
  }
  if (rules.has(AuditRule.NodePoolFips)) {
    for (const f of findings.filter((x) => x.rule === AuditRule.NodePoolFips && x.nodePool !== undefined)) {
      azureCli.push(
        `az aks nodepool update ${clusterArgs(cluster, "--cluster-name")} --name ${shellWord(f.nodePool ?? "")} ` +
          "--enable-fips-image",
      );
    }
    componentLine("node-pool-fips");
    notes.push(FIPS_NOTE);
  }
  if (rules.has(AuditRule.KmsPrivateKeyVault)) {
    azureCli.push(
      `az aks update ${clusterArgs(cluster, "--name")} --enable-azure-keyvault-kms ` +
        "--azure-keyvault-kms-key-id <key-id> --azure-keyvault-kms-key-vault-network-access Private " +
        "--azure-keyvault-kms-key-vault-resource-id <key-vault-resource-id>",
    );
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
