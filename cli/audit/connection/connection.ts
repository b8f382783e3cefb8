import type { TokenCredential } from "@azure/core-auth";
import { ContainerServiceClient } from "@azure/arm-containerservice";
import { ResourceGraphClient } from "@azure/arm-resourcegraph";
import { SubscriptionClient } from "@azure/arm-resources-subscriptions";
import { azureErrorPolicy } from "./azureErrorPolicy";
import { CLOUD_ENDPOINTS } from "./cloudEndpoints";
import type { Cloud } from "./clouds";
import type { CredentialKind } from "./credentialKinds";
import { createCredential, signInFailure } from "./credentials";
import { sharedTokenCredential } from "./sharedToken";
import { AuditSetupError } from "../setupError";

/** Where Azure is and how to sign in: the options `audit` and `roles` share. */
export interface ConnectionOptions {
  /** The Azure cloud. Defaults to `AzureCloud`. */
  readonly cloud: Cloud;
  /** Resource Manager URL for Azure Stack and private endpoints; overrides the cloud's. Must be https. */
  readonly armEndpoint?: string;
  /** Token audience; defaults to the cloud's Resource Manager URL (Azure Stack Hub has its own). */
  readonly audience?: string;
  /** How to sign in. Defaults to `default`, the SDK's `DefaultAzureCredential` chain. */
  readonly credential: CredentialKind;
  /**
   * PEM certificates to trust instead of the system's, for a private endpoint with its own CA. Not a CLI flag
   * (`NODE_EXTRA_CA_CERTS` serves users); in-process callers such as the benchmark use it.
   */
  readonly trustedCa?: string;
}

/** SDK clients that share one credential, endpoint and token audience. */
export interface Connection {
  readonly endpoint: string;
  readonly subscriptions: () => SubscriptionClient;
  readonly containerService: (subscriptionId: string) => ContainerServiceClient;
  readonly resourceGraph: () => ResourceGraphClient;
}

const USER_AGENT = { userAgentPrefix: "aks-trusted-access" };

/**
 * Signs in (once, before any Azure call, so a credential problem is reported as such) and returns client
 * factories. The clients keep the SDK's own retry policy: `Retry-After` on 429 and 503, exponential backoff on
 * other 5xx and connection errors, 3 retries.
 */
export async function connect(options: ConnectionOptions): Promise<Connection> {
  const cloud = CLOUD_ENDPOINTS[options.cloud];
  const endpoint = (options.armEndpoint ?? cloud.armEndpoint).replace(/\/+$/, "");
  const scope = `${(options.audience ?? cloud.armEndpoint).replace(/\/+$/, "")}/.default`;
  let credential: TokenCredential;
  try {
    credential = sharedTokenCredential(createCredential(options.credential, cloud.authorityHost));
    const token = await credential.getToken(scope);
    if (token === null) throw new Error("the credential returned no token");
  } catch (err) {
    const reason = err instanceof Error ? err.message.trim() : String(err);
    throw new AuditSetupError(signInFailure(options.credential, reason));
  }
  const tlsOptions = options.trustedCa === undefined ? {} : { tlsOptions: { ca: options.trustedCa } };
  const classic = { endpoint, credentialScopes: [scope], userAgentOptions: USER_AGENT, ...tlsOptions };
  // One client per subscription, made on first use: each keeps its own connection pool.
  const containerClients = new Map<string, ContainerServiceClient>();
  const containerService = (subscriptionId: string): ContainerServiceClient => {
    const client =
      containerClients.get(subscriptionId) ??
      new ContainerServiceClient(credential, subscriptionId, {
        endpoint,
        credentials: { scopes: [scope] },
        userAgentOptions: USER_AGENT,
        additionalPolicies: [{ policy: azureErrorPolicy(), position: "perCall" }],
        ...tlsOptions,
      });
    containerClients.set(subscriptionId, client);
    return client;
  };
  return {
    endpoint,
    subscriptions: () => new SubscriptionClient(credential, classic),
    resourceGraph: () => new ResourceGraphClient(credential, classic),
    containerService,
  };
}
