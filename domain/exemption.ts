/**
 * How a cluster is exempt from a cluster policy, written once for the pack (declared clusters) and `audit` (live
 * ones): listed by name in `exemptClusters`, or carrying a tag with the policy's `exemptTag` key. Names and tag keys
 * compare ignoring case, as Azure compares them.
 */

/** Whether `exemptClusters` lists this name. */
export function listsCluster(exemptClusters: readonly string[], name: string): boolean {
  return exemptClusters.some((n) => n.toLowerCase() === name.toLowerCase());
}

/** The cluster's tag key that exempts it, if it has one. */
export function exemptingTagKey(tagKeys: readonly string[], exemptTag: string): string | undefined {
  return tagKeys.find((k) => k.toLowerCase() === exemptTag.toLowerCase());
}
