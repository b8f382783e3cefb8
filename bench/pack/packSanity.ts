import { PackSession } from "../../cli/packHost";
import { flavourOf, linkOf, syntheticStack, withoutBindingsOf } from "./syntheticStack";

const REQUIRED_POLICY = "aks-trusted-access-required";

/**
 * Before anything is timed, checks that the comparison means what it says. The pack passes the compliant
 * synthetic stack and flags a cluster whose bindings are taken away — one cluster of every provider and link
 * kind — or else the benchmark would time a pack that skips the stack (say, every binding read as unknown). The
 * no-op pack has the pack's policies, by name and kind; the empty pack has none.
 */
export async function checkPacks(pack: PackSession, noop: PackSession, empty: PackSession): Promise<void> {
  const emptyPolicies = (await empty.info()).policies.length;
  if (emptyPolicies !== 0) {
    throw new Error(`the empty pack in ${empty.dir} has ${emptyPolicies} policies; the floor must have none`);
  }
  const shape = async (session: PackSession): Promise<string> =>
    JSON.stringify((await session.info()).policies.map((p) => [p.name, p.policyType, p.enforcementLevel]));
  const [packShape, noopShape] = await Promise.all([shape(pack), shape(noop)]);
  if (packShape !== noopShape) {
    throw new Error(
      `the no-op pack's policies ${noopShape} are not the pack's ${packShape}: update ${noop.dir}`,
    );
  }

  const stack = syntheticStack(10);
  const passed = await pack.analyzeStack(stack.resources);
  if (passed.diagnostics.length !== 0) {
    const messages = passed.diagnostics.map((d) => `${d.policyName}: ${d.message}`).join("\n");
    throw new Error(
      `the pack flags the compliant synthetic stack, so it is not what it should be:\n${messages}`,
    );
  }
  for (const [index, cluster] of stack.clusters.entries()) {
    const { diagnostics } = await pack.analyzeStack(withoutBindingsOf(stack, cluster));
    const flagged = diagnostics.map((d) => `${d.policyName} ${d.urn ?? ""}`);
    const expected = `${REQUIRED_POLICY} ${cluster.urn}`;
    if (flagged.length !== 1 || flagged[0] !== expected) {
      throw new Error(
        `without its bindings, the ${flavourOf(index)} cluster linked by ${linkOf(index)} (${cluster.urn}) ` +
          `should get exactly one ${REQUIRED_POLICY} violation; the pack said: ${JSON.stringify(flagged)}`,
      );
    }
  }
}
