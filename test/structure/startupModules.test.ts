import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";
import { REPO, ensureBuilt } from "../support/builtPackage";

/**
 * What loading the commands costs before any command runs. `check` starts its type-check as soon as the CLI is
 * loaded, so every module loaded first delays it: the Azure SDK (only `audit` and `roles` call Azure) and gRPC
 * (loaded once the type-check runs) must not be among them.
 */
const MAIN = path.join(REPO, "cli", "dist", "cli", "main.js");

/** The packages a fresh Node process has loaded after requiring the compiled CLI's entry module. */
function packagesLoadedByMain(): string[] {
  const script =
    `require(${JSON.stringify(MAIN)});` +
    "const names = Object.keys(require.cache).flatMap((file) => {" +
    "  const at = file.lastIndexOf('node_modules/'); if (at < 0) return [];" +
    "  const parts = file.slice(at + 'node_modules/'.length).split('/');" +
    "  return [parts[0].startsWith('@') ? parts[0] + '/' + parts[1] : parts[0]];" +
    "});" +
    "process.stdout.write(JSON.stringify([...new Set(names)].sort()));";
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as string[];
}

describe("the CLI's start", function () {
  this.timeout(120_000);
  before(ensureBuilt);

  it("loads neither the Azure SDK nor gRPC before a command runs", () => {
    const loaded = packagesLoadedByMain();
    assert.ok(loaded.includes("commander"), `expected commander among ${loaded.join(", ")}`);
    const heavy = loaded.filter((name) => name.startsWith("@azure/") || name.startsWith("@grpc/"));
    assert.deepStrictEqual(heavy, [], `loaded at start: ${heavy.join(", ")}`);
  });
});
