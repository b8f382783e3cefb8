import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO, ensureBuilt } from "../support/builtPackage";

// `npm start` and `npm pack` build first, and the tests run the compiled CLI side by side: a build that rewrote dist/
// while another process loads it would break that process. So a build from unchanged sources writes nothing.
describe("npm run build", function () {
  this.timeout(120_000);

  it("does nothing when every dist/ was built from the sources as they are now, and says so", () => {
    ensureBuilt();
    const written = [
      "dist/plugin/schema.json",
      "policypack/dist/policypack/index.js",
      "cli/dist/cli/main.js",
      "cli/dist/policypack/package.json",
    ].map((file) => [file, fs.statSync(path.join(REPO, file)).mtimeMs]);
    const out = execFileSync("npm", ["run", "build"], { cwd: REPO, encoding: "utf8" });
    assert.match(
      out,
      /\nEvery dist\/ is up to date with the sources \(npm run build -- --force builds them anyway\)\.\n$/,
    );
    for (const [file, mtime] of written) {
      assert.strictEqual(fs.statSync(path.join(REPO, file as string)).mtimeMs, mtime, `${file} was written`);
    }
  });

  it("says nothing when npm runs it silently, as `npm start` does before the check", () => {
    ensureBuilt();
    assert.strictEqual(
      execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO, encoding: "utf8" }),
      "",
    );
  });
});
