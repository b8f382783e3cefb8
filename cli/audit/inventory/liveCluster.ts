import { parseClusterId, show } from "../../../domain";
import type { LiveCluster, ClusterSettings } from "../report";

/** What both cluster sources give of a cluster. */
export interface ClusterFields {
  readonly id: unknown;
  readonly location: unknown;
  /** `identity.type`; absent for a cluster that runs with a service principal. */
  readonly identityType: unknown;
  /** Its tags, an object of strings; absent (or null in a Resource Graph row) when it has none. */
  readonly tags: unknown;
  readonly settings: ClusterSettings;
}

/** A cluster of a list, checked: its resource group and name come from its id, which Azure always sets. */
export function toLiveCluster(fields: ClusterFields): LiveCluster {
  const parsed = typeof fields.id === "string" ? parseClusterId(fields.id) : undefined;
  if (parsed === undefined) {
    throw new Error(`Azure listed a cluster whose id ${show(fields.id)} is not an AKS cluster id`);
  }
  return {
    id: fields.id as string,
    subscriptionId: parsed.subscriptionId,
    resourceGroup: parsed.resourceGroupName,
    name: parsed.clusterName,
    location: typeof fields.location === "string" ? fields.location : "",
    identityType:
      typeof fields.identityType === "string" && fields.identityType !== "" ? fields.identityType : "None",
    tags: tagsOf(fields.tags),
    settings: fields.settings,
  };
}

/** The tags whose values are strings, as Azure keeps them; anything else reads as no tags. */
function tagsOf(tags: unknown): Record<string, string> {
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) return {};
  return Object.fromEntries(
    Object.entries(tags as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === "string",
    ),
  );
}
