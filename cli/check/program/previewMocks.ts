import type { MockCallArgs, MockResourceArgs, MockResourceResult, Mocks } from "@pulumi/pulumi/runtime/mocks";

/**
 * `getClientConfig` (azure-native, classic azure) tells a real preview who runs it, and programs build the ids of
 * resources they do not declare from its `subscriptionId`. Offline that is not known: it answers with the all-zero
 * GUID, so that an id built from it — through the Output or the Promise form — is well-formed, as in a real
 * preview, and the policies judge the rest of the id.
 */
const PLACEHOLDER_GUID = "00000000-0000-0000-0000-000000000000";
const CLIENT_CONFIG_TOKENS = new Set([
  "azure-native:authorization:getClientConfig",
  "azure:core/getClientConfig:getClientConfig",
]);

/**
 * Mocks with the semantics of a first `pulumi preview` of a new stack: a resource's inputs come back as its
 * outputs (plus the name its provider would give it), and everything else a provider computes — the id and the
 * other outputs — is left out, which the SDK in preview mode turns into unknowns. A resource read with `.get` is
 * answered with its inputs only: what Azure holds for it cannot be known offline. Provider functions return no
 * values, except `getClientConfig`, which returns placeholders.
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
    call: (args: MockCallArgs): Record<string, unknown> =>
      CLIENT_CONFIG_TOKENS.has(args.token)
        ? {
            clientId: PLACEHOLDER_GUID,
            objectId: PLACEHOLDER_GUID,
            subscriptionId: PLACEHOLDER_GUID,
            tenantId: PLACEHOLDER_GUID,
          }
        : {},
  };
}
