import { show } from "../show";
import { UNKNOWN } from "../unknown";
import { PASS, RuleVerdict, fail, unknownValue } from "./verdict";

/** The API server has no public endpoint: `enablePrivateCluster` (classic: `privateClusterEnabled`) is true. */
export function checkPrivateCluster(enabled: unknown, field: string): RuleVerdict {
  if (enabled === true) return PASS;
  if (enabled === UNKNOWN) return unknownValue(field);
  if (enabled === undefined || enabled === null || enabled === false) {
    return fail(`has a public API server (${field} is ${show(enabled ?? undefined)})`);
  }
  return fail(`has ${field} ${show(enabled)}, not true`);
}
