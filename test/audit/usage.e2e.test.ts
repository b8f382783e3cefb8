import { strict as assert } from "node:assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { mainSubscriptions } from "./support/estates";
import { Workbench, makeWorkbench, runScenario } from "./support/scenario";

describe("aks-trusted-access audit with bad flags", function () {
  this.timeout(120_000);
  let bench: Workbench;
  before(() => (bench = makeWorkbench()));

  const cases: [string, string[], string][] = [
    [
      "a bad --concurrency",
      ["--all-subscriptions", "--concurrency", "0"],
      'error: --concurrency "0" is not allowed: give a whole number from 1 to 64.\n',
    ],
    [
      "an unknown --output",
      ["--all-subscriptions", "--output", "xml"],
      "error: option '--output <format>' argument 'xml' is invalid. Allowed choices are table, json, sarif.\n",
    ],
    [
      "an unknown --rule",
      ["--all-subscriptions", "--rule", "fips"],
      "error: option '--rule <id...>' argument 'fips' is invalid. Allowed choices are trusted-access-missing, " +
        "node-os-auto-upgrade, private-cluster, node-pool-fips, kms-private-key-vault.\n",
    ],
    [
      "--require-maintenance-window without the node OS rule",
      ["--all-subscriptions", "--rule", "private-cluster", "--require-maintenance-window"],
      "error: --require-maintenance-window belongs to rule node-os-auto-upgrade, which --rule leaves out: add " +
        "--rule node-os-auto-upgrade or drop --require-maintenance-window.\n",
    ],
    [
      "an unknown --credential",
      ["--all-subscriptions", "--credential", "password"],
      "error: option '--credential <kind>' argument 'password' is invalid. Allowed choices are default, cli, environment, managed-identity, workload-identity.\n",
    ],
  ];
  for (const [name, args, message] of cases) {
    it(`names ${name} and exits 2 before any Azure call`, async () => {
      const run = await runScenario(bench, { subscriptions: mainSubscriptions, pageSize: 2 }, [
        "audit",
        ...args,
      ]);
      assert.equal(run.stderr, message);
      assert.equal(run.stdout, "");
      assert.deepEqual(run.requests, []);
      assert.deepEqual(run.azCalls, []);
      assert.equal(run.code, 2);
    });
  }

  it("names an --out path it cannot write, before any Azure call, and exits 2", async () => {
    // A folder cannot be created where a file stands, not even by root.
    const blocker = join(bench.dir, "not-a-folder");
    writeFileSync(blocker, "");
    const out = join(blocker, "audit.json");
    const run = await runScenario(bench, { subscriptions: [], pageSize: 2 }, [
      "audit",
      "--subscription",
      mainSubscriptions[0].id,
      "--out",
      out,
    ]);
    assert.equal(
      run.stderr,
      `error: cannot write --out "${out}": a file stands where its folder "${blocker}" would be: ` +
        "choose another path for --out\n",
    );
    assert.deepEqual(run.requests, []);
    assert.equal(run.code, 2);
  });
});
