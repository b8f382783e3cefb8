import type { MockCallArgs, MockResourceArgs, MockResourceResult, Mocks } from "@pulumi/pulumi/runtime/mocks";
import { UNKNOWN_SENTINELS } from "../../packHost";

/**
 * Mocks with the semantics of a first `pulumi preview` of a new stack: a resource's inputs come back as its
 * outputs (plus the name its provider would give it), and everything else a provider computes — the id and the
 * other outputs — is left out, which the SDK in preview mode turns into unknowns. A resource read with `.get` is
 * answered with its inputs only: what Azure holds for it cannot be known offline.
 *
 * Provider functions (invokes) answer from Azure. `getClientConfig`, which programs use to build the ids of
 * resources they do not declare, answers with each of its fields unknown, so that an id built from it is unknown
 * too rather than "/subscriptions/undefined/…"; any other function returns no values.
 */
/** The fields of the functions answered with unknowns, by token (azure-native, then the classic provider). */
const UNKNOWN_RESULTS: Readonly<Record<string, readonly string[]>> = {
  "azure-native:authorization:getClientConfig": ["clientId", "objectId", "subscriptionId", "tenantId"],
  "azure:core/getClientConfig:getClientConfig": ["clientId", "id", "objectId", "subscriptionId", "tenantId"],
};

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
      Object.fromEntries(
        (UNKNOWN_RESULTS[args.token] ?? []).map((field) => [field, UNKNOWN_SENTINELS.string]),
      ),
  };
}
