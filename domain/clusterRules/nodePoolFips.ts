import { show } from "../show";
import { LiveRule, armList, armValue } from "./liveRule";
import { UNKNOWN } from "../unknown";
import { PASS, RuleVerdict, fail, isOneOf, unknownValue } from "./verdict";

/**
 * Windows node OS versions that always run FIPS-validated cryptography: Azure refuses a Windows Server 2025 pool
 * without FIPS. A Windows Server 2022 pool (the default Windows SKU) stays non-FIPS unless `enableFIPS` is set.
 */
const FIPS_BY_DEFAULT_WINDOWS_SKUS: readonly string[] = ["Windows2025"];

/** One node pool, inline in the cluster or a resource of its own. */
export interface NodePoolFipsFields {
  /** How messages name the pool, e.g. `node pool "system"` or `agentPoolProfiles[0]`. */
  readonly pool: string;
  readonly enableFips: unknown;
  /** `enableFIPS` (azure-native, ARM), `fipsEnabled` (classic), `enableFips` (the Azure SDK). */
  readonly enableFipsField: string;
  /** `Linux` or `Windows`; Linux when unset, as in Azure. */
  readonly osType: unknown;
  readonly osSku: unknown;
}

/**
 * The pool runs a FIPS-enabled OS: `enableFIPS` is true, or the pool is Windows Server 2025, which is always FIPS.
 * Every other pool, Linux or Windows (2019, 2022, or the default SKU), needs `enableFIPS`.
 */
export function checkNodePoolFips(pool: NodePoolFipsFields): RuleVerdict {
  if (pool.enableFips === true) return PASS;
  if (pool.osType === UNKNOWN) return unknownValue("osType");
  if (isOneOf(pool.osType, ["Windows"])) {
    if (pool.osSku === UNKNOWN) return unknownValue("osSku");
    if (isOneOf(pool.osSku, FIPS_BY_DEFAULT_WINDOWS_SKUS)) return PASS;
  }
  if (pool.enableFips === UNKNOWN) return unknownValue(pool.enableFipsField);
  if (pool.enableFips === undefined || pool.enableFips === null || pool.enableFips === false) {
    return fail(
      `has ${pool.pool} without a FIPS-enabled OS (${pool.enableFipsField} is ${show(pool.enableFips ?? undefined)})`,
    );
  }
  return fail(`has ${pool.pool} with ${pool.enableFipsField} ${show(pool.enableFips)}, not true`);
}

/** How audit judges a live cluster by the rule: every pool of `agentPoolProfiles`, which holds them all, one finding each. */
export const NODE_POOL_FIPS_LIVE: LiveRule = {
  findings: [
    {
      id: "node-pool-fips",
      title: "Node pool without FIPS",
      description:
        "Every node pool of an AKS cluster runs a FIPS-enabled OS (the Cloud Conformity rule 'Enable FIPS for AKS " +
        "Cluster Node Pools').",
    },
  ],
  assess: (cluster) =>
    armList(cluster.properties, "agentPoolProfiles").map((raw, i) => {
      const name = armValue(raw, "name");
      const nodePool = typeof name === "string" ? name : `agentPoolProfiles[${i}]`;
      return {
        finding: "node-pool-fips",
        nodePool,
        verdict: checkNodePoolFips({
          pool: `node pool ${JSON.stringify(nodePool)}`,
          enableFips: armValue(raw, "enableFIPS"),
          enableFipsField: "enableFIPS",
          osType: armValue(raw, "osType"),
          osSku: armValue(raw, "osSKU"),
        }),
      };
    }),
  fixNote: "az aks nodepool update --enable-fips-image reimages the pool's nodes.",
};
