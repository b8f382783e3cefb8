import * as assert from "assert";
import { descendantProcesses, isRunning, waitFor } from "./support/processes";
import { FIXTURES, runCli } from "./support/runCli";

describe("check: policy pack processes never outlive the check", function () {
  this.timeout(180_000);

  it("stops the pack on Ctrl-C (SIGINT) while the program is still running", async () => {
    let cli = 0;
    const finished = runCli(["check", `${FIXTURES}/never-finishes`], { onSpawn: (pid) => (cli = pid) });
    try {
      const packOf = (): number | undefined =>
        descendantProcesses(cli).find((p) => p.cmdline.includes("run-policy-pack"))?.pid;
      assert.ok(await waitFor(() => packOf() !== undefined, 120_000), "the pack process never started");
      const pack = packOf() as number;
      process.kill(cli, "SIGINT");
      const run = await finished;
      assert.strictEqual(run.signal, "SIGINT", `exited with ${run.code}: ${run.stderr}`);
      assert.ok(await waitFor(() => !isRunning(pack), 5_000), `pack process ${pack} still runs`);
    } finally {
      if (cli !== 0 && isRunning(cli)) process.kill(cli, "SIGKILL");
    }
  });

  it("stops the pack when the program fails", async () => {
    let cli = 0;
    const packs = new Set<number>();
    const watcher = setInterval(() => {
      for (const p of descendantProcesses(cli)) if (p.cmdline.includes("run-policy-pack")) packs.add(p.pid);
    }, 50);
    try {
      const run = await runCli(["check", `${FIXTURES}/throws`], { onSpawn: (pid) => (cli = pid) });
      assert.strictEqual(run.code, 2, run.stderr);
      assert.ok(packs.size > 0, "the pack process was never seen");
      for (const pack of packs) assert.strictEqual(isRunning(pack), false, `pack process ${pack} still runs`);
    } finally {
      clearInterval(watcher);
    }
  });
});
