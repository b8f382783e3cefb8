import { UNKNOWN, Unknown, exemptingTagKey, listsCluster, show } from "../../domain";
import { stringList, textOr } from "./configValues";
import { Plain, TextReading, isRecord } from "../readers/plainProps";
import { skipCheck } from "./skipCheck";
import { StackCluster } from "../readers/stackResources";
import type { StackValidationArgs } from "@pulumi/policy";

/**
 * The exemptions every cluster policy of the pack accepts, written once: clusters listed by name, and clusters
 * carrying a tag. Each policy has its own default tag, so that exempting a cluster from one rule leaves it under
 * the others.
 */
export interface ExemptionConfig {
  /** Clusters the policy skips, by Azure name (ignoring case) or Pulumi name. Defaults to none. */
  readonly exemptClusters?: readonly string[];
  /** A cluster carrying a tag with this key (ignoring case) is exempt. Defaults to the policy's own tag. */
  readonly exemptTag?: string;
}

/** The `configSchema` properties of {@link ExemptionConfig}, with the policy's default tag. */
export function exemptionSchema(defaultTag: string): Record<string, object> {
  return {
    exemptClusters: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Clusters this policy skips, by Azure name (ignoring case) or Pulumi name.",
    },
    exemptTag: {
      type: "string",
      minLength: 1,
      default: defaultTag,
      description: "A cluster carrying a tag with this key (ignoring case) is exempt from this policy.",
    },
  };
}

/** A policy's exemptions as its config gives them, read tolerantly (see configValues). */
export interface Exemptions {
  readonly clusters: readonly string[];
  readonly tag: string;
}

export function readExemptions(config: ExemptionConfig, defaultTag: string): Exemptions {
  return { clusters: stringList(config.exemptClusters), tag: textOr(config.exemptTag, defaultTag) };
}

/** Whether a cluster is exempt; undecided while a value that could exempt it is unknown in preview. */
export type Exemption = "exempt" | "not-exempt" | "undecided";

export function clusterExemption(cluster: StackCluster, exemptions: Exemptions): Exemption {
  const byName = nameExemption(cluster.ref.clusterName, exemptions, cluster.resource.name);
  const tagged = hasTagKey(cluster.tags, exemptions.tag);
  if (byName === "exempt" || tagged === true) return "exempt";
  return tagged === UNKNOWN || byName === "undecided" ? "undecided" : "not-exempt";
}

/**
 * Whether `exemptClusters` lists a cluster by its Azure name (ignoring case) or its Pulumi name, when that is all
 * a policy knows of it (a node pool's cluster declared in another stack).
 */
export function nameExemption(
  azureName: TextReading,
  exemptions: Exemptions,
  pulumiName?: string,
): Exemption {
  const listed =
    (pulumiName !== undefined && exemptions.clusters.includes(pulumiName)) ||
    (typeof azureName === "string" && listsCluster(exemptions.clusters, azureName));
  if (listed) return "exempt";
  return azureName === UNKNOWN && exemptions.clusters.length > 0 ? "undecided" : "not-exempt";
}

/** The end of a violation message: how to exempt the cluster. */
export function exemptionHint(exemptions: Exemptions): string {
  return `to exempt it, tag it ${show(exemptions.tag)} or list it in exemptClusters`;
}

function hasTagKey(tags: Plain, key: string): boolean | Unknown {
  if (tags === UNKNOWN) return UNKNOWN;
  return isRecord(tags) && exemptingTagKey(Object.keys(tags), key) !== undefined;
}

/**
 * Whether a policy checks the resource: not exempt. An exemption that hangs on a value unknown in preview is said as a
 * skipped check of the resource (`urn`), not passed over in silence.
 */
export function isChecked(args: StackValidationArgs, exemption: Exemption, urn: string): boolean {
  if (exemption === "undecided") skipCheck(args, "whether it is exempt (its tags or its Azure name)", urn);
  return exemption === "not-exempt";
}
