import { UNKNOWN, parseArmId, parseClusterId } from "../domain";
import { TextReading } from "./plainProps";

/** Where an AKS cluster is, as far as a resource's properties tell: each part known, unknown, or not given. */
export interface ClusterRef {
  readonly subscriptionId: TextReading;
  readonly resourceGroupName: TextReading;
  readonly clusterName: TextReading;
}

const NOTHING: ClusterRef = {
  subscriptionId: undefined,
  resourceGroupName: undefined,
  clusterName: undefined,
};
const ALL_UNKNOWN: ClusterRef = { subscriptionId: UNKNOWN, resourceGroupName: UNKNOWN, clusterName: UNKNOWN };

/** The cluster an AKS cluster id names; unknown stays unknown; anything else names nothing. */
export function refFromClusterId(id: TextReading): ClusterRef {
  if (id === UNKNOWN) return ALL_UNKNOWN;
  const parsed = id === undefined ? undefined : parseClusterId(id);
  return parsed === undefined
    ? NOTHING
    : {
        subscriptionId: parsed.subscriptionId,
        resourceGroupName: parsed.resourceGroupName,
        clusterName: parsed.clusterName,
      };
}

/** The cluster a binding's own ARM id (`.../managedClusters/<c>/trustedAccessRoleBindings/<b>`) sits under. */
export function refFromBindingId(id: TextReading): ClusterRef {
  if (id === UNKNOWN) return ALL_UNKNOWN;
  const parsed = id === undefined ? undefined : parseArmId(id);
  if (parsed === undefined || !parsed.ok) return NOTHING;
  const { id: arm } = parsed;
  const isBinding =
    arm.resourceGroupName !== undefined &&
    arm.namespace.toLowerCase() === "microsoft.containerservice" &&
    arm.types.length === 2 &&
    arm.types[0].toLowerCase() === "managedclusters" &&
    arm.types[1].toLowerCase() === "trustedaccessrolebindings";
  return isBinding
    ? {
        subscriptionId: arm.subscriptionId,
        resourceGroupName: arm.resourceGroupName,
        clusterName: arm.names[0],
      }
    : NOTHING;
}

/** How a binding's cluster reference compares with a cluster: by value, ignoring case as Azure does. */
export type RefMatch = "same" | "different" | "undecided";

/**
 * Compares what a binding names with what a cluster is. A part the binding does not give at all cannot match
 * (the binding names no cluster); a part unknown on either side, or missing on the cluster, leaves it undecided.
 * Subscriptions are compared only when both are known, since azure-native bindings do not carry theirs.
 */
export function compareRefs(target: ClusterRef, cluster: ClusterRef): RefMatch {
  const parts: RefMatch[] = [
    comparePart(target.resourceGroupName, cluster.resourceGroupName),
    comparePart(target.clusterName, cluster.clusterName),
  ];
  if (typeof target.subscriptionId === "string" && typeof cluster.subscriptionId === "string") {
    parts.push(comparePart(target.subscriptionId, cluster.subscriptionId));
  }
  if (parts.includes("different")) return "different";
  return parts.every((p) => p === "same") ? "same" : "undecided";
}

function comparePart(target: TextReading, cluster: TextReading): RefMatch {
  if (target === undefined) return "different";
  if (typeof target !== "string" || typeof cluster !== "string") return "undecided";
  return target.toLowerCase() === cluster.toLowerCase() ? "same" : "different";
}

/** Both the resource group and the name are known: the reference can key a group of bindings. */
export function refKey(ref: ClusterRef): string | undefined {
  return typeof ref.resourceGroupName === "string" && typeof ref.clusterName === "string"
    ? `${ref.resourceGroupName}/${ref.clusterName}`.toLowerCase()
    : undefined;
}
