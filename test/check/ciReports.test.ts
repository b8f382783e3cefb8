import * as assert from "assert";
import { expected } from "./support/expected";
import { FIXTURES, runCli } from "./support/runCli";

describe("check: the reports for CI (Markdown)", function () {
  this.timeout(180_000);

  it("prints Markdown for a job summary of a failing program: the verdict, then the violation with its fix", async () => {
    const run = await runCli(["check", `${FIXTURES}/cluster-without-binding`, "--output", "markdown"]);
    assert.strictEqual(run.stdout, expected("cluster-without-binding.md"));
    assert.strictEqual(run.stderr, "");
    assert.strictEqual(run.code, 1);
  });

  it("prints Markdown of a passing program: advisory violations in the table, skipped checks counted", async () => {
    const run = await runCli(["check", "--output", "markdown"]);
    assert.strictEqual(run.stdout, expected("basic.md"));
    assert.strictEqual(run.code, 0, run.stderr);
  });
});
