import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO } from "../../support/builtPackage";
import { PulumiSandbox } from "./pulumiSandbox";

/** The cache of scripts/pulumi-python.js: the wheels of the pins, and a virtual environment with them installed. */
export interface PythonPackages {
  readonly dir: string;
  readonly wheels: string;
  readonly venv: string;
  readonly pins: readonly string[];
}

/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script, run by npm too */
const { obtainPythonPackages } = require(`${REPO}/scripts/pulumi-python.js`) as {
  obtainPythonPackages(): PythonPackages;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The Python packages of examples/python/requirements.txt, downloaded and installed once per digest into a cache
 * folder outside the repository (minutes, cold; `npm test` does it before the tests start). Call it outside the
 * sandbox, in a `before` hook: it needs PyPI the first time. Where Python or PyPI is missing it skips the suite,
 * saying why, and fails it in CI (CI=true), where it must run.
 */
export function requirePythonPackages(context: Mocha.Context): PythonPackages {
  try {
    return obtainPythonPackages();
  } catch (err) {
    if (process.env.CI === "true") throw err;
    console.log(`skipped: no Python packages for the Python consumer tests: ${(err as Error).message}`);
    return context.skip();
  }
}

/**
 * Makes pip inside the sandbox install from the cache's wheels only, as a real `pip install` with no network:
 * Pulumi's pip toolchain then upgrades pip's tools and installs requirements.txt from there.
 */
export function installOffline(sandbox: PulumiSandbox, packages: PythonPackages): void {
  sandbox.env.PIP_NO_INDEX = "1";
  sandbox.env.PIP_FIND_LINKS = packages.wheels;
  sandbox.env.PIP_DISABLE_PIP_VERSION_CHECK = "1";
}

/**
 * Gives a project the cached virtual environment as its own `venv` folder, with the pins already installed: site
 * packages as hard links (under a second, where a fresh install of pulumi-azure-native takes a minute or more),
 * bin/ and pyvenv.cfg as copies, because `python -m venv` (which Pulumi's pip toolchain runs again at every
 * install) rewrites those files in place and must not write through to the cache.
 */
export function giveVirtualEnv(packages: PythonPackages, projectDir: string, folder = "venv"): string {
  const target = path.join(projectDir, folder);
  fs.rmSync(target, { recursive: true, force: true });
  try {
    execFileSync("cp", ["-al", packages.venv, target]);
  } catch {
    // Another file system than the cache's: a plain copy (a few seconds).
    execFileSync("cp", ["-a", packages.venv, target]);
  }
  for (const file of [
    "pyvenv.cfg",
    ...fs.readdirSync(path.join(target, "bin")).map((f) => path.join("bin", f)),
  ]) {
    const full = path.join(target, file);
    if (!fs.lstatSync(full).isFile()) continue;
    const data = fs.readFileSync(full);
    const mode = fs.statSync(full).mode;
    fs.rmSync(full);
    fs.writeFileSync(full, data, { mode });
  }
  return target;
}
