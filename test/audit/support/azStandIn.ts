import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const TEST_TOKEN = "test-token-for-the-loopback-arm";

export interface AzStandIn {
  /** Put this first on PATH. */
  readonly dir: string;
  /** The argument lines of every call so far. */
  calls(): string[];
}

/**
 * An `az` for `AzureCliCredential` to run: it logs its arguments and prints what `az account get-access-token
 * --output json` prints, or, when `signedIn` is false, the error the real `az` gives before `az login`.
 */
export function makeAzStandIn(parent: string, signedIn: boolean): AzStandIn {
  const dir = join(parent, signedIn ? "az-signed-in" : "az-signed-out");
  mkdirSync(dir, { recursive: true });
  const log = join(dir, "calls.log");
  const expiresOn = Math.floor(Date.now() / 1000) + 3600;
  const token = JSON.stringify({
    accessToken: TEST_TOKEN,
    expiresOn: new Date(expiresOn * 1000).toISOString().replace("T", " ").slice(0, 19),
    expires_on: expiresOn,
    subscription: "11111111-1111-1111-1111-111111111111",
    tenant: "99999999-9999-9999-9999-999999999999",
    tokenType: "Bearer",
  });
  const body = signedIn
    ? `cat <<'JSON'\n${token}\nJSON\n`
    : `echo "ERROR: Please run 'az login' to setup account." >&2\nexit 1\n`;
  const script = join(dir, "az");
  writeFileSync(script, `#!/bin/sh\necho "$*" >> '${log}'\n${body}`);
  chmodSync(script, 0o755);
  return {
    dir,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, "utf8")
            .split("\n")
            .filter((l) => l !== "")
        : [],
  };
}
