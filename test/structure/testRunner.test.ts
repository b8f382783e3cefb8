import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { REPO } from "../support/builtPackage";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script, as npm runs it
const runner = require("../../scripts/test.js") as { SLOWEST_FIRST: string[]; testFiles(): string[] };

describe("npm test's runner (scripts/test.js)", () => {
  it("runs every test file once, the slowest first", () => {
    const onDisk = (fs.readdirSync(path.join(REPO, "test"), { recursive: true }) as string[])
      .filter((file) => file.endsWith(".test.ts"))
      .map((file) => `test/${file.split(path.sep).join("/")}`)
      .sort();
    const files = runner.testFiles();
    assert.deepStrictEqual([...files].sort(), onDisk);
    assert.deepStrictEqual(files.slice(0, runner.SLOWEST_FIRST.length), runner.SLOWEST_FIRST);
  });
});
