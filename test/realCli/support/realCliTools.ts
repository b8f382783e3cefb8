import { REPO } from "../../support/builtPackage";
import { ISOLATES_NETWORK } from "./pulumiSandbox";

/* eslint-disable @typescript-eslint/no-require-imports -- the two scripts are plain CommonJS, run by npm too */
const { obtainPulumiCli } = require(`${REPO}/scripts/pulumi-cli.js`) as {
  obtainPulumiCli(options: { build: boolean }): string;
};
const { buildStandin } = require(`${REPO}/scripts/pulumi-standin.js`) as {
  buildStandin(name?: string): { version: string; executable: string };
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** What a real-CLI test runs: the folder of `pulumi` and its language host, and the azure-native stand-in. */
export interface RealCliTools {
  readonly binDir: string;
  readonly standin: { readonly version: string; readonly executable: string };
}

/**
 * Why the real-CLI suite cannot run here, or undefined when it can. `npm test` obtains the CLI (building it when Go
 * is there) and the stand-in once, and passes them in AKS_TRUSTED_ACCESS_PULUMI_BIN, AKS_TRUSTED_ACCESS_STANDIN
 * and AKS_TRUSTED_ACCESS_STANDIN_VERSION; a test file run on its own looks for them itself, without building the
 * CLI.
 */
let tools: RealCliTools | string | undefined;

export function realCliTools(): RealCliTools | string {
  tools ??= locate();
  return tools;
}

function locate(): RealCliTools | string {
  const fromRunner = process.env.AKS_TRUSTED_ACCESS_PULUMI_BIN;
  let binDir: string;
  try {
    binDir = fromRunner ?? obtainPulumiCli({ build: false });
  } catch (err) {
    return (err as Error).message;
  }
  const version = process.env.AKS_TRUSTED_ACCESS_STANDIN_VERSION;
  const executable = process.env.AKS_TRUSTED_ACCESS_STANDIN;
  if (version !== undefined && executable !== undefined) return { binDir, standin: { version, executable } };
  return { binDir, standin: buildStandin(`standin-${process.pid}`) };
}

/**
 * Skips a real-CLI suite where there is no CLI (or, with `networkIsolation`, no network namespace), saying why,
 * and fails it in CI (CI=true), where it must run. Call it in a `before` hook.
 */
export function requireRealCli(
  context: Mocha.Context,
  options: { networkIsolation?: boolean } = {},
): RealCliTools {
  const found = realCliTools();
  const reason =
    typeof found === "string"
      ? `the real Pulumi CLI is not available: ${found}; run \`npm run pulumi:cli\` (needs Go) or set PULUMI_CLI`
      : options.networkIsolation === true && !ISOLATES_NETWORK
        ? "unshare --map-root-user --net is refused here, so CLI runs cannot be isolated from the network"
        : undefined;
  if (reason === undefined) return found as RealCliTools;
  if (process.env.CI === "true") throw new Error(reason);
  return context.skip();
}
