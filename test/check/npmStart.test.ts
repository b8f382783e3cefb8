import * as assert from "assert";
import { execFileSync, spawn } from "child_process";
import { REPO } from "./support/runCli";

// The README's main command: on a fresh clone `npm ci` builds dist/ (the `prepare` script) and `npm start` checks
// the root stack, examples/basic. Built again here so the test never runs a stale dist/.
/** Runs a command in the repository to its end: its exit code and what it printed. */
function runToEnd(
  command: string,
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
  child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

describe("npm start", function () {
  this.timeout(300_000);

  before(() => {
    execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO, stdio: "pipe" });
  });

  it("checks examples/basic with the repository's own pack (./policypack) and exits 0: no mandatory violation", async () => {
    const { code, stdout, stderr } = await runToEnd("npm", ["start"]);
    assert.strictEqual(code, 0, `stdout:\n${stdout}\nstderr:\n${stderr}`);
    assert.match(
      stdout,
      /Previewing stack "check" of project "aks-trusted-access-basic" \(examples\/basic\/index\.ts\)/,
    );
    assert.match(stdout, / \+ {3}├─ aks-trusted-access:index:AksCluster /);
    // The example's own tsconfig (Pulumi.yaml's runtime.options.tsconfig) holds only options TypeScript 7 keeps: the
    // newcomer's first command type-checks with it and prints no note of this package's making.
    assert.match(stdout, /\nType-checked with TypeScript 7\.\d+\.\d+ \(native tsc\)\.\n/);
    assert.doesNotMatch(stderr, /^note:/m);
    // The advisory note is located at the program's line that declares the AksCluster, not inside this package.
    assert.match(stdout, /: aks-ml {2}at examples\/basic\/index\.ts:\d+\n/);
    assert.doesNotMatch(stdout, /at (components|policypack|cli)\//);
    assert.match(stdout, /\n {4}[✅⚠️]+ aks-trusted-access@v0\.1\.0 \(local: policypack\)\n/u);
    assert.match(
      stdout,
      // The ML workspace's and the backup vault's ids, and the cluster's name, are known only after deployment.
      /\nPolicy violations: 0 mandatory, \d+ advisory \(9 policies in 1 pack\)\.\n3 checks skipped: values known only after deployment \(3 mandatory, 0 advisory\)\.\nPASSED, but 3 checks of mandatory policies could not run: no mandatory policy is violated by the values known before deployment\.\n$/,
    );
  });

  it("starts check again with the Node settings measured to help large programs, which the program's process has", async () => {
    const { code, stdout, stderr } = await runToEnd(process.execPath, [
      "cli/bin/aks-trusted-access.js",
      "check",
      "test/check/fixtures/node-settings",
      "--output",
      "json",
    ]);
    assert.strictEqual(code, 0, `stdout:\n${stdout}\nstderr:\n${stderr}`);
    const report = JSON.parse(stdout) as { logs: { message: string }[] };
    assert.deepStrictEqual(
      report.logs.map((l) => l.message),
      ["node flags: --max-semi-space-size=64"],
    );
  });
});
