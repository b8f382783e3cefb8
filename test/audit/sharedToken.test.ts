import { strict as assert } from "node:assert";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { sharedTokenCredential } from "../../cli/audit/connection/sharedToken";

const HOUR = 3600_000;

/** A credential that counts its calls and hands out tokens the test controls. */
function countingCredential(expiresIn: number, now: () => number): TokenCredential & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async getToken(scopes: string | string[]): Promise<AccessToken> {
      const scope = ([] as string[]).concat(scopes).join(" ");
      calls.push(scope);
      return { token: `token-${calls.length}`, expiresOnTimestamp: now() + expiresIn };
    },
  };
}

describe("sharedTokenCredential", () => {
  it("asks the credential once for many concurrent requests of one scope", async () => {
    let now = 0;
    const inner = countingCredential(HOUR, () => now);
    const shared = sharedTokenCredential(inner, () => now);
    const tokens = await Promise.all(
      Array.from({ length: 20 }, () => shared.getToken("https://management.azure.com/.default")),
    );
    assert.deepEqual(new Set(tokens.map((t) => t?.token)), new Set(["token-1"]));
    now += 30 * 60_000;
    assert.equal((await shared.getToken("https://management.azure.com/.default"))?.token, "token-1");
    assert.deepEqual(inner.calls, ["https://management.azure.com/.default"]);
  });

  it("renews a token within five minutes of its expiry", async () => {
    let now = 0;
    const inner = countingCredential(HOUR, () => now);
    const shared = sharedTokenCredential(inner, () => now);
    await shared.getToken("s/.default");
    now = HOUR - 5 * 60_000;
    assert.equal((await shared.getToken("s/.default"))?.token, "token-2");
  });

  it("keeps tokens of different scopes apart", async () => {
    const inner = countingCredential(HOUR, () => 0);
    const shared = sharedTokenCredential(inner, () => 0);
    await shared.getToken("a/.default");
    await shared.getToken(["b/.default"]);
    await shared.getToken("a/.default");
    assert.deepEqual(inner.calls, ["a/.default", "b/.default"]);
  });

  it("does not keep a failure: the next request asks again", async () => {
    let fail = true;
    const shared = sharedTokenCredential({
      getToken: async () => {
        if (fail) throw new Error("not signed in");
        return { token: "ok", expiresOnTimestamp: Date.now() + HOUR };
      },
    });
    await assert.rejects(shared.getToken("s"), /not signed in/);
    fail = false;
    assert.equal((await shared.getToken("s"))?.token, "ok");
  });
});
