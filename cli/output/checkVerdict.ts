import { CheckReport } from "./checkReport";

/** `1 check`, `2 checks`. */
export function checks(n: number): string {
  return `${n} ${n === 1 ? "check" : "checks"}`;
}

/** The violations counted: `Policy violations: 1 mandatory, 0 advisory (9 policies in 1 pack).` */
export function countsSentence(report: CheckReport): string {
  const { mandatory, advisory, policyPacks, policies } = report.totals;
  return (
    `Policy violations: ${mandatory} mandatory, ${advisory} advisory ` +
    `(${policies} ${policies === 1 ? "policy" : "policies"} in ${policyPacks} ${policyPacks === 1 ? "pack" : "packs"}).`
  );
}

/** The skipped checks counted, or `undefined` when none was skipped. */
export function skipsSentence(report: CheckReport): string | undefined {
  const { skipped, mandatorySkipped } = report.totals;
  return skipped === 0
    ? undefined
    : `${checks(skipped)} skipped: values known only after deployment ` +
        `(${mandatorySkipped} mandatory, ${skipped - mandatorySkipped} advisory).`;
}

/**
 * The verdict: `FAILED: …`, `PASSED: …`, or a pass that says how many mandatory checks could not run (not a clean
 * pass).
 */
export function verdictSentence(report: CheckReport): string {
  const { mandatorySkipped } = report.totals;
  if (report.verdict === "fail") return "FAILED: a mandatory policy is violated.";
  return mandatorySkipped === 0
    ? "PASSED: no mandatory policy is violated."
    : `PASSED, but ${checks(mandatorySkipped)} of mandatory policies could not run: no ` +
        "mandatory policy is violated by the values known before deployment.";
}
