import { EnforcementLevel, PackSession } from "../../../cli/packHost";
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
 * registration order, then one AnalyzeStack over every resource's state. With `policies`, only their verdicts are
 * kept: a suite about some policies asserts all of theirs, not those of the others on the same stack.
 */
export async function analyzeLikeTheEngine(
  session: PackSession,
  stack: TestStack,
  policies?: readonly string[],
): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  const collect = (
    diagnostics: readonly {
      policyName: string;
      enforcementLevel: EnforcementLevel;
      urn?: string;
      message: string;
    }[],
  ) => {
    for (const d of diagnostics) {
      if (policies !== undefined && !policies.includes(d.policyName)) continue;
      verdicts.push({ policy: d.policyName, level: d.enforcementLevel, urn: d.urn, message: d.message });
    }
  };
  for (const resource of stack.resources) collect((await session.analyze(resource.inputs)).diagnostics);
  collect((await session.analyzeStack(stack.resources.map((r) => r.state))).diagnostics);
  return verdicts;
}
