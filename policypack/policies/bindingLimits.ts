import { StackValidationPolicy } from "@pulumi/policy";
import { MAX_BINDINGS_PER_CLUSTER, UNKNOWN, checkBindingSet, show } from "../../domain";
import { clusterBindings } from "../readers/bindingLinks";
import { refKey } from "../readers/clusterLocator";
import { TRUSTED_ACCESS_DOCS } from "../mechanics/docs";
import { skipCheck } from "../mechanics/skipCheck";
import { StackBinding, describeCluster, stackInventory } from "../readers/stackResources";

export const bindingLimits: StackValidationPolicy = {
  name: "aks-trusted-access-binding-limits",
  description: `No AKS cluster gets more than ${MAX_BINDINGS_PER_CLUSTER} Trusted Access role bindings, two bindings with one name, or two bindings for one source.`,
  enforcementLevel: "mandatory",
  severity: "high",
  url: TRUSTED_ACCESS_DOCS,
  remediationSteps:
    `Keep at most ${MAX_BINDINGS_PER_CLUSTER} bindings per cluster, give each a name unique within the cluster ` +
    "(ignoring case), and give each source resource one binding that lists all its roles. " +
    "`az aks trustedaccess rolebinding list --resource-group <group> --cluster-name <cluster>` shows a " +
    "cluster's bindings.",
  validateStack: (args, reportViolation) => {
    const { clusters, bindings } = stackInventory(args.resources);
    // Bindings that target, or may target, a cluster of the stack; the others name clusters declared elsewhere.
    const placed = new Set<StackBinding>();
    const bindingsOf = clusterBindings(clusters, bindings);
    for (const cluster of clusters) {
      // Only bindings that surely target the cluster count: an unknown target is never guessed.
      const { targeting, undecided } = bindingsOf(cluster);
      [...targeting, ...undecided].forEach((b) => placed.add(b));
      for (const error of bindingSetErrors(targeting)) {
        reportViolation(`${describeCluster(cluster)}: ${error}`, cluster.resource.urn);
      }
      const unknown = [
        ...undecided.map((b) => `the target of binding ${show(b.resource.name)}`),
        ...unknownIdentities(targeting),
      ];
      if (unknown.length > 0) skipCheck(args, unknown.join(", "), cluster.resource.urn);
    }
    // Bindings of clusters declared elsewhere (TrustedAccessBindings), grouped by resource group and name.
    const outside = new Map<string, StackBinding[]>();
    for (const binding of bindings) {
      const key = refKey(binding.target);
      if (placed.has(binding) || key === undefined) continue;
      outside.set(key, [...(outside.get(key) ?? []), binding]);
    }
    for (const group of outside.values()) {
      const { clusterName, resourceGroupName } = group[0].target;
      const subject = `AKS cluster ${show(clusterName)} in resource group ${show(resourceGroupName)}`;
      for (const error of bindingSetErrors(group)) reportViolation(`${subject}: ${error}`);
      // No cluster of the stack to name: the skip is filed under each binding whose value is unknown.
      for (const binding of group) {
        const unknown = unknownIdentities([binding]);
        if (unknown.length > 0) skipCheck(args, unknown.join(", "), binding.resource.urn);
      }
    }
  },
};

/** The names and sources that the unique-name and one-binding-per-source rules cannot compare yet. */
function unknownIdentities(bindings: readonly StackBinding[]): string[] {
  return bindings.flatMap((b) => [
    ...(b.name === UNKNOWN ? [`the name of binding ${show(b.resource.name)}`] : []),
    ...(b.sourceResourceId === UNKNOWN ? [`the source of binding ${show(b.resource.name)}`] : []),
  ]);
}

function bindingSetErrors(bindings: readonly StackBinding[]): string[] {
  // Warnings (a source in another subscription) are not this mandatory policy's business.
  return checkBindingSet(
    bindings.map((b) => ({
      label: b.resource.name,
      nameField: b.nameField,
      name: b.name,
      sourceResourceId: b.sourceResourceId,
    })),
  ).errors;
}
