import * as assert from "assert";
import { spawn } from "child_process";
import * as path from "path";
import { PackCallError, liveProcessCount, startPolicyPack, withPolicyPack } from "../../../cli/packHost";
import { AnalyzerConnection } from "../../../cli/packHost/analyzerClient";
import { fixturePack, isRunning } from "../support/processes";

const PACK = fixturePack("probePack");

async function until(condition: () => boolean): Promise<void> {
  // Polls; mocha's timeout bounds the wait, so no timing threshold is asserted here.
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Runs fixtures/hostThatForgetsToClose.ts; resolves with the pack's pid and the host's exit once it has ended. */
function runForgetfulHost(
  mode: "exit" | "wait",
  whenStarted: (hostPid: number) => void = () => undefined,
): Promise<{ packPid: number; code: number | null; signal: NodeJS.Signals | null }> {
  const script = path.join(__dirname, "..", "fixtures", "hostThatForgetsToClose.ts");
  const host = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", script, mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let packPid = 0;
  host.stdout.setEncoding("utf8").on("data", (text: string) => {
    if (packPid === 0 && /^\d+\s*$/.test(text)) {
      packPid = Number(text.trim());
      whenStarted(host.pid ?? 0);
    }
  });
  return new Promise((resolve) => host.once("exit", (code, signal) => resolve({ packPid, code, signal })));
}

describe("the life of a pack process", function () {
  this.timeout(120_000);

  it("is stopped by close(), which may be called twice", async () => {
    const session = await startPolicyPack(PACK);
    assert.ok(isRunning(session.pid));
    await session.close();
    await session.close();
    assert.ok(!isRunning(session.pid), "the pack process must be gone after close()");
    assert.strictEqual(liveProcessCount(), 0);
  });

  it("reports the port it serves its Analyzer on, which a client of its own can call", async () => {
    await withPolicyPack(PACK, {}, async (session) => {
      const own = new AnalyzerConnection(session.port);
      try {
        const info = await own.getAnalyzerInfo();
        assert.strictEqual(info.getName(), (await session.info()).name);
      } finally {
        own.close();
      }
    });
  });

  it("refuses calls after close(), saying the session is closed", async () => {
    const session = await startPolicyPack(PACK);
    await session.close();
    await assert.rejects(
      session.info(),
      new PackCallError(session.dir, "GetAnalyzerInfo", "the session is closed"),
    );
  });

  it("is stopped by withPolicyPack even when the callback throws", async () => {
    let pid = 0;
    await assert.rejects(
      withPolicyPack(PACK, {}, async (session) => {
        pid = session.pid;
        throw new Error("the caller failed");
      }),
      /^Error: the caller failed$/,
    );
    assert.ok(pid > 0);
    assert.ok(!isRunning(pid), "the pack process must be gone after withPolicyPack");
  });

  it("makes the next call fail with the pack's exit when the pack dies mid-session", async () => {
    const session = await startPolicyPack(PACK);
    try {
      process.kill(session.pid, "SIGKILL");
      await until(() => liveProcessCount() === 0);
      await assert.rejects(session.info(), (err: unknown) => {
        assert.ok(err instanceof PackCallError);
        assert.ok(
          err.message.startsWith(
            `policy pack "${PACK}": GetAnalyzerInfo failed: the pack killed by SIGKILL (`,
          ),
          err.message,
        );
        return true;
      });
    } finally {
      await session.close();
    }
  });

  it("dies with a host that exits without closing it", async () => {
    const { packPid, code } = await runForgetfulHost("exit");
    assert.strictEqual(code, 0);
    assert.ok(packPid > 0, "the host printed the pack's pid");
    await until(() => !isRunning(packPid));
  });

  it("dies with a host stopped by SIGTERM, and the host still ends by that signal", async () => {
    const { packPid, signal } = await runForgetfulHost("wait", (hostPid) => process.kill(hostPid, "SIGTERM"));
    assert.strictEqual(signal, "SIGTERM", "the host's default reaction to SIGTERM is kept");
    assert.ok(packPid > 0, "the host printed the pack's pid");
    await until(() => !isRunning(packPid));
  });

  it("dies soon after a host killed by SIGKILL, which had no chance to stop it", async () => {
    const { packPid, signal } = await runForgetfulHost("wait", (hostPid) => process.kill(hostPid, "SIGKILL"));
    assert.strictEqual(signal, "SIGKILL");
    assert.ok(packPid > 0, "the host printed the pack's pid");
    await until(() => !isRunning(packPid));
  });
});
