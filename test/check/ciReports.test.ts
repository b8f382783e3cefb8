import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Log } from "sarif";
import { caseOutcomes, junitSchemaErrors, parseJunit } from "../support/junitReport";
import { expected } from "./support/expected";
import { FIXTURES, runCli } from "./support/runCli";

describe("check: the reports for CI (Markdown, JUnit, several in one run)", function () {
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

  it("prints JUnit XML that a JUnit parser reads and Jenkins' schema accepts: a failure per mandatory violation", async () => {
    const run = await runCli(["check", `${FIXTURES}/invalid-binding`, "--output", "junit"]);
    assert.strictEqual(run.code, 1, run.stderr);
    assert.deepStrictEqual(await junitSchemaErrors(run.stdout), []);
    const parsed = await parseJunit(run.stdout);
    const cluster = "aks (azure-native:containerservice:ManagedCluster)";
    const binding = "backup (azure-native:containerservice:TrustedAccessRoleBinding)";
    assert.deepStrictEqual(
      caseOutcomes(parsed).map((c) => c.replace(/(failure: .{40}).*/, "$1…")),
      [
        "aks-cluster-system-assigned-identity | the stack | passed",
        `aks-kms-private-key-vault | ${cluster} | passed`,
        `aks-node-os-auto-upgrade | ${cluster} | passed`,
        "aks-node-pool-fips | the stack | passed",
        `aks-private-cluster | ${cluster} | passed`,
        "aks-trusted-access-binding-limits | the stack | passed",
        `aks-trusted-access-binding-valid | ${binding} | failure: Trusted Access role binding "backup": so…`,
        "aks-trusted-access-privileged-roles | the stack | passed",
        "aks-trusted-access-required | the stack | passed",
      ],
    );
    assert.deepStrictEqual([parsed.tests, parsed.failures, parsed.errors], [9, 1, 0]);
    // Both violations of the binding are in the one failing case, and the advisory ones in system-out.
    const cases = parsed.testsuite?.[0].testcase ?? [];
    assert.strictEqual(cases[6].failure?.[0].inner?.match(/^\[mandatory\]/gm)?.length, 2);
    assert.match(
      cases[1]["system-out"]?.[0] ?? "",
      /^\[advisory\] \(test\/check\/fixtures\/invalid-binding\/index.ts:3\) AKS cluster "aks"/,
    );
  });

  it("makes each check skipped on a value known only after deployment a skipped JUnit case", async () => {
    const run = await runCli(["check", `${FIXTURES}/skipped-checks`, "--output", "junit"]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.deepStrictEqual(await junitSchemaErrors(run.stdout), []);
    const skipped = caseOutcomes(await parseJunit(run.stdout)).filter((c) => c.includes("| skipped: "));
    assert.strictEqual(skipped.length, 2, skipped.join("\n"));
    for (const c of skipped) assert.match(c, /\| skipped: known only after deployment: /);
  });

  it("writes text to stdout and SARIF, JUnit, Markdown and JSON files from one run with --report", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-check-reports-"));
    try {
      const file = (name: string): string => path.join(dir, "reports", name);
      const run = await runCli([
        "check",
        `${FIXTURES}/cluster-without-binding`,
        "--output",
        "text",
        "--report",
        `sarif=${file("out.sarif")}`,
        "--report",
        `junit=${file("out.xml")}`,
        "--report",
        `markdown=${file("summary.md")}`,
        "--report",
        `json=${file("report.json")}`,
      ]);
      assert.strictEqual(run.code, 1, run.stderr);
      assert.ok(run.stdout.startsWith('Previewing stack "check" of project "cluster-without-binding"'));
      assert.ok(run.stdout.endsWith("FAILED: a mandatory policy is violated.\n"));
      assert.strictEqual(fs.readFileSync(file("summary.md"), "utf8"), expected("cluster-without-binding.md"));
      const sarif = JSON.parse(fs.readFileSync(file("out.sarif"), "utf8")) as Log;
      assert.deepStrictEqual(
        sarif.runs[0].results?.map((r) => r.ruleId),
        ["aks-trusted-access-required"],
      );
      const junit = fs.readFileSync(file("out.xml"), "utf8");
      assert.deepStrictEqual(await junitSchemaErrors(junit), []);
      assert.deepStrictEqual(
        caseOutcomes(await parseJunit(junit))
          .filter((c) => !c.endsWith("| passed"))
          .map((c) => c.slice(0, 101)),
        [
          "aks-trusted-access-required | aks (azure-native:containerservice:ManagedCluster) | failure: AKS clust",
        ],
      );
      const json = JSON.parse(fs.readFileSync(file("report.json"), "utf8")) as { verdict: string };
      assert.strictEqual(json.verdict, "fail");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a bad --report before running anything, naming the flag, the value and the formats (exit 2)", async () => {
    const run = await runCli(["check", `${FIXTURES}/cluster-without-binding`, "--report", "xml=out.xml"]);
    assert.strictEqual(
      run.stderr,
      'error: --report "xml=out.xml" names the format "xml", which this command does not write: give one of ' +
        "text, json, sarif, markdown, junit.\n",
    );
    assert.strictEqual(run.stdout, "");
    assert.strictEqual(run.code, 2);
  });
});
