import type { MockResourceArgs, MockResourceResult, Mocks } from "@pulumi/pulumi/runtime/mocks";

/**
 * Mocks with the semantics of a first `pulumi preview` of a new stack: a resource's inputs come back as its
 * outputs (plus the name its provider would give it), and everything else a provider computes — the id and the
 * other outputs — is left out, which the SDK in preview mode turns into unknowns. A resource read with `.get` is
 * answered with its inputs only: what Azure holds for it cannot be known offline.
 *
 * Provider functions (invokes, e.g. `getClientConfig`) return no values: their results exist only in Azure.
 */
export function previewMocks(
  providerNamed: (type: string, name: string, inputs: Record<string, unknown>) => Record<string, unknown>,
): Mocks {
  return {
    newResource(args: MockResourceArgs): MockResourceResult {
      const inputs = (args.inputs ?? {}) as Record<string, unknown>;
      if (args.id !== undefined && args.id !== "") return { id: args.id, state: inputs };
      return { id: undefined, state: providerNamed(args.type, args.name, inputs) };
    },
    call: (): Record<string, unknown> => ({}),
  };
}
