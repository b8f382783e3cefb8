import type { Connection } from "../connection/connection";
import type { Limiter } from "../limiter";
import type { LiveCluster } from "../report";
import { ClusterFields, toLiveCluster } from "./liveCluster";
import { settingsFromArmJson } from "./clusterSettings";

/** Resource Graph takes at most this many subscriptions per query. */
const SUBSCRIPTIONS_PER_QUERY = 1000;
/** Rows per page (Resource Graph's maximum). */
const ROWS_PER_PAGE = 1000;

/** The clusters with their whole `properties`: each rule reads its own fields, so that a new rule needs no new column. */
export const CLUSTER_QUERY =
  "resources | where type =~ 'microsoft.containerservice/managedclusters' " +
  "| project id, location, identityType = tostring(identity.type), tags, properties " +
  "| order by id asc";

/** The clusters of each subscription of a batch, or why the batch's query failed. */
export type GraphBatchResult =
  | { readonly subscriptionIds: readonly string[]; readonly clusters: readonly LiveCluster[] }
  | { readonly subscriptionIds: readonly string[]; readonly error: unknown };

/**
 * Lists clusters with one Azure Resource Graph query per 1,000 subscriptions, following `$skipToken`. Resource
 * Graph shows only what the credential may read and says nothing of the rest.
 */
export async function listClustersWithResourceGraph(
  connection: Connection,
  limit: Limiter,
  subscriptionIds: readonly string[],
): Promise<GraphBatchResult[]> {
  const client = connection.resourceGraph();
  const batches: string[][] = [];
  for (let i = 0; i < subscriptionIds.length; i += SUBSCRIPTIONS_PER_QUERY) {
    batches.push(subscriptionIds.slice(i, i + SUBSCRIPTIONS_PER_QUERY));
  }
  return Promise.all(
    batches.map(async (batch): Promise<GraphBatchResult> => {
      try {
        const clusters: LiveCluster[] = [];
        let skipToken: string | undefined;
        do {
          const options = { resultFormat: "objectArray" as const, top: ROWS_PER_PAGE, skipToken };
          const page = await limit(() =>
            client.resources({ subscriptions: batch, query: CLUSTER_QUERY, options }),
          );
          clusters.push(...rowsOf(page.data).map((row) => toLiveCluster(row)));
          skipToken = page.skipToken;
        } while (skipToken !== undefined && skipToken !== "");
        return { subscriptionIds: batch, clusters };
      } catch (error) {
        return { subscriptionIds: batch, error };
      }
    }),
  );
}

/**
 * The rows of a page. Resource Graph sends an array (resultFormat objectArray), but this SDK version's mapper
 * declares `data` a dictionary and hands the array over as an object keyed "0", "1", ...: both are read here.
 */
function rowsOf(data: unknown): ClusterFields[] {
  const isIndexed =
    typeof data === "object" && data !== null && Object.keys(data).every((k) => /^(0|[1-9][0-9]*)$/.test(k));
  if (!Array.isArray(data) && !isIndexed) {
    throw new Error("Resource Graph returned no rows (expected resultFormat objectArray)");
  }
  return Object.values(data as object).map((row: unknown) => {
    const r = (typeof row === "object" && row !== null ? row : {}) as Record<string, unknown>;
    return {
      id: r.id,
      location: r.location,
      identityType: r.identityType,
      tags: r.tags,
      settings: settingsFromArmJson(r),
    };
  });
}
