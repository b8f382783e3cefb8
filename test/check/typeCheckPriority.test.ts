import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO } from "../support/builtPackage";

const PRIORITY = path.join(REPO, "cli", "check", "program", "typeCheckPriority.ts");

/** The nice value of each thread of a fresh Node process, before and after it calls yieldToTypeCheck. */
function nicesAroundYield(): { before: number[]; after: number[] } {
  const script =
    "const fs = require('fs');" +
    "const nices = () => fs.readdirSync('/proc/self/task').map((t) =>" +
    "  Number(fs.readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1].split(' ')[16]));" +
    "const before = nices();" +
    `require(${JSON.stringify(PRIORITY)}).yieldToTypeCheck();` +
    "process.stdout.write(JSON.stringify({ before, after: nices() }));";
  const output = execFileSync(
    process.execPath,
    ["-r", require.resolve("ts-node/register/transpile-only"), "-e", script],
    { encoding: "utf8", cwd: REPO },
  );
  return JSON.parse(output) as { before: number[]; after: number[] };
}

describe("check: the program and packs run below the type-check", function () {
  this.timeout(60_000);

  before(function () {
    if (!fs.existsSync("/proc/self/task")) this.skip(); // Linux only: elsewhere a priority is the process's
    if (os.getPriority() + 10 > 19) this.skip(); // already so low that nothing could change
  });

  it("lowers every thread of the process, V8's included, by 10 nice values", () => {
    const { before, after } = nicesAroundYield();
    assert.ok(before.length > 1, `expected several threads, got ${before.length}`);
    const expected = os.getPriority() + 10;
    assert.deepStrictEqual(
      after,
      after.map(() => expected),
      `nice values before ${before.join(", ")}, after ${after.join(", ")}`,
    );
  });
});
