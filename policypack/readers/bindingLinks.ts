import { PolicyResource } from "@pulumi/policy";
import { ClusterLocator, compareLocators } from "./clusterLocator";
import { clusterProvider } from "./resourceTypes";
import { StackBinding, StackCluster } from "./stackResources";

/** Whether a binding targets a cluster: surely, perhaps (a value unknown during preview), or not. */
export type Link = "targets" | "may-target" | "not";

/**
 * A resource that names the cluster it belongs to: a Trusted Access role binding, a node pool or a maintenance
 * configuration declared apart from the cluster. All link to their cluster the same way.
 */
export interface ClusterChild {
  readonly resource: PolicyResource;
  /** The property that names the cluster, whose `propertyDependencies` link the resource to it. */
  readonly clusterProperty: string;
  readonly target: ClusterLocator;
}

/**
 * Links a binding to a cluster. First through `propertyDependencies`: the binding's cluster property was computed
 * from that cluster's outputs, which holds before and after the resources exist. Then by values: resource group
 * and name (and subscription where both ids are known), ignoring case. When the values cannot decide but the
 * cluster property was computed from another cluster of the stack, the binding belongs to that one.
 */
export function linkOf(binding: ClusterChild, cluster: StackCluster): Link {
  const dependsOn = binding.resource.propertyDependencies[binding.clusterProperty] ?? [];
  if (dependsOn.some((r) => r.urn === cluster.resource.urn)) return "targets";
  const byValue = compareLocators(binding.target, cluster.ref);
  if (byValue === "same") return "targets";
  if (byValue === "different") return "not";
  return dependsOn.some((r) => clusterProvider(r.type) !== undefined) ? "not" : "may-target";
}

export interface ClusterBindings<T extends ClusterChild = StackBinding> {
  /** Bindings (children) that surely target the cluster. */
  readonly targeting: readonly T[];
  /** Bindings (children) that may target it once unknown values are known. */
  readonly undecided: readonly T[];
}

export function bindingsOf<T extends ClusterChild>(
  cluster: StackCluster,
  bindings: readonly T[],
): ClusterBindings<T> {
  const links = bindings.map((b) => ({ binding: b, link: linkOf(b, cluster) }));
  return {
    targeting: links.filter((l) => l.link === "targets").map((l) => l.binding),
    undecided: links.filter((l) => l.link === "may-target").map((l) => l.binding),
  };
}

/**
 * Every cluster's bindings at once: the same answer as {@link bindingsOf} for each cluster, without comparing
 * every binding with every cluster, which made a stack policy quadratic in the stack's size (a stack of 5000
 * clusters holds 15000 bindings). Each binding is checked with {@link linkOf} against only the clusters that can
 * link to it: those of its `propertyDependencies`, and those whose resource group and name match its own, or are
 * unknown. Bindings keep their stack order. Node pools and maintenance configurations link the same way.
 */
export function clusterBindings<T extends ClusterChild = StackBinding>(
  clusters: readonly StackCluster[],
  bindings: readonly T[],
): (cluster: StackCluster) => ClusterBindings<T> {
  const index = new ClusterIndex(clusters);
  const found = new Map<StackCluster, { targeting: T[]; undecided: T[] }>();
  for (const binding of bindings) {
    for (const cluster of index.candidates(binding)) {
      const link = linkOf(binding, cluster);
      if (link === "not") continue;
      const entry = found.get(cluster) ?? { targeting: [], undecided: [] };
      found.set(cluster, entry);
      (link === "targets" ? entry.targeting : entry.undecided).push(binding);
    }
  }
  return (cluster) => found.get(cluster) ?? { targeting: [], undecided: [] };
}

/** The clusters of a stack by URN, resource group and name (ignoring case, as {@link compareLocators} does). */
class ClusterIndex {
  private readonly byUrn = new Map<string, StackCluster[]>();
  private readonly byGroup = new Map<string, StackCluster[]>();
  private readonly byName = new Map<string, StackCluster[]>();
  /** Clusters whose group (name) is unknown or missing: any binding's group (name) may be theirs. */
  private readonly groupUnread: StackCluster[] = [];
  private readonly nameUnread: StackCluster[] = [];

  constructor(private readonly all: readonly StackCluster[]) {
    for (const cluster of all) {
      const { resourceGroupName: group, clusterName: name } = cluster.ref;
      add(this.byUrn, cluster.resource.urn, cluster);
      if (typeof group === "string") add(this.byGroup, group.toLowerCase(), cluster);
      else this.groupUnread.push(cluster);
      if (typeof name === "string") add(this.byName, name.toLowerCase(), cluster);
      else this.nameUnread.push(cluster);
    }
  }

  /** Every cluster whose link with the binding may be other than "not" (and perhaps a few more). */
  candidates(binding: ClusterChild): Set<StackCluster> {
    const dependsOn = binding.resource.propertyDependencies[binding.clusterProperty] ?? [];
    const candidates = new Set(dependsOn.flatMap((r) => this.byUrn.get(r.urn) ?? []));
    const { resourceGroupName: group, clusterName: name } = binding.target;
    // A part the binding does not give at all matches no cluster by value.
    if (group === undefined || name === undefined) return candidates;
    // With a part unknown, values cannot say "same", and a link to a cluster rules out every other one.
    const valuesDecide = typeof group === "string" && typeof name === "string";
    if (!valuesDecide && dependsOn.some((r) => clusterProvider(r.type) !== undefined)) return candidates;
    const sameGroup =
      typeof group === "string"
        ? [...(this.byGroup.get(group.toLowerCase()) ?? []), ...this.groupUnread]
        : this.all;
    const sameName =
      typeof name === "string"
        ? [...(this.byName.get(name.toLowerCase()) ?? []), ...this.nameUnread]
        : this.all;
    for (const cluster of sameGroup.length <= sameName.length ? sameGroup : sameName) candidates.add(cluster);
    return candidates;
  }
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
