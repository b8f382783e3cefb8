import { strict as assert } from "node:assert";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  PRODUCTION,
  RESEARCH,
  RESTRICTED,
  RETRY_AFTER_SECONDS,
  SANDBOX,
  TEAM,
  THROTTLED,
  UNKNOWN_SUBSCRIPTION,
  UAI_SCHEDULE,
  UNREGISTERED,
  mainFaults,
  mainSubscriptions,
  teamSubscriptions,
  troubledFaults,
  troubledSubscriptions,
} from "./support/estates";
import { bindingListPath, clusterListPath } from "./support/fakeArm/estate";
import type { RecordedRequest } from "./support/fakeArm/server";
import {
  ScenarioResult,
  Workbench,
  expected,
  expectedJson,
  makeWorkbench,
  runScenario,
} from "./support/scenario";

// End to end: the CLI in a child process, the real SDK clients and AzureCliCredential (with a stand-in `az`),
// a fake Resource Manager over HTTPS on 127.0.0.1.

const MAIN = { subscriptions: mainSubscriptions, faults: mainFaults, pageSize: 2 };
const requestsTo = (r: ScenarioResult, path: string): RecordedRequest[] =>
  r.requests.filter((q) => q.path.toLowerCase() === path.toLowerCase());

describe("aks-trusted-access audit against a loopback Resource Manager", function () {
  this.timeout(120_000);
  let bench: Workbench;
  before(() => (bench = makeWorkbench()));

  describe("of every subscription, as a table", () => {
    let run: ScenarioResult;
    before(async () => (run = await runScenario(bench, MAIN, ["audit", "--all-subscriptions"])));

    it("prints the table report exactly and exits 2, since a subscription and a cluster could not be read", () => {
      assert.equal(run.stdout, expected("main.table.txt"));
      assert.equal(run.stderr, "");
      assert.equal(run.code, 2);
    });

    it("follows nextLink through subscriptions, clusters and the 8 bindings of a cluster", () => {
      const pages = (path: string): (string | undefined)[] =>
        requestsTo(run, path).map((q) => q.query.$skiptoken);
      assert.deepEqual(pages("/subscriptions"), [undefined, "2"]);
      assert.deepEqual(pages(clusterListPath(PRODUCTION)), [undefined, "2"]);
      const platform = { resourceGroup: "rg-platform", name: "aks-platform" };
      assert.deepEqual(pages(bindingListPath(PRODUCTION, platform)), [undefined, "2", "4", "6"]);
    });

    it("retries a 429 no sooner than its Retry-After, and a transient 500", () => {
      const throttled = requestsTo(run, clusterListPath(RESEARCH)).filter(
        (q) => q.query.$skiptoken === undefined,
      );
      assert.deepEqual(
        throttled.map((q) => q.status),
        [429, 200],
      );
      // A lower bound set by the server's header, not a performance threshold (timers may fire ~1 ms early).
      assert.ok(throttled[1].at - throttled[0].at >= RETRY_AFTER_SECONDS * 1000 - 5);
      const flaky = bindingListPath(RESEARCH, { resourceGroup: "rg-research", name: "aks-flaky" });
      assert.deepEqual(
        requestsTo(run, flaky).map((q) => q.status),
        [500, 200],
      );
    });

    it("does not retry a 403", () => {
      const locked = bindingListPath(RESEARCH, { resourceGroup: "rg-locked", name: "aks-locked" });
      assert.deepEqual(
        requestsTo(run, locked).map((q) => q.status),
        [403],
      );
    });

    it("signs in once through the Azure CLI for all its clients", () => {
      assert.deepEqual(run.azCalls, [
        "account get-access-token --output json --resource https://management.azure.com",
      ]);
    });
  });

  it("prints the same audit as JSON", async () => {
    const run = await runScenario(bench, MAIN, ["audit", "--all-subscriptions", "--output", "json"]);
    assert.equal(run.stdout, expectedJson("main.json"));
    assert.equal(run.stderr, "");
    assert.equal(run.code, 2);
  });

  it("writes the same audit as SARIF to --out, creating its folder, and nothing to stdout", async () => {
    const out = join(bench.dir, "reports", "ci", "audit.sarif");
    const run = await runScenario(bench, MAIN, [
      "audit",
      "--all-subscriptions",
      "--output",
      "sarif",
      "--out",
      out,
    ]);
    assert.equal(readFileSync(out, "utf8"), expectedJson("main.sarif.json"));
    assert.equal(run.stdout, "");
    assert.equal(run.stderr, "");
    assert.equal(run.code, 2);
  });

  it("exits 1 when a complete audit finds a non-compliant cluster, checking only the rule --rule names", async () => {
    const run = await runScenario(bench, MAIN, [
      "audit",
      "--subscription",
      PRODUCTION,
      "--rule",
      "trusted-access-missing",
      "--output",
      "json",
    ]);
    const report = JSON.parse(run.stdout) as {
      rules: string[];
      summary: object;
      subscriptions: { clusters: { name: string; status: string }[] }[];
    };
    assert.deepEqual(report.summary, {
      subscriptions: 1,
      unreadableSubscriptions: 0,
      clusters: 3,
      compliantClusters: 2,
      nonCompliantClusters: 1,
      advisoryClusters: 0,
      unreadableClusters: 0,
      mandatoryFindings: 1,
      advisoryFindings: 0,
      complete: true,
      exitCode: 1,
    });
    assert.deepEqual(
      report.subscriptions[0].clusters.map((c) => `${c.name} ${c.status}`),
      ["aks-platform compliant", "aks-prod-empty non-compliant", "aks-prod-ml compliant"],
    );
    assert.deepEqual(report.rules, ["trusted-access-missing"]);
    assert.equal(run.code, 1);
  });

  describe("of a cluster that meets the Trusted Access rule, with a public API server and no KMS", () => {
    const team = { subscriptions: teamSubscriptions, pageSize: 2 };
    /** Audits the team subscription with `args` and, when given, a config file holding `config`. */
    const auditTeam = (args: readonly string[], config?: object): Promise<ScenarioResult> => {
      const file = join(bench.dir, "policy-config.json");
      if (config !== undefined) writeFileSync(file, JSON.stringify(config));
      const withConfig = config === undefined ? [] : ["--policy-config", file];
      return runScenario(bench, team, ["audit", "--subscription", TEAM, ...withConfig, ...args]);
    };
    type Report = {
      rules: string[];
      requireMaintenanceWindow: boolean;
      subscriptions: {
        clusters: {
          status: string;
          checks: object[];
          findings: { rule: string; enforcementLevel: string }[];
        }[];
      }[];
    };
    const clusterOf = (run: ScenarioResult) =>
      (JSON.parse(run.stdout) as Report).subscriptions[0].clusters[0];
    const levelsOf = (run: ScenarioResult) =>
      clusterOf(run).findings.map((f) => [f.rule, f.enforcementLevel]);
    const sarifLevels = (run: ScenarioResult) =>
      (
        JSON.parse(run.stdout) as { runs: { results: { ruleId: string; level: string }[] }[] }
      ).runs[0].results.map((r) => [r.ruleId, r.level]);
    const bindingReads = (run: ScenarioResult) =>
      run.requests.filter((q) => q.path.toLowerCase().endsWith("/trustedaccessrolebindings"));

    it("exits 0 by default, listing its advisory findings with their fixes, and says what decided", async () => {
      const run = await auditTeam([]);
      assert.equal(run.stdout, expected("team.table.txt"));
      assert.equal(run.stderr, "");
      assert.equal(run.code, 0);
    });

    it("gives SARIF results of advisory findings the level warning", async () => {
      const run = await auditTeam(["--output", "sarif"]);
      assert.deepEqual(sarifLevels(run), [
        ["private-cluster", "warning"],
        ["kms-private-key-vault", "warning"],
      ]);
      assert.equal(run.code, 0);
    });

    it("exits 1 once --policy-config makes aks-private-cluster mandatory, its SARIF result an error", async () => {
      const config = { "aks-private-cluster": "mandatory" };
      const json = await auditTeam(["--output", "json"], config);
      assert.deepEqual(levelsOf(json), [
        ["private-cluster", "mandatory"],
        ["kms-private-key-vault", "advisory"],
      ]);
      assert.equal(clusterOf(json).status, "non-compliant");
      assert.equal(json.code, 1);
      const sarif = await auditTeam(["--output", "sarif"], config);
      assert.deepEqual(sarifLevels(sarif), [
        ["private-cluster", "error"],
        ["kms-private-key-vault", "warning"],
      ]);
      assert.equal(sarif.code, 1);
    });

    it("exits 1 with --rule kms-private-key-vault once the config raises that rule to mandatory, reading no binding", async () => {
      const kms = ["--rule", "kms-private-key-vault"];
      const run = await auditTeam([...kms, "--output", "json"], {
        "aks-kms-private-key-vault": { enforcementLevel: "mandatory" },
      });
      assert.deepEqual(levelsOf(run), [["kms-private-key-vault", "mandatory"]]);
      assert.deepEqual(bindingReads(run), []);
      assert.equal(run.code, 1);
      // Without the config, the same rule alone is advisory: exit 0.
      assert.equal((await auditTeam(kms)).code, 0);
    });

    it("exempts it from a rule by its name in exemptClusters, saying so, and leaves it under the others", async () => {
      const run = await auditTeam(["--output", "json"], {
        all: "mandatory",
        "aks-kms-private-key-vault": { exemptClusters: ["AKS-TEAM"] },
      });
      assert.deepEqual(levelsOf(run), [["private-cluster", "mandatory"]]);
      assert.deepEqual(clusterOf(run).checks[4], {
        rule: "kms-private-key-vault",
        result: "exempt",
        exemption: "aks-kms-private-key-vault: listed in exemptClusters",
      });
      assert.equal(run.code, 1);
    });

    it("does not run a rule whose policies the config disables: no column, no read", async () => {
      const run = await auditTeam(["--output", "json"], {
        "aks-trusted-access-required": "disabled",
        "aks-cluster-system-assigned-identity": "disabled",
        "aks-node-os-auto-upgrade": { requireMaintenanceWindow: true },
      });
      const report = JSON.parse(run.stdout) as Report;
      assert.deepEqual(report.rules, [
        "node-os-auto-upgrade",
        "private-cluster",
        "node-pool-fips",
        "kms-private-key-vault",
      ]);
      assert.equal(report.requireMaintenanceWindow, true);
      assert.deepEqual(bindingReads(run), []);
      assert.equal(run.requests.filter((q) => q.path.includes("/maintenanceConfigurations/")).length, 1);
      assert.equal(run.code, 0);
    });
  });

  it("names each subscription it could not read with Azure's reason: unregistered, throttled past retries, unknown", async () => {
    const run = await runScenario(
      bench,
      { subscriptions: troubledSubscriptions, faults: troubledFaults, pageSize: 2 },
      [
        "audit",
        "--subscription",
        UNREGISTERED,
        "--subscription",
        THROTTLED,
        "--subscription",
        UNKNOWN_SUBSCRIPTION,
        "--output",
        "json",
      ],
    );
    assert.equal(run.stdout, expectedJson("troubled.json"));
    assert.equal(run.code, 2);
    // The SDK's throttling policy: the first try and 3 retries, then the 429 is reported.
    assert.deepEqual(
      requestsTo(run, clusterListPath(THROTTLED)).map((q) => q.status),
      [429, 429, 429, 429],
    );
  });

  describe("with --resource-graph", () => {
    let run: ScenarioResult;
    before(
      async () =>
        (run = await runScenario(bench, MAIN, [
          "audit",
          "--all-subscriptions",
          "--resource-graph",
          "--output",
          "json",
        ])),
    );

    it("lists clusters and their rule settings with Resource Graph queries, following $skipToken", () => {
      const queries = run.requests.filter((q) => q.method === "POST");
      assert.deepEqual(
        queries.map((q) => [
          q.path,
          q.query["api-version"],
          (JSON.parse(q.body) as { options: { $skipToken?: string } }).options.$skipToken,
        ]),
        [0, 2, 4].map((skip) => [
          "/providers/Microsoft.ResourceGraph/resources",
          "2021-06-01-preview",
          skip === 0 ? undefined : String(skip),
        ]),
      );
      const body = JSON.parse(queries[0].body) as { subscriptions: string[]; query: string };
      assert.deepEqual(
        body.subscriptions,
        mainSubscriptions.map((s) => s.id),
      );
      assert.match(body.query, /type =~ 'microsoft.containerservice\/managedclusters'/);
      // The whole properties: each rule reads its own fields, so that a new rule needs no new column.
      assert.match(
        body.query,
        /\| project id, location, identityType = tostring\(identity\.type\), tags, properties \|/,
      );
    });

    it("audits the same clusters and rules, and says where the lists came from", () => {
      const report = JSON.parse(run.stdout) as {
        clusterSource: string;
        subscriptions: { name: string; status: string; clusters?: { name: string; checks: object[] }[] }[];
      };
      const main = JSON.parse(expectedJson("main.json")) as typeof report;
      assert.equal(report.clusterSource, "resource-graph");
      const byName = (r: typeof report): Record<string, object> =>
        Object.fromEntries(
          r.subscriptions.map((s) => [s.name, [s.status, (s.clusters ?? []).map((c) => [c.name, c.checks])]]),
        );
      assert.deepEqual(byName(report), byName(main));
      assert.equal(run.code, 2);
    });

    it("never takes a subscription Resource Graph left out for one without clusters: a Resource Manager read of each subscription where it found none names Restricted unreadable", () => {
      const report = JSON.parse(run.stdout) as {
        subscriptions: { name: string; status: string; reason?: string }[];
      };
      const restricted = report.subscriptions.find((s) => s.name === "Restricted");
      assert.equal(restricted?.status, "unreadable");
      assert.match(restricted?.reason ?? "", /^HTTP 403 AuthorizationFailed: .*managedClusters\/read/);
      // Production and Research have clusters in Resource Graph: no cluster list of theirs is asked for.
      assert.deepEqual(
        run.requests
          .filter((q) => q.path.toLowerCase().endsWith("/managedclusters"))
          .map((q) => [q.path, q.status])
          .sort(),
        [
          [clusterListPath(RESTRICTED), 403],
          [clusterListPath(SANDBOX), 200],
        ].sort(),
      );
    });
  });

  it("audits the clusters Resource Graph has not indexed yet, found by the Resource Manager read of their subscription", async () => {
    const lagging = { subscriptions: teamSubscriptions, graphLagging: [TEAM], pageSize: 2 };
    const args = ["audit", "--subscription", TEAM, "--resource-graph", "--output", "json"];
    const run = await runScenario(bench, lagging, args);
    const report = JSON.parse(run.stdout) as {
      summary: { clusters: number; complete: boolean };
      subscriptions: { status: string; clusters: { name: string }[] }[];
    };
    assert.deepEqual(
      report.subscriptions.map((s) => [s.status, s.clusters.map((c) => c.name)]),
      [["read", ["aks-team"]]],
    );
    assert.equal(report.summary.complete, true);
    assert.deepEqual(
      requestsTo(run, clusterListPath(TEAM)).map((q) => q.status),
      [200],
    );
  });

  describe("with --require-maintenance-window", () => {
    let run: ScenarioResult;
    before(
      async () =>
        (run = await runScenario(bench, MAIN, [
          "audit",
          "--all-subscriptions",
          "--require-maintenance-window",
          "--output",
          "json",
        ])),
    );
    const schedules = (r: ScenarioResult): RecordedRequest[] =>
      r.requests.filter((q) => q.path.includes("/maintenanceConfigurations/"));

    it("reads each cluster's aksManagedNodeOSUpgradeSchedule once, and does not retry its 403", () => {
      assert.equal(schedules(run).length, 6);
      assert.deepEqual(
        requestsTo(run, UAI_SCHEDULE).map((q) => q.status),
        [403],
      );
    });

    it("judges every rule on every cluster: a 403 on the window makes only the node OS rule of aks-uai unreadable", () => {
      const report = JSON.parse(run.stdout) as {
        summary: { unreadableClusters: number; exitCode: number };
        subscriptions: { clusters?: { name: string; checks: { rule: string; result: string }[] }[] }[];
      };
      const grid = report.subscriptions.flatMap((s) =>
        (s.clusters ?? []).map((c) => `${c.name}: ${c.checks.map((k) => k.result).join(" ")}`),
      );
      // trusted access, node OS (with the window), private cluster, FIPS, KMS
      assert.deepEqual(grid, [
        "aks-platform: pass pass pass pass fail",
        "aks-prod-empty: fail fail fail fail fail",
        "aks-prod-ml: pass fail pass fail fail",
        "aks-locked: unreadable fail fail fail fail",
        "aks-flaky: fail pass pass pass exempt",
        "aks-uai: fail unreadable pass pass pass",
      ]);
      assert.equal(report.summary.unreadableClusters, 2);
      assert.equal(run.code, 2);
    });

    it("prints the table with the window's findings and the unreadable rule", async () => {
      const table = await runScenario(bench, MAIN, [
        "audit",
        "--all-subscriptions",
        "--require-maintenance-window",
      ]);
      assert.equal(table.stdout, expected("window.table.txt"));
      assert.equal(table.code, 2);
    });

    it("makes no maintenance configuration read without the flag", async () => {
      const plain = await runScenario(bench, MAIN, [
        "audit",
        "--all-subscriptions",
        "--rule",
        "node-os-auto-upgrade",
      ]);
      assert.deepEqual(schedules(plain), []);
      assert.deepEqual(
        plain.requests.filter((q) => q.path.toLowerCase().endsWith("/trustedaccessrolebindings")),
        [],
      );
    });
  });
});
