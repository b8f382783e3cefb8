import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Log } from "sarif";
import { REPO, ensureBuilt } from "../support/builtPackage";
import { caseOutcomes, junitSchemaErrors, parseJunit } from "../support/junitReport";
import { expected } from "../check/support/expected";
import { ActionRun, runCompositeAction } from "./support/githubActions";
import { NpmStandIn, makeNpmStandIn } from "./support/npmStandIn";

const FIXTURES = "test/check/fixtures";
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string })
  .version;

/**
 * The repository's action.yml, run step by step as a GitHub runner runs a composite action (see githubActions.ts),
 * in this repository as the workspace, with a stand-in npm (no registry) whose installed CLI is this repository's.
 */
describe("action.yml, run as GitHub runs a composite action", function () {
  this.timeout(180_000);
  let temp: string;
  let npm: NpmStandIn;
  const runAction = (inputs: Record<string, string>): ActionRun => {
    const runnerTemp = fs.mkdtempSync(path.join(temp, "runner-"));
    return runCompositeAction({
      actionPath: REPO,
      inputs,
      workspace: REPO,
      runnerTemp,
      env: {
        PATH: `${npm.dir}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: temp,
        // As runCli does: the fixture programs are type-checked by `npm run typecheck`, not once per run.
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      },
    });
  };
  before(() => {
    ensureBuilt();
    temp = fs.mkdtempSync(path.join(os.tmpdir(), "aks-action-"));
    npm = makeNpmStandIn(temp);
  });
  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  describe("on a program that breaks a mandatory policy", () => {
    let run: ActionRun;
    before(() => (run = runAction({ program: `${FIXTURES}/cluster-without-binding` })));

    it("installs the package at the action's own version", () => {
      assert.deepStrictEqual(run.ran, ["install", "check"]);
      const install = npm.calls().at(-1) ?? "";
      assert.match(
        install,
        new RegExp(
          `^install --prefix \\S+/aks-trusted-access-cli --no-save --no-audit --no-fund aks-trusted-access-cli@${VERSION.replace(/\./g, "\\.")}$`,
        ),
      );
    });

    it("fails the step, and the job summary still names the violation", () => {
      assert.strictEqual(run.code, 1, run.stderr);
      assert.strictEqual(run.summary, expected("cluster-without-binding.md"));
      assert.match(
        run.summary,
        /\| aks-trusted-access-required \| aks \(`azure-native:containerservice:ManagedCluster`\)/,
      );
      assert.ok(run.stdout.includes("FAILED: a mandatory policy is violated."), run.stdout);
    });

    it("sets the SARIF and JUnit paths as outputs, and the exit code", async () => {
      assert.strictEqual(run.outputs["exit-code"], "1");
      const sarif = JSON.parse(fs.readFileSync(run.outputs.sarif, "utf8")) as Log;
      assert.deepStrictEqual(
        sarif.runs[0].results?.map((r) => r.ruleId),
        ["aks-trusted-access-required"],
      );
      const junit = fs.readFileSync(run.outputs.junit, "utf8");
      assert.deepStrictEqual(await junitSchemaErrors(junit), []);
      assert.strictEqual(
        caseOutcomes(await parseJunit(junit)).filter((c) => c.includes("| failure: ")).length,
        1,
      );
      assert.strictEqual(fs.readFileSync(run.outputs.markdown, "utf8"), run.summary);
    });
  });

  it("passes every input to check as its option, and passes the step when no mandatory policy is violated", () => {
    const config = path.join(temp, "advisory.json");
    fs.writeFileSync(config, JSON.stringify({ all: "advisory" }));
    const outputDir = path.join(temp, "reports");
    const run = runAction({
      program: `${FIXTURES}/config-and-secrets`,
      stack: "dev",
      config: "config-and-secrets:nodeCount=5\n\nlocation=northeurope\n",
      "config-path": "true",
      "policy-pack": "cli/dist/policypack",
      "policy-pack-config": config,
      tsc: "ts-node",
      "output-dir": outputDir,
    });
    assert.strictEqual(run.code, 0, run.stderr);
    assert.deepStrictEqual(npm.cliCalls().at(-1), [
      "check",
      `${FIXTURES}/config-and-secrets`,
      "--output",
      "text",
      "--report",
      `sarif=${outputDir}/aks-trusted-access.sarif`,
      "--report",
      `junit=${outputDir}/aks-trusted-access.xml`,
      "--report",
      `markdown=${outputDir}/aks-trusted-access.md`,
      "--stack",
      "dev",
      "-c",
      "config-and-secrets:nodeCount=5",
      "-c",
      "location=northeurope",
      "--config-path",
      "--policy-pack",
      "cli/dist/policypack",
      "--policy-pack-config",
      config,
      "--tsc",
      "ts-node",
    ]);
    // The config reached the program: it logs the values it read.
    assert.ok(run.stdout.includes("cluster aks-dev in northeurope with 5 nodes"), run.stdout);
    assert.strictEqual(run.outputs.junit, `${outputDir}/aks-trusted-access.xml`);
    assert.match(run.summary, /^## (✅|⚠️) aks-trusted-access check: passed/);
  });

  it("fails the step with exit 2 when the check cannot run, and says why in the summary, with no report paths", () => {
    const run = runAction({ program: `${FIXTURES}/no-such-program` });
    assert.strictEqual(run.code, 2);
    assert.strictEqual(run.outputs["exit-code"], "2");
    assert.deepStrictEqual([run.outputs.sarif, run.outputs.junit, run.outputs.markdown], ["", "", ""]);
    assert.ok(
      run.summary.startsWith("## ⚠️ aks-trusted-access check could not run (exit 2)\n\n```text\nerror: "),
      run.summary,
    );
    assert.ok(run.summary.includes("no-such-program"), run.summary);
  });
});
