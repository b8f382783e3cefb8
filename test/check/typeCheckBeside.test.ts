import * as assert from "assert";
import * as path from "path";
import { CompileError } from "../../cli/check/program/programFailure";
import { startProgram } from "../../cli/check/program/programRunner";
import { readPulumiProject } from "../../cli/check/program/pulumiProject";
import { readStackConfig } from "../../cli/check/program/stackConfig";
import { liveProcessCount } from "../../cli/packHost/liveProcesses";
import { FIXTURES, REPO } from "./support/runCli";

// In this process: the program runs transpile-only under the mocks while a separate process type-checks it.
describe("check: the program's type-check runs beside the program, in a process of its own", function () {
  this.timeout(180_000);
  const dir = path.join(REPO, FIXTURES, "does-not-compile");
  const start = () => {
    const project = readPulumiProject(dir);
    return startProgram(project, readStackConfig(project));
  };
  const COMPILE_ERROR =
    `The program ${FIXTURES}/does-not-compile/index.ts does not compile:\nUnable to compile TypeScript:\n` +
    "index.ts(4,34): error TS7030: Not all code paths return a value.\n";

  it("runs the program transpile-only, and the checker's answer carries the compiler's file, line, code and message", async () => {
    const run = await start();
    // The program ran to its end although it does not compile: only the separate checker type-checked it.
    assert.deepStrictEqual(
      run.stack.resources.map((r) => r.type),
      ["pulumi:pulumi:Stack", "azure-native:resources:ResourceGroup"],
    );
    await assert.rejects(run.typeChecked, (err: unknown) => {
      assert.ok(err instanceof CompileError, String(err));
      assert.strictEqual(err.message, COMPILE_ERROR);
      return true;
    });
    assert.strictEqual(liveProcessCount(), 0);
  });

  it("type-checks nothing under PULUMI_NODEJS_TRANSPILE_ONLY=true, as Pulumi's host does: the program's own error is reported", async () => {
    process.env["PULUMI_NODEJS_TRANSPILE_ONLY"] = "true";
    try {
      const project = readPulumiProject(path.join(REPO, FIXTURES, "type-errors"));
      await assert.rejects(startProgram(project, readStackConfig(project)), {
        message:
          `The program ${FIXTURES}/type-errors/index.ts failed (at ${FIXTURES}/type-errors/index.ts:10:7): the ` +
          "program ran although it does not compile",
      });
      assert.strictEqual(liveProcessCount(), 0);
    } finally {
      delete process.env["PULUMI_NODEJS_TRANSPILE_ONLY"];
    }
  });

  it("stop() ends a type-check still running", async () => {
    const run = await start();
    run.stop();
    await assert.rejects(run.typeChecked, { message: "The type-check was stopped." });
    assert.strictEqual(liveProcessCount(), 0);
  });
});
