import { exemptingTagKey, listsCluster, show } from "../../domain";
import type { EnforcementLevel } from "../packHost";
import type { LiveCluster, FindingLevel } from "./report";

/** A policy's exemptions, as its config gives them: clusters by name, and a tag key. */
export interface PolicyExemptions {
  readonly clusters: readonly string[];
  readonly tag: string;
}

/**
 * How the pack's policies apply to live clusters: their levels and exemptions as the pack would run them with the
 * same config file, and the node OS rule's `requireMaintenanceWindow`.
 */
export interface Enforcement {
  /** `--policy-config`, as given, when there was one. */
  readonly configFile?: string;
  /** Every policy of the pack's level, by name. */
  readonly levels: Readonly<Record<string, EnforcementLevel>>;
  /** The exemptions of each policy that takes them, by name. */
  readonly exemptions: Readonly<Record<string, PolicyExemptions>>;
  readonly requireMaintenanceWindow: boolean;
}

/** How one policy applies to one cluster: at a level, or not at all (disabled, or the cluster is exempt, and why). */
export type Application =
  | { readonly applies: true; readonly level: FindingLevel }
  | { readonly applies: false; readonly exemption?: string };

export function levelOf(enforcement: Enforcement, policy: string): EnforcementLevel {
  const level = enforcement.levels[policy];
  if (level === undefined) throw new RangeError(`the policy pack has no policy ${policy}`);
  return level;
}

export function findingLevel(level: Exclude<EnforcementLevel, "disabled">): FindingLevel {
  return level === "advisory" ? "advisory" : "mandatory";
}

export function applicationTo(enforcement: Enforcement, policy: string, cluster: LiveCluster): Application {
  const level = levelOf(enforcement, policy);
  if (level === "disabled") return { applies: false };
  const exemption = exemptionOf(enforcement.exemptions[policy], cluster);
  if (exemption !== undefined) return { applies: false, exemption: `${policy}: ${exemption}` };
  return { applies: true, level: findingLevel(level) };
}

/** Why the cluster is exempt, naming the tag and its value, which holds the reason by convention. */
function exemptionOf(exemptions: PolicyExemptions | undefined, cluster: LiveCluster): string | undefined {
  if (exemptions === undefined) return undefined;
  if (listsCluster(exemptions.clusters, cluster.name)) return "listed in exemptClusters";
  const key = exemptingTagKey(Object.keys(cluster.tags), exemptions.tag);
  if (key === undefined) return undefined;
  const value = cluster.tags[key];
  return value === "" ? `tagged ${show(key)}` : `tagged ${show(key)}: ${show(value)}`;
}
