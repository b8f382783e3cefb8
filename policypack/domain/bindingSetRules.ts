import { parseArmId } from "./armId";
import { MAX_BINDINGS_PER_CLUSTER, Findings, fieldPath } from "./bindingRules";
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
  const findings: Findings = { errors: [], warnings: [] };
  if (bindings.length > MAX_BINDINGS_PER_CLUSTER) {
    findings.errors.push(
      `${bindings.length} Trusted Access bindings (${bindings.map((b) => b.label).join(", ")}) target one ` +
        `cluster, but Azure allows at most ${MAX_BINDINGS_PER_CLUSTER}: merge or remove ` +
        `${bindings.length - MAX_BINDINGS_PER_CLUSTER} of them.`,
    );
  }
  const byName = new Map<string, BindingIdentity>();
  const bySource = new Map<string, BindingIdentity>();
  for (const b of bindings) {
    if (typeof b.name === "string") {
      const first = byName.get(b.name.toLowerCase());
      if (first !== undefined) {
        findings.errors.push(
          `${fieldPath(b.label, b.nameField ?? "name")} ${show(b.name)} is also the name of ${first.label}: ` +
            "binding names are unique per cluster, ignoring case, so rename one of them.",
        );
      } else byName.set(b.name.toLowerCase(), b);
    }
    if (typeof b.sourceResourceId === "string") {
      const first = bySource.get(b.sourceResourceId.toLowerCase());
      if (first !== undefined) {
        findings.errors.push(
          `${fieldPath(b.label, "sourceResourceId")} ${show(b.sourceResourceId)} is also the source of ` +
            `${first.label}: give each source one binding that lists all its roles.`,
        );
      } else bySource.set(b.sourceResourceId.toLowerCase(), b);
      const source = parseArmId(b.sourceResourceId);
      if (
        clusterSubscriptionId !== undefined &&
        source.ok &&
        source.id.subscriptionId.toLowerCase() !== clusterSubscriptionId.toLowerCase()
      ) {
        findings.warnings.push(
          `${fieldPath(b.label, "sourceResourceId")} is in subscription ${source.id.subscriptionId}, but the ` +
            `cluster is in subscription ${clusterSubscriptionId}: Azure documents Trusted Access for ` +
            "sources in the cluster's own subscription.",
        );
      }
    }
  }
  return findings;
}
