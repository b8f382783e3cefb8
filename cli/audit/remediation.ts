import type { AuditedBinding, ClusterRef, Finding, Remediation } from "./report";
import { AuditRule } from "./rules";

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

/** The fixes for a cluster's findings, in the order of the findings; names filled in, the rest as placeholders. */
export function remediationFor(
  cluster: ClusterRef,
  bindings: readonly AuditedBinding[],
  findings: readonly Finding[],
): Remediation {
  const azureCli: string[] = [];
  let pulumi: string | undefined;
  const rules = new Set(findings.map((f) => f.rule));
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
    for (const b of bindings.filter((x) => x.provisioningState !== "Succeeded")) {
      azureCli.push(
        `az aks trustedaccess rolebinding update ${clusterArgs(cluster, "--cluster-name")} ` +
          `--name ${shellWord(b.name)} --roles ${shellWord(b.roles.join(","))}`,
      );
    }
  }
  return pulumi === undefined ? { azureCli } : { azureCli, pulumi };
}
