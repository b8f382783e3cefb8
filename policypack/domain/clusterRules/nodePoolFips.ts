import { show } from "../show";
import { UNKNOWN } from "../unknown";
import { PASS, RuleVerdict, fail, isOneOf, unknownValue } from "./verdict";

/** Windows node OS versions that run FIPS-validated cryptography whatever `enableFIPS` says. */
export const FIPS_BY_DEFAULT_WINDOWS_SKUS: readonly string[] = ["Windows2022", "Windows2025"];

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
 * The pool runs a FIPS-enabled OS. Linux pools need `enableFIPS`; Windows Server 2022 and later are FIPS-enabled by
 * default (Windows 2022 is the default Windows SKU of every supported Kubernetes version), Windows 2019 needs it set.
 */
export function checkNodePoolFips(pool: NodePoolFipsFields): RuleVerdict {
  if (pool.enableFips === true) return PASS;
  if (pool.osType === UNKNOWN) return unknownValue("osType");
  if (isOneOf(pool.osType, ["Windows"])) {
    if (pool.osSku === UNKNOWN) return unknownValue("osSku");
    if (
      pool.osSku === undefined ||
      pool.osSku === null ||
      isOneOf(pool.osSku, FIPS_BY_DEFAULT_WINDOWS_SKUS)
    ) {
      return PASS;
    }
  }
  if (pool.enableFips === UNKNOWN) return unknownValue(pool.enableFipsField);
  if (pool.enableFips === undefined || pool.enableFips === null || pool.enableFips === false) {
    return fail(
      `has ${pool.pool} without a FIPS-enabled OS (${pool.enableFipsField} is ${show(pool.enableFips ?? undefined)})`,
    );
  }
  return fail(`has ${pool.pool} with ${pool.enableFipsField} ${show(pool.enableFips)}, not true`);
}
