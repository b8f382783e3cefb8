import type { Subscription } from "@azure/arm-resources-subscriptions";
import type { Connection } from "../connection/connection";
import { describeAzureError } from "../azureError";
import type { Limiter } from "../limiter";
import { collectPages } from "../paging";
import { AuditSetupError } from "../setupError";

/** A subscription to audit; `name` is its display name, or its id when Azure gave none. */
export interface SubscriptionRef {
  readonly id: string;
  readonly name: string;
}

export type SubscriptionLookup =
  | { readonly status: "found"; readonly subscription: SubscriptionRef }
  | { readonly status: "unreadable"; readonly subscription: SubscriptionRef; readonly reason: string };

function toRef(s: Subscription, fallbackId = ""): SubscriptionRef {
  const id = s.subscriptionId ?? fallbackId;
  return { id, name: s.displayName ?? id };
}

/** Every subscription the credential can see (`GET /subscriptions`, all pages). */
export async function listVisibleSubscriptions(
  connection: Connection,
  limit: Limiter,
): Promise<SubscriptionLookup[]> {
  let subscriptions: Subscription[];
  try {
    subscriptions = await collectPages(limit, connection.subscriptions().subscriptions.list());
  } catch (err) {
    throw new AuditSetupError(
      `Could not list the subscriptions the credential can see: ${describeAzureError(err)}`,
    );
  }
  if (subscriptions.length === 0) {
    throw new AuditSetupError(
      "The credential can see no subscriptions: give it the Reader role on the subscriptions to audit, or " +
        "name them with --subscription.",
    );
  }
  return subscriptions.map((s) => ({ status: "found", subscription: toRef(s) }));
}

/** The named subscriptions (`GET /subscriptions/{id}` each, for the display name); failures are kept, not thrown. */
export async function lookUpSubscriptions(
  connection: Connection,
  limit: Limiter,
  ids: readonly string[],
): Promise<SubscriptionLookup[]> {
  const client = connection.subscriptions();
  return Promise.all(
    ids.map(async (id): Promise<SubscriptionLookup> => {
      try {
        const found = await limit(() => client.subscriptions.get(id));
        return { status: "found", subscription: toRef(found, id) };
      } catch (err) {
        return { status: "unreadable", subscription: { id, name: id }, reason: describeAzureError(err) };
      }
    }),
  );
}
