import {
  AzureCliValues,
  CLUSTER_RULES,
  ClusterRuleInfo,
  NODE_OS_WINDOW_FINDING,
  TRUSTED_ACCESS_FINDING,
  azureCliCommand,
  judgeBindingState,
  nodeOsWindowAzureCli,
  shellWord,
} from "../../domain";
import type { PolicyExemptions } from "./enforcement";
import type { LiveNodeOsWindow } from "./inventory/maintenanceWindow";
import type { AuditedBinding, LiveCluster, Remediation, RuleFinding } from "./report";

/** The fixes of the Trusted Access rule's other findings, which the rules' catalog does not hold. */
const MANAGED_IDENTITY_AZURE_CLI =
  "az aks update --resource-group <group> --name <cluster> --enable-managed-identity";
const BINDING_UPDATE_AZURE_CLI =
  "az aks trustedaccess rolebinding update --resource-group <group> --cluster-name <cluster> " +
  "--name <binding-name> --roles <role>[,<role>...]";

/** The Pulumi program that gives the cluster its bindings with this package's component. */
export function pulumiSnippet(cluster: LiveCluster): string {
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
  readonly cluster: LiveCluster;
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
function exemptionTagCommand(cluster: LiveCluster, tag: string): string {
  return `az tag update --resource-id ${shellWord(cluster.id)} --operation Merge --tags ${shellWord(`${tag}=<reason>`)}`;
}

const TRUSTED_ACCESS = CLUSTER_RULES["trusted-access"];

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
  const componentLine = (rule: ClusterRuleInfo): void => {
    component.push(`AksCluster ${rule.auditRule}: ${rule.componentDefault}`);
  };
  const where: AzureCliValues = {
    subscription: cluster.subscriptionId,
    resourceGroup: cluster.resourceGroup,
    cluster: cluster.name,
  };
  const run = (template: string, values: AzureCliValues = {}): void => {
    azureCli.push(azureCliCommand(template, { ...where, ...values }));
  };
  if (rules.has(TRUSTED_ACCESS_FINDING.missing)) {
    run(TRUSTED_ACCESS.azureCli);
    pulumi = pulumiSnippet(cluster);
  }
  if (rules.has(TRUSTED_ACCESS_FINDING.identity)) run(MANAGED_IDENTITY_AZURE_CLI);
  if (rules.has(TRUSTED_ACCESS_FINDING.binding)) {
    const named = new Set(
      findings.filter((f) => f.rule === TRUSTED_ACCESS_FINDING.binding).map((f) => f.binding),
    );
    for (const b of bindings.filter((x) => named.has(x.name) || named.has(undefined))) {
      const state = judgeBindingState(b.provisioningState);
      if (state.kind !== "unusable") continue;
      // A binding Azure is deleting cannot be applied again: it is made anew, with what it held, once it is gone.
      if (state.state.toLowerCase() === "deleting") {
        run(TRUSTED_ACCESS.azureCli, {
          binding: b.name,
          roles: b.roles,
          sourceResourceId: b.sourceResourceId,
        });
      } else run(BINDING_UPDATE_AZURE_CLI, { binding: b.name, roles: b.roles });
    }
  }
  // Every other rule, in the catalog's order: its command per finding (per pool), its AksCluster argument, its note.
  const live = { identityType: cluster.identityType, properties: cluster.settings };
  for (const rule of Object.values(CLUSTER_RULES)) {
    if (rule === TRUSTED_ACCESS) continue;
    const own = findings.filter((f) => rule.live.findings.some((x) => x.id === f.rule));
    if (own.length === 0) continue;
    // Where Azure refuses the fix (KMS on a system-assigned cluster), the finding says why; the tag records the choice.
    const exemptTag = context.exemptions[rule.policy]?.tag;
    if (rule.live.fixByExemption?.(live) === true && exemptTag !== undefined) {
      azureCli.push(exemptionTagCommand(cluster, exemptTag));
      continue;
    }
    for (const f of own) {
      if (f.rule === NODE_OS_WINDOW_FINDING) {
        const window = context.nodeOsWindow;
        run(
          window === undefined
            ? nodeOsWindowAzureCli("add")
            : nodeOsWindowAzureCli("update", window.weeklyStart),
        );
      } else run(rule.azureCli, f.nodePool === undefined ? {} : { pool: f.nodePool });
    }
    componentLine(rule);
    if (rule.live.fixNote !== undefined) notes.push(rule.live.fixNote);
  }
  return {
    azureCli,
    ...(pulumi === undefined ? {} : { pulumi }),
    ...(component.length === 0 ? {} : { component }),
    ...(notes.length === 0 ? {} : { notes }),
  };
}
