import * as assert from "assert";
import { execFileSync } from "child_process";
import { ensureBuilt } from "../support/builtPackage";
import { ROOT } from "./support/pluginProcess";

// What this proves: a stack that merely imports the package (its `main`, as a TypeScript or JavaScript program does)
// does not pay for the plugin host: neither the package's host nor the SDK's component provider machinery (with its
// schema analyzer) is loaded. (The SDK's own runtime loads the TypeScript compiler anyway, for closure serialization.)
describe("the package's entry outside a plugin process", function () {
  this.timeout(120_000);

  it("loads neither the package's host nor the SDK's component provider", () => {
    ensureBuilt();
    const script =
      `require(${JSON.stringify(ROOT)});` +
      "const loaded = Object.keys(require.cache);" +
      "console.log(JSON.stringify(loaded.filter((f) => /provider[\\\\/]experimental|plugin[\\\\/]componentHost/.test(f))));";
    const out = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    assert.deepStrictEqual(JSON.parse(out), []);
  });
});
