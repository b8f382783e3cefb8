import { parseArmId } from "./armId";
import { MAX_BINDINGS_PER_CLUSTER, Findings, fieldPath, joinFindings } from "./bindingRules";
import { show } from "./show";

/** What the per-cluster rules need of each binding. Values may be `UNKNOWN` or of any type. */
export interface BindingIdentity {
  readonly label: string;
  readonly nameField?: string;
  readonly name: unknown;
  readonly sourceResourceId: unknown;
}

/**
 * The rules the bindings of one cluster must meet together: at most 8, names unique ignoring case, one binding
 * per source. Warns when a source sits in another subscription than the cluster (when both are known).
 */
export function checkBindingSet(
  bindings: readonly BindingIdentity[],
  clusterSubscriptionId?: string,
): Findings {
  return joinFindings([
    checkBindingCount(bindings.map((b) => b.label)),
    ...bindings.map((b, i) => checkAgainstEarlierBindings(bindings.slice(0, i), b)),
    ...bindings.map((b) => checkSourceSubscription(b, clusterSubscriptionId)),
  ]);
}

/** At most {@link MAX_BINDINGS_PER_CLUSTER} bindings on one cluster; `labels` name them in the message. */
export function checkBindingCount(labels: readonly string[]): Findings {
  if (labels.length <= MAX_BINDINGS_PER_CLUSTER) return { errors: [], warnings: [] };
  return {
    errors: [
      `${labels.length} Trusted Access bindings (${labels.join(", ")}) target one cluster, but Azure allows at ` +
        `most ${MAX_BINDINGS_PER_CLUSTER}: merge or remove ${labels.length - MAX_BINDINGS_PER_CLUSTER} of them.`,
    ],
    warnings: [],
  };
}

/**
 * What one binding must meet against those declared before it on the same cluster: a name (ignoring case) and a
 * source not already taken. The error is reported on the later binding; unknown values have no verdict.
 */
export function checkAgainstEarlierBindings(
  earlier: readonly BindingIdentity[],
  binding: BindingIdentity,
): Findings {
  const errors: string[] = [];
  const { name, sourceResourceId } = binding;
  if (typeof name === "string") {
    const first = earlier.find(
      (e) => typeof e.name === "string" && e.name.toLowerCase() === name.toLowerCase(),
    );
    if (first !== undefined) {
      errors.push(
        `${fieldPath(binding.label, binding.nameField ?? "name")} ${show(name)} is also the name of ${first.label}: ` +
          "binding names are unique per cluster, ignoring case, so rename one of them.",
      );
    }
  }
  if (typeof sourceResourceId === "string") {
    const first = earlier.find(
      (e) =>
        typeof e.sourceResourceId === "string" &&
        e.sourceResourceId.toLowerCase() === sourceResourceId.toLowerCase(),
    );
    if (first !== undefined) {
      errors.push(
        `${fieldPath(binding.label, "sourceResourceId")} ${show(sourceResourceId)} is also the source of ` +
          `${first.label}: give each source one binding that lists all its roles.`,
      );
    }
  }
  return { errors, warnings: [] };
}

/** A warning when a binding's source sits in another subscription than the cluster (when both are known). */
export function checkSourceSubscription(
  binding: Pick<BindingIdentity, "label" | "sourceResourceId">,
  clusterSubscriptionId: string | undefined,
): Findings {
  const source =
    typeof binding.sourceResourceId === "string" ? parseArmId(binding.sourceResourceId) : undefined;
  if (
    clusterSubscriptionId === undefined ||
    !source?.ok ||
    source.id.subscriptionId.toLowerCase() === clusterSubscriptionId.toLowerCase()
  ) {
    return { errors: [], warnings: [] };
  }
  return {
    errors: [],
    warnings: [
      `${fieldPath(binding.label, "sourceResourceId")} is in subscription ${source.id.subscriptionId}, but the ` +
        `cluster is in subscription ${clusterSubscriptionId}: Azure documents Trusted Access for sources in the ` +
        "cluster's own subscription.",
    ],
  };
}
