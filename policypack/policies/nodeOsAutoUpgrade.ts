import { StackValidationPolicy } from "@pulumi/policy";
import {
  CLUSTER_RULES,
  NODE_OS_SCHEDULE_NAME,
  RuleVerdict,
  UNKNOWN,
  WINDOW_HOURS_ALLOWED,
  checkNodeOsUpgrade,
  checkNodeOsWindow,
  nodeOsWindowAzureCli,
} from "../../domain";
import { ClusterBindings, clusterBindings } from "../readers/bindingLinks";
import { ClusterRuleCheck } from "../mechanics/clusterRuleCheck";
import { azureCliFor } from "../mechanics/clusterRuleMessage";
import { clusterRuleMetadata } from "../mechanics/clusterRuleMetadata";
import { inlineNodeOsWindow, nodeOsUpgradeFields } from "../readers/clusterRuleFields";
import { ExemptionConfig, exemptionSchema } from "../mechanics/exemptions";
import { StackMaintenanceConfiguration, stackMaintenanceConfigurations } from "../readers/stackChildren";
import { StackCluster } from "../readers/stackResources";

const RULE = CLUSTER_RULES["node-os-auto-upgrade"];
export const NODE_OS_AUTO_UPGRADE_EXEMPT_TAG = RULE.exemptTag;

/** Config of `aks-node-os-auto-upgrade`, as its `configSchema` describes it. */
export interface NodeOsAutoUpgradeConfig extends ExemptionConfig {
  /**
   * Also demand the cluster's `aksManagedNodeOSUpgradeSchedule` maintenance window in the stack, in whole hours
   * from 4 to 24. Defaults to false.
   */
  readonly requireMaintenanceWindow?: boolean;
}

export const nodeOsAutoUpgrade: StackValidationPolicy = {
  ...clusterRuleMetadata(RULE),
  configSchema: {
    properties: {
      ...exemptionSchema(NODE_OS_AUTO_UPGRADE_EXEMPT_TAG),
      requireMaintenanceWindow: {
        type: "boolean",
        default: false,
        description:
          `Also demand the cluster's ${NODE_OS_SCHEDULE_NAME} maintenance window in the stack, of ` +
          `${WINDOW_HOURS_ALLOWED}.`,
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const run = new ClusterRuleCheck(args, reportViolation, RULE, NODE_OS_AUTO_UPGRADE_EXEMPT_TAG);
    const configurationsOf =
      args.getConfig<NodeOsAutoUpgradeConfig>().requireMaintenanceWindow === true
        ? clusterBindings(run.clusters, stackMaintenanceConfigurations(args.resources))
        : undefined;
    for (const cluster of run.checkedClusters()) {
      const fields = nodeOsUpgradeFields(cluster);
      run.judgeCluster(
        cluster,
        checkNodeOsUpgrade(fields),
        () =>
          `set ${fields.nodeOsChannelField} to "NodeImage" (the AksCluster component's default) or ` +
          `"SecurityPatch", or for a cluster that exists run ${azureCliFor(RULE, cluster.ref)}`,
      );
      if (configurationsOf === undefined) continue;
      run.judgeCluster(cluster, nodeOsWindowVerdict(cluster, configurationsOf(cluster)), () =>
        windowFix(cluster),
      );
    }
  },
};

/**
 * The cluster's node OS window: the classic provider's inline `maintenanceWindowNodeOs`, else a maintenance
 * configuration named `aksManagedNodeOSUpgradeSchedule` linked to the cluster. Unknown while a configuration that
 * may be it (by its name or its cluster) is known only after deployment.
 */
function nodeOsWindowVerdict(
  cluster: StackCluster,
  configurations: ClusterBindings<StackMaintenanceConfiguration>,
): RuleVerdict {
  const inline = inlineNodeOsWindow(cluster);
  if (inline === "unknown") return { status: "unknown", field: "maintenanceWindowNodeOs" };
  if (inline !== undefined) return checkNodeOsWindow(inline);
  const isSchedule = (c: StackMaintenanceConfiguration) =>
    typeof c.configName === "string" && c.configName.toLowerCase() === NODE_OS_SCHEDULE_NAME.toLowerCase();
  const mayBeSchedule = (c: StackMaintenanceConfiguration) => c.configName === UNKNOWN || isSchedule(c);
  const verdicts = configurations.targeting
    .filter(isSchedule)
    .map((c) =>
      checkNodeOsWindow({ durationHours: c.durationHours, durationField: "maintenanceWindow.durationHours" }),
    );
  if (verdicts.some((v) => v.status === "pass")) return { status: "pass" };
  const undecided =
    configurations.targeting.some((c) => c.configName === UNKNOWN) ||
    configurations.undecided.some(mayBeSchedule);
  if (undecided) return { status: "unknown", field: "the name or cluster of a maintenance configuration" };
  return verdicts.find((v) => v.status === "unknown") ?? verdicts[0] ?? checkNodeOsWindow(undefined);
}

function windowFix(cluster: StackCluster): string {
  const azureCli = azureCliFor({ azureCli: nodeOsWindowAzureCli("add") }, cluster.ref);
  const declare =
    cluster.provider === "azure"
      ? `declare maintenanceWindowNodeOs with a duration of ${WINDOW_HOURS_ALLOWED}`
      : `declare a MaintenanceConfiguration named ${NODE_OS_SCHEDULE_NAME} for it whose ` +
        `maintenanceWindow.durationHours is ${WINDOW_HOURS_ALLOWED} (the AksCluster component's ` +
        "nodeOsMaintenanceWindow does)";
  return `${declare}, or for a cluster that exists run ${azureCli}`;
}
