import { describeAzureError } from "../audit/azureError";
import { ConnectionOptions, connect } from "../audit/connection/connection";
import { listVisibleSubscriptions } from "../audit/inventory/subscriptions";
import { createLimiter } from "../audit/limiter";
import { collectPages } from "../audit/paging";
import { AuditSetupError } from "../audit/setupError";
import { RolesReport, azureEntries } from "./roleEntries";

export interface ListRolesOptions extends ConnectionOptions {
  /** Azure region name, e.g. `westeurope`. */
  readonly location: string;
  /** The subscription to ask with; defaults to the first the credential can see. */
  readonly subscriptionId?: string;
}

/** The roles Azure offers in a region (`trustedAccessRoles.list`, all pages). */
export async function listRoles(options: ListRolesOptions): Promise<RolesReport> {
  const connection = await connect(options);
  const limit = createLimiter(1);
  const subscriptionId =
    options.subscriptionId ?? (await listVisibleSubscriptions(connection, limit))[0].subscription.id;
  try {
    const roles = await collectPages(
      limit,
      connection.containerService(subscriptionId).trustedAccessRoles.list(options.location),
    );
    return { source: "azure", location: options.location, subscriptionId, roles: azureEntries(roles) };
  } catch (err) {
    throw new AuditSetupError(
      `Could not list the Trusted Access roles of ${options.location} with subscription ${subscriptionId}: ` +
        describeAzureError(err),
    );
  }
}
