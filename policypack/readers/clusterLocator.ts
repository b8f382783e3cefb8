import { UNKNOWN, parseArmId, parseClusterId } from "../../domain";
import { TextReading } from "./plainProps";

/** Where an AKS cluster is, as far as a resource's properties tell: each part known, unknown, or not given. */
export interface ClusterLocator {
  readonly subscriptionId: TextReading;
  readonly resourceGroupName: TextReading;
  readonly clusterName: TextReading;
}

const NOTHING: ClusterLocator = {
  subscriptionId: undefined,
  resourceGroupName: undefined,
  clusterName: undefined,
};
const ALL_UNKNOWN: ClusterLocator = {
  subscriptionId: UNKNOWN,
  resourceGroupName: UNKNOWN,
  clusterName: UNKNOWN,
};

/** The cluster an AKS cluster id names; unknown stays unknown; anything else names nothing. */
export function locatorOfClusterId(id: TextReading): ClusterLocator {
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
export function locatorOfBindingId(id: TextReading): ClusterLocator {
  return locatorOfChildId(id, "trustedAccessRoleBindings");
}

/**
 * The cluster a child resource's own ARM id (`.../managedClusters/<c>/<childType>/<name>`) sits under. Called when
 * the state names no cluster by value: with no id either, the resource is an azure-native preview of one not yet
 * created, which gives neither its URL parameters nor its id (they are not response properties), so which cluster
 * it belongs to is not known yet.
 */
export function locatorOfChildId(id: TextReading, childType: string): ClusterLocator {
  if (id === UNKNOWN || id === undefined) return ALL_UNKNOWN;
  const parsed = parseArmId(id);
  if (!parsed.ok) return NOTHING;
  const { id: arm } = parsed;
  const isChild =
    arm.resourceGroupName !== undefined &&
    arm.namespace.toLowerCase() === "microsoft.containerservice" &&
    arm.types.length === 2 &&
    arm.types[0].toLowerCase() === "managedclusters" &&
    arm.types[1].toLowerCase() === childType.toLowerCase();
  return isChild
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
 * Subscriptions are compared only when both sides carry one (azure-native bindings and clusters before they exist
 * do not); an unknown subscription leaves the comparison undecided.
 */
export function compareLocators(target: ClusterLocator, cluster: ClusterLocator): RefMatch {
  const parts: RefMatch[] = [
    comparePart(target.resourceGroupName, cluster.resourceGroupName),
    comparePart(target.clusterName, cluster.clusterName),
  ];
  if (target.subscriptionId !== undefined && cluster.subscriptionId !== undefined) {
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

/**
 * A key for grouping bindings by the cluster they name, when resource group and name are known. The subscription
 * is part of it when given, so that bindings of two clusters that share a group and name never pool; an unknown
 * subscription gives no key.
 */
export function refKey(ref: ClusterLocator): string | undefined {
  const { subscriptionId, resourceGroupName, clusterName } = ref;
  if (
    typeof resourceGroupName !== "string" ||
    typeof clusterName !== "string" ||
    subscriptionId === UNKNOWN
  ) {
    return undefined;
  }
  return `${subscriptionId ?? "?"}/${resourceGroupName}/${clusterName}`.toLowerCase();
}
