import { show } from "../show";
import { LiveRule, armValue } from "./liveRule";
import { UNKNOWN } from "../unknown";
import { PASS, RuleVerdict, fail, isOneOf, unknownValue } from "./verdict";

/** The node OS upgrade channels that keep nodes patched (Azure Policy and PSRule accept these two). */
export const COMPLIANT_NODE_OS_CHANNELS: readonly string[] = ["NodeImage", "SecurityPatch"];

/** The cluster upgrade channel that forces the node OS channel to `NodeImage`. */
const NODE_IMAGE_UPGRADE_CHANNEL = "node-image";

/** A cluster's upgrade settings as its declaration or Azure holds them; the fields name them in messages. */
export interface NodeOsUpgradeFields {
  readonly nodeOsChannel: unknown;
  readonly nodeOsChannelField: string;
  /** The Kubernetes upgrade channel; `node-image` there counts as `NodeImage`. */
  readonly upgradeChannel: unknown;
  readonly upgradeChannelField: string;
}

/** The node OS of every node is kept up to date: channel `NodeImage` or `SecurityPatch`. A missing channel fails. */
export function checkNodeOsUpgrade(cluster: NodeOsUpgradeFields): RuleVerdict {
  if (isOneOf(cluster.upgradeChannel, [NODE_IMAGE_UPGRADE_CHANNEL])) return PASS;
  const channel = cluster.nodeOsChannel;
  if (channel === UNKNOWN) return unknownValue(cluster.nodeOsChannelField);
  if (isOneOf(channel, COMPLIANT_NODE_OS_CHANNELS)) return PASS;
  // A cluster channel known only after deployment may yet be node-image, which forces NodeImage.
  if (cluster.upgradeChannel === UNKNOWN) return unknownValue(cluster.upgradeChannelField);
  if (channel === undefined || channel === null) {
    return fail(`sets no ${cluster.nodeOsChannelField}, so its nodes' OS is not updated automatically`);
  }
  return fail(
    `has ${cluster.nodeOsChannelField} ${show(channel)}, which does not keep its nodes' OS patched`,
  );
}

/** The finding of a cluster without a node OS maintenance window, which audit reads apart (one more read). */
export const NODE_OS_WINDOW_FINDING = "node-os-maintenance-window";

/** How audit judges a live cluster by the rule: the channel here; the window, when asked for, by audit's own read. */
export const NODE_OS_UPGRADE_LIVE: LiveRule = {
  findings: [
    {
      id: "node-os-auto-upgrade",
      title: "Node OS auto-upgrade off",
      description:
        "An AKS cluster's node OS upgrade channel is NodeImage or SecurityPatch (the Cloud Conformity rule " +
        "'Enable and Configure Node OS Auto-Upgrades').",
    },
    {
      id: NODE_OS_WINDOW_FINDING,
      title: "No node OS maintenance window",
      description:
        "An AKS cluster has an aksManagedNodeOSUpgradeSchedule maintenance configuration of at least 4 hours " +
        "(the 'Configure' of 'Enable and Configure Node OS Auto-Upgrades').",
      severity: "low",
    },
  ],
  assess: (cluster) => [
    {
      finding: "node-os-auto-upgrade",
      verdict: checkNodeOsUpgrade({
        nodeOsChannel: armValue(cluster.properties, "autoUpgradeProfile.nodeOSUpgradeChannel"),
        nodeOsChannelField: "autoUpgradeProfile.nodeOSUpgradeChannel",
        upgradeChannel: armValue(cluster.properties, "autoUpgradeProfile.upgradeChannel"),
        upgradeChannelField: "autoUpgradeProfile.upgradeChannel",
      }),
    },
  ],
};
