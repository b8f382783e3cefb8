import { execFileSync } from "child_process";
import * as path from "path";
import { StaleBuildError, readBuiltSchema } from "../../plugin/builtSchema";

export const REPO = path.resolve(__dirname, "..", "..");

/** The CLI as `npm ci` leaves it: the compiled entry point that `npx aks-trusted-access` runs. */
export const CLI_BIN = path.join(REPO, "bin", "aks-trusted-access.js");

/**
 * The policy pack as installed, compiled (built by {@link ensureBuilt}). A program checked from the repository root
 * gets the root's TypeScript pack, which type-checks itself for seconds at each start: `npm start`'s test runs that.
 */
export const SHIPPED_PACK = path.join(REPO, "dist", "policypack");

let builtHere = false;

/**
 * Builds dist/ unless it was built from the sources as they are now, so that a test of the compiled package tests
 * these sources. `npm test` builds once before its parallel run; a test file run on its own builds here, once.
 */
export function ensureBuilt(): void {
  if (builtHere) return;
  try {
    readBuiltSchema(REPO);
  } catch (err) {
    if (!(err instanceof StaleBuildError)) throw err;
    execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO, stdio: "inherit" });
  }
  builtHere = true;
}
