import { show } from "../show";
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
