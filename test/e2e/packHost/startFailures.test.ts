import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PackStartError, liveProcessCount, startPolicyPack } from "../../../cli/packHost";
import { fixturePack } from "../support/processes";

/** Runs `start` and returns the PackStartError it must fail with. */
async function startError(dir: string): Promise<PackStartError> {
  try {
    const session = await startPolicyPack(dir);
    await session.close();
  } catch (err) {
    assert.ok(err instanceof PackStartError, `expected a PackStartError, got ${String(err)}`);
    return err;
  }
  assert.fail(`the pack in ${dir} started, but it should not have`);
}

describe("starting a policy pack that cannot run", function () {
  this.timeout(120_000);

  afterEach(() => {
    assert.strictEqual(liveProcessCount(), 0, "a failed start must not leave a pack process behind");
  });

  it("names a folder that does not exist", async () => {
    const dir = fixturePack("no-such-pack");
    const err = await startError(dir);
    assert.strictEqual(err.message, `policy pack "${dir}" failed to start: no such folder`);
  });

  it("rejects a folder without PulumiPolicy.yaml", async () => {
    const dir = path.dirname(fixturePack("probePack"));
    const err = await startError(dir);
    assert.strictEqual(
      err.message,
      `policy pack "${dir}" failed to start: the folder has no PulumiPolicy.yaml, so it is not a policy pack`,
    );
  });

  it("rejects a pack of another runtime, read from the mapping form of runtime", async () => {
    const dir = fixturePack("pythonPack");
    const err = await startError(dir);
    assert.strictEqual(
      err.message,
      `policy pack "${dir}" failed to start: PulumiPolicy.yaml declares runtime "python"; ` +
        'only "runtime: nodejs" packs can run here',
    );
  });

  it("says to install dependencies when run-policy-pack cannot be resolved from the pack folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pack-without-deps-"));
    try {
      fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
      const err = await startError(dir);
      assert.strictEqual(
        err.message,
        `policy pack "${dir}" failed to start: cannot find @pulumi/pulumi/cmd/run-policy-pack from the pack ` +
          `folder; its dependencies are not installed (run "npm install" in "${dir}")`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("carries the stderr of a pack that throws while loading", async () => {
    const dir = fixturePack("brokenPack");
    const err = await startError(dir);
    assert.ok(
      err.message.startsWith(
        `policy pack "${dir}" failed to start: it exited with code 32 before it printed its Analyzer port\n` +
          "--- pack stderr ---\n",
      ),
      err.message,
    );
    assert.match(err.stderr, /Error: broken-pack refuses to start: the fixture is broken on purpose/);
    assert.doesNotMatch(err.stderr, /\x1b\[/, "colour codes are stripped from the pack's output");
  });

  it("rejects a pack whose first line of output is not its port", async () => {
    const dir = fixturePack("chattyPack");
    const err = await startError(dir);
    assert.strictEqual(
      err.message,
      `policy pack "${dir}" failed to start: its first line of output should be its Analyzer port, ` +
        'got "hello from chatty-pack"',
    );
  });
});
