import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { caseOutcomes, junitSchemaErrors, parseJunit } from "../support/junitReport";
import { TEAM, mainFaults, mainSubscriptions, teamSubscriptions } from "./support/estates";
import { Workbench, expected, expectedJson, makeWorkbench, runScenario } from "./support/scenario";

// The CLI in a child process against a loopback Resource Manager, as in audit.e2e.test.ts.
const MAIN = { subscriptions: mainSubscriptions, faults: mainFaults, pageSize: 2 };
const TEAM_ESTATE = { subscriptions: teamSubscriptions, pageSize: 2 };

describe("aks-trusted-access audit: the reports for CI", function () {
  this.timeout(120_000);
  let bench: Workbench;
  before(() => (bench = makeWorkbench()));

  it("prints Markdown of an incomplete audit: findings, then what could not be read, then advice, each with its fix", async () => {
    const run = await runScenario(bench, MAIN, ["audit", "--all-subscriptions", "--output", "markdown"]);
    assert.equal(run.stdout, expected("main.md"));
    assert.equal(run.stderr, "");
    assert.equal(run.code, 2);
  });

  it("prints Markdown of a passing audit with advisory findings", async () => {
    const run = await runScenario(bench, TEAM_ESTATE, [
      "audit",
      "--subscription",
      TEAM,
      "--output",
      "markdown",
    ]);
    assert.equal(run.stdout, expected("team.md"));
    assert.equal(run.code, 0);
  });

  it("prints JUnit XML: a case per rule and cluster, unreadable mandatory rules and subscriptions as errors", async () => {
    const run = await runScenario(bench, MAIN, ["audit", "--all-subscriptions", "--output", "junit"]);
    assert.equal(run.code, 2);
    assert.deepEqual(await junitSchemaErrors(run.stdout), []);
    const parsed = await parseJunit(run.stdout);
    assert.equal(parsed.name, "aks-trusted-access audit");
    // 6 clusters of 5 rules each, and the subscription that could not be read.
    assert.deepEqual([parsed.tests, parsed.failures, parsed.errors], [31, 3, 2]);
    const outcomes = caseOutcomes(parsed).filter((c) => !c.endsWith("| passed"));
    const short = outcomes.map((c) => c.replace(/: (.{30}).*/, ": $1…"));
    assert.deepEqual(short, [
      "trusted-access-missing | aks-prod-empty (resource group rg-prod) | failure: The cluster has no Trusted Acc…",
      "trusted-access-missing | aks-locked (resource group rg-locked) | error: Could not be read: HTTP 403 Au…",
      'trusted-access-missing | aks-flaky (resource group rg-research) | failure: The cluster has binding "ml" i…',
      "kms-private-key-vault | aks-flaky (resource group rg-research) | skipped: Exempt: aks-kms-private-key-va…",
      "trusted-access-missing | aks-uai (resource group rg-research) | failure: The cluster uses identity type…",
      "subscription | Restricted (33333333-3333-3333-3333-333333333333) | error: The subscription could not be …",
    ]);
  });

  it("prints the table and writes Markdown, SARIF and JUnit files from one audit with --report", async () => {
    const file = (name: string): string => join(bench.dir, "several", name);
    const run = await runScenario(bench, MAIN, [
      "audit",
      "--all-subscriptions",
      "--report",
      `markdown=${file("summary.md")}`,
      "--report",
      `sarif=${file("audit.sarif")}`,
      "--report",
      `junit=${file("audit.xml")}`,
    ]);
    assert.equal(run.stdout, expected("main.table.txt"));
    assert.equal(run.stderr, "");
    assert.equal(run.code, 2);
    assert.equal(readFileSync(file("summary.md"), "utf8"), expected("main.md"));
    assert.equal(readFileSync(file("audit.sarif"), "utf8"), expectedJson("main.sarif.json"));
    const junit = readFileSync(file("audit.xml"), "utf8");
    assert.deepEqual(await junitSchemaErrors(junit), []);
    assert.equal((await parseJunit(junit)).tests, 31);
    // One audit: the subscriptions were listed once, not once per report.
    assert.equal(
      run.requests.filter((q) => q.path === "/subscriptions" && q.query.$skiptoken === undefined).length,
      1,
    );
  });

  it("refuses a bad --report before signing in, naming the flag, the value and the formats (exit 2)", async () => {
    const run = await runScenario(bench, MAIN, ["audit", "--all-subscriptions", "--report", "summary.md"]);
    assert.equal(
      run.stderr,
      'error: --report "summary.md" is not FORMAT=FILE: give e.g. --report junit=results.xml, with FORMAT one of ' +
        "table, json, sarif, markdown, junit.\n",
    );
    assert.equal(run.code, 2);
    assert.deepEqual(run.azCalls, []);
  });
});
