import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";

/** Tokens are renewed this long before they expire, as the SDK's own bearer policy does. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * One token per scope for every client of a run. Each SDK client caches tokens on its own, and the audit makes a
 * client per subscription: without this, `AzureCliCredential` would start `az` once per subscription.
 * Concurrent requests for the same scope share one call of the underlying credential.
 */
export function sharedTokenCredential(inner: TokenCredential, now: () => number = Date.now): TokenCredential {
  const tokens = new Map<string, AccessToken>();
  const pending = new Map<string, Promise<AccessToken | null>>();
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      const key = ([] as string[]).concat(scopes).join(" ");
      const cached = tokens.get(key);
      if (cached !== undefined && cached.expiresOnTimestamp - now() > REFRESH_MARGIN_MS) return cached;
      const inFlight = pending.get(key);
      if (inFlight !== undefined) return inFlight;
      const request = inner.getToken(scopes, options).then(
        (token) => {
          pending.delete(key);
          if (token !== null) tokens.set(key, token);
          return token;
        },
        (err: unknown) => {
          pending.delete(key);
          throw err;
        },
      );
      pending.set(key, request);
      return request;
    },
  };
}
