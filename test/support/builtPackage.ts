import { execFileSync } from "child_process";
import * as path from "path";

export const REPO = path.resolve(__dirname, "..", "..");

/** The commands as `npm ci` leaves them: the compiled entry point that `npx aks-trusted-access` runs. */
export const CLI_BIN = path.join(REPO, "cli", "bin", "aks-trusted-access.js");

/**
 * The policy pack package as it ships: its package.json's `main` is the compiled pack (built by {@link ensureBuilt}),
 * as `pulumi preview --policy-pack node_modules/aks-trusted-access-policypack` runs it.
 */
export const SHIPPED_PACK = path.join(REPO, "policypack");

/** The commands' own compiled copy of the pack, which `check` runs when neither the program nor a flag names one. */
export const CLI_PACK = path.join(REPO, "cli", "dist", "policypack");

let builtHere = false;

/**
 * Builds every dist/ unless each was built from the sources as they are now (then the build writes nothing), so that
 * a test of the compiled packages tests these sources. `npm test` builds once before its parallel run; a test file
 * run on its own builds here, once.
 */
export function ensureBuilt(): void {
  if (builtHere) return;
  execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO, stdio: "inherit" });
  builtHere = true;
}
