import { PreviewSkip, splitSkips } from "../../../cli/check/previewSkips";
import { Diagnostic, EnforcementLevel, PackSession } from "../../../cli/packHost";
import { TestStack } from "./testStack";

/** A diagnostic as a test asserts it: the policy, its level, the resource and the exact message. */
export interface Verdict {
  readonly policy: string;
  readonly level: EnforcementLevel;
  readonly urn: string | undefined;
  readonly message: string;
}

/**
 * Runs the pack over a stack as the engine does in a preview or update: Analyze for each resource's inputs in
 * registration order, then one AnalyzeStack over every resource's state. Returns the violations; the advisory
 * notes of checks skipped on unknown values are set aside as `check` sets them aside (see {@link skippedLikeTheEngine}).
 * With `policies`, only their verdicts are kept: a suite about some policies asserts all of theirs, not those of the
 * others on the same stack.
 */
export async function analyzeLikeTheEngine(
  session: PackSession,
  stack: TestStack,
  policies?: readonly string[],
): Promise<Verdict[]> {
  const { verdicts } = await analyzeWithSkips(session, stack);
  return policies === undefined ? verdicts : verdicts.filter((v) => policies.includes(v.policy));
}

/** The checks the pack skipped on values unknown in preview, as `check` reads them from the same run. */
export async function skippedLikeTheEngine(session: PackSession, stack: TestStack): Promise<PreviewSkip[]> {
  return (await analyzeWithSkips(session, stack)).skips;
}

async function analyzeWithSkips(
  session: PackSession,
  stack: TestStack,
): Promise<{ verdicts: Verdict[]; skips: PreviewSkip[] }> {
  const diagnostics: Diagnostic[] = [];
  for (const resource of stack.resources)
    diagnostics.push(...(await session.analyze(resource.inputs)).diagnostics);
  diagnostics.push(...(await session.analyzeStack(stack.resources.map((r) => r.state))).diagnostics);
  const { violations, skips } = splitSkips(diagnostics);
  return {
    verdicts: violations.map((d) => ({
      policy: d.policyName,
      level: d.enforcementLevel,
      urn: d.urn,
      message: d.message,
    })),
    skips,
  };
}
