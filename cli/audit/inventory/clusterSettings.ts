import type { ManagedCluster } from "@azure/arm-containerservice";
import type { ClusterSettings } from "../report";

/**
 * The rule settings of a cluster from the Azure SDK's model (`managedClusters.list`): its properties, flattened to
 * the top level and named as ARM names them but for case (`enableFips`), which the rules ignore.
 */
export function settingsFromSdk(c: ManagedCluster): ClusterSettings {
  return { ...c };
}

/**
 * The rule settings of a cluster from Azure's own JSON: a Resource Graph row's `properties` column, as
 * `CLUSTER_QUERY` projects it. Odd shapes read as no properties, and the rules then fail them.
 */
export function settingsFromArmJson(row: Readonly<Record<string, unknown>>): ClusterSettings {
  const properties = row.properties;
  return typeof properties === "object" && properties !== null && !Array.isArray(properties)
    ? (properties as ClusterSettings)
    : {};
}
