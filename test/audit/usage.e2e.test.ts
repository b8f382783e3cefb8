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
      "error: option '--output <format>' argument 'xml' is invalid. Allowed choices are table, json, sarif, markdown, junit.\n",
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

  const configs: [string, string, string[], (file: string) => string][] = [
    [
      "a --policy-config setting of the wrong type, naming the file, policy, setting, value and type",
      '{"aks-node-os-auto-upgrade":{"requireMaintenanceWindow":"yes"}}',
      [],
      (file) =>
        `error: Policy pack "aks-trusted-access" config (--policy-config ${file}) is not valid: policy ` +
        '"aks-node-os-auto-upgrade": property "requireMaintenanceWindow" is "yes", but it must be a boolean (true ' +
        "or false).\n",
    ],
    [
      "a --rule the --policy-config disables",
      '{"aks-private-cluster":"disabled"}',
      ["--rule", "private-cluster"],
      (file) =>
        "error: --rule private-cluster checks policy aks-private-cluster, which --policy-config " +
        `${file} sets to "disabled": drop --rule private-cluster, or give the policy a level ("advisory" or ` +
        '"mandatory").\n',
    ],
  ];
  for (const [name, text, args, message] of configs) {
    it(`names ${name}, and exits 2 before any Azure call`, async () => {
      const file = join(bench.dir, "policy-config.json");
      writeFileSync(file, text);
      const run = await runScenario(bench, { subscriptions: mainSubscriptions, pageSize: 2 }, [
        "audit",
        "--all-subscriptions",
        "--policy-config",
        file,
        ...args,
      ]);
      assert.equal(run.stderr, message(file));
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
