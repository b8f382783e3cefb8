import { show } from "../show";
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
