import { StackValidationPolicy } from "@pulumi/policy";
import { UNKNOWN, Unknown, show } from "../domain";
import { clusterBindings } from "./bindingLinks";
import { stringList, textOr } from "./configValues";
import { TRUSTED_ACCESS_DOCS } from "./docs";
import { Plain, isRecord } from "./plainProps";
import { skipCheck } from "./skipCheck";
import { StackBinding, StackCluster, describeCluster, stackInventory } from "./stackResources";

export const DEFAULT_EXEMPT_TAG = "trusted-access-exempt";

/** Config of `aks-trusted-access-required`, as its `configSchema` describes it. */
export interface TrustedAccessRequiredConfig {
  /** Clusters that need no binding, by Azure name (ignoring case) or Pulumi name. Defaults to none. */
  readonly exemptClusters?: readonly string[];
  /** A cluster carrying a tag with this key (ignoring case) is exempt. Defaults to `trusted-access-exempt`. */
  readonly exemptTag?: string;
  /** Roles every non-exempt cluster must be granted by its bindings. Defaults to none. */
  readonly requiredRoles?: readonly string[];
}

export const trustedAccessRequired: StackValidationPolicy = {
  name: "aks-trusted-access-required",
  description:
    "Every AKS cluster in the stack is the target of at least one Trusted Access role binding in the same stack.",
  enforcementLevel: "mandatory",
  severity: "high",
  url: TRUSTED_ACCESS_DOCS,
  remediationSteps:
    "Declare the cluster with the AksCluster component and at least one trustedAccess entry, or add a " +
    "TrustedAccessBindings component (or a TrustedAccessRoleBinding resource) for it in the same stack. " +
    `To exempt a cluster, tag it with the exemptTag key ("${DEFAULT_EXEMPT_TAG}" by default) or list it in ` +
    "exemptClusters.",
  configSchema: {
    properties: {
      exemptClusters: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Clusters that need no binding, by Azure name (ignoring case) or Pulumi name.",
      },
      exemptTag: {
        type: "string",
        minLength: 1,
        default: DEFAULT_EXEMPT_TAG,
        description: "A cluster carrying a tag with this key (ignoring case) is exempt.",
      },
      requiredRoles: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Roles every non-exempt cluster must be granted by its bindings.",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const config = args.getConfig<TrustedAccessRequiredConfig>();
    const exemptClusters = stringList(config.exemptClusters);
    const exemptTag = textOr(config.exemptTag, DEFAULT_EXEMPT_TAG);
    const requiredRoles = stringList(config.requiredRoles);
    const { clusters, bindings } = stackInventory(args.resources);
    const bindingsOf = clusterBindings(clusters, bindings);
    for (const cluster of clusters) {
      const urn = cluster.resource.urn;
      const exempt = exemption(cluster, exemptClusters, exemptTag);
      if (exempt === "undecided") skipCheck(args, "whether it is exempt (its tags or its Azure name)", urn);
      if (exempt !== "not-exempt") continue;
      const { targeting, undecided } = bindingsOf(cluster);
      // A binding whose target is unknown during preview may be this cluster's: no verdict by guesswork.
      if (undecided.length > 0) {
        skipCheck(
          args,
          undecided.map((b) => `the target of binding ${show(b.resource.name)}`).join(", "),
          urn,
        );
        continue;
      }
      if (targeting.length === 0) {
        reportViolation(
          `${describeCluster(cluster)} has no Trusted Access role binding in this stack, so it fails the ` +
            'Cloud Conformity rule "Enable Trusted Access for AKS Clusters": declare it with the AksCluster ' +
            "component and at least one trustedAccess entry, or add a TrustedAccessBindings component for it; " +
            `to exempt it, tag it ${show(exemptTag)} or list it in exemptClusters.`,
          cluster.resource.urn,
        );
        continue;
      }
      const granted = grantedRoles(targeting);
      const missing = requiredRoles.filter((role) => !granted.roles.has(role.toLowerCase()));
      if (!granted.complete && missing.length > 0) skipCheck(args, "the roles of its bindings", urn);
      else if (missing.length > 0) {
        reportViolation(
          `${describeCluster(cluster)} is not granted the required Trusted Access role(s) ` +
            `${missing.map((r) => show(r)).join(", ")} by its bindings in this stack: add them to the roles of ` +
            "a binding whose source is of the matching type (a trustedAccess entry of the AksCluster or " +
            "TrustedAccessBindings component), or change requiredRoles.",
          cluster.resource.urn,
        );
      }
    }
  },
};

type Exemption = "exempt" | "not-exempt" | "undecided";

function exemption(cluster: StackCluster, exemptClusters: readonly string[], exemptTag: string): Exemption {
  const azureName = cluster.ref.clusterName;
  const listed =
    exemptClusters.includes(cluster.resource.name) ||
    (typeof azureName === "string" &&
      exemptClusters.some((n) => n.toLowerCase() === azureName.toLowerCase()));
  const tagged = hasTagKey(cluster.tags, exemptTag);
  if (listed || tagged === true) return "exempt";
  const mayBeListed = azureName === UNKNOWN && exemptClusters.length > 0;
  return tagged === UNKNOWN || mayBeListed ? "undecided" : "not-exempt";
}

function hasTagKey(tags: Plain, key: string): boolean | Unknown {
  if (tags === UNKNOWN) return UNKNOWN;
  return isRecord(tags) && Object.keys(tags).some((k) => k.toLowerCase() === key.toLowerCase());
}

/** The roles the bindings grant, lower-cased; `complete` is false when some role is unknown during preview. */
function grantedRoles(bindings: readonly StackBinding[]): { roles: Set<string>; complete: boolean } {
  const roles = new Set<string>();
  let complete = true;
  for (const binding of bindings) {
    if (binding.roles === UNKNOWN) complete = false;
    const list: readonly Plain[] = Array.isArray(binding.roles) ? binding.roles : [];
    for (const role of list) {
      if (role === UNKNOWN) complete = false;
      else if (typeof role === "string") roles.add(role.toLowerCase());
    }
  }
  return { roles, complete };
}
