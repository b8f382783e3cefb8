import { compareRefs } from "./clusterRef";
import { clusterProvider } from "./resourceTypes";
import { StackBinding, StackCluster } from "./stackResources";

/** Whether a binding targets a cluster: surely, perhaps (a value unknown during preview), or not. */
export type Link = "targets" | "may-target" | "not";

/**
 * Links a binding to a cluster. First through `propertyDependencies`: the binding's cluster property was computed
 * from that cluster's outputs, which holds before and after the resources exist. Then by values: resource group
 * and name (and subscription where both ids are known), ignoring case. When the values cannot decide but the
 * cluster property was computed from another cluster of the stack, the binding belongs to that one.
 */
export function linkOf(binding: StackBinding, cluster: StackCluster): Link {
  const dependsOn = binding.resource.propertyDependencies[binding.clusterProperty] ?? [];
  if (dependsOn.some((r) => r.urn === cluster.resource.urn)) return "targets";
  const byValue = compareRefs(binding.target, cluster.ref);
  if (byValue === "same") return "targets";
  if (byValue === "different") return "not";
  return dependsOn.some((r) => clusterProvider(r.type) !== undefined) ? "not" : "may-target";
}

export interface ClusterBindings {
  /** Bindings that surely target the cluster. */
  readonly targeting: readonly StackBinding[];
  /** Bindings that may target it once unknown values are known. */
  readonly undecided: readonly StackBinding[];
}

export function bindingsOf(cluster: StackCluster, bindings: readonly StackBinding[]): ClusterBindings {
  const links = bindings.map((b) => ({ binding: b, link: linkOf(b, cluster) }));
  return {
    targeting: links.filter((l) => l.link === "targets").map((l) => l.binding),
    undecided: links.filter((l) => l.link === "may-target").map((l) => l.binding),
  };
}
