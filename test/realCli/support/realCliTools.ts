import { REPO } from "../../support/builtPackage";

/* eslint-disable @typescript-eslint/no-require-imports -- the two scripts are plain CommonJS, run by npm too */
const { obtainPulumiCli } = require(`${REPO}/scripts/pulumi-cli.js`) as {
  obtainPulumiCli(options: { build: boolean }): string;
};
const { buildStandin } = require(`${REPO}/scripts/pulumi-standin.js`) as {
  buildStandin(): { version: string; executable: string };
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** What a real-CLI test runs: the folder of `pulumi` and its language host, and the azure-native stand-in. */
export interface RealCliTools {
  readonly binDir: string;
  readonly standin: { readonly version: string; readonly executable: string };
}

/**
 * Why the real-CLI suite cannot run here, or undefined when it can. `npm test` obtains the CLI (building it when Go
 * is there) and the stand-in once, and passes them in AKS_TRUSTED_ACCESS_PULUMI_BIN and
 * AKS_TRUSTED_ACCESS_STANDIN; a test file run on its own looks for them itself, without building the CLI.
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
  const given = process.env.AKS_TRUSTED_ACCESS_STANDIN;
  if (given !== undefined) {
    const [version, executable] = given.split(" ");
    return { binDir, standin: { version, executable } };
  }
  return { binDir, standin: buildStandin() };
}

/**
 * Skips a real-CLI suite where there is no CLI, saying why, and fails it in CI (CI=true), where it must run.
 * Call it in a `before` hook.
 */
export function requireRealCli(context: Mocha.Context): RealCliTools {
  const found = realCliTools();
  if (typeof found !== "string") return found;
  const reason = `the real Pulumi CLI is not available: ${found}; run \`npm run pulumi:cli\` (needs Go) or set PULUMI_CLI`;
  if (process.env.CI === "true") throw new Error(reason);
  return context.skip();
}
