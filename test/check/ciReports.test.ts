import * as assert from "assert";
import { caseOutcomes, junitSchemaErrors, parseJunit } from "../support/junitReport";
import { expected } from "./support/expected";
import { FIXTURES, runCli } from "./support/runCli";

describe("check: the reports for CI (Markdown, JUnit)", function () {
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
});
