import { strict as assert } from "node:assert";
import { TEAM, mainFaults, mainSubscriptions, teamSubscriptions } from "./support/estates";
import { Workbench, expected, makeWorkbench, runScenario } from "./support/scenario";

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
});
