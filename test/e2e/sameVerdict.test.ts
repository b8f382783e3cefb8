import * as assert from "assert";
import { writeFileSync } from "fs";
import { join } from "path";
import { AUDIT_RULES, AuditRule, CHECKED_RULES, policiesOf } from "../../cli/audit/rules";
import type { FakeCluster, FakeSubscription } from "../audit/support/fakeArm/estate";
import { Workbench, makeWorkbench, runScenario } from "../audit/support/scenario";
import { checkFixture } from "../check/support/checkFixture";
import { SHIPPED_PACK } from "../support/builtPackage";
import {
  BACKUP_OPERATOR,
  BACKUP_VAULT,
  SAME_CLUSTERS,
  SAME_GROUP,
  SAME_LOCATION,
  SAME_SUBSCRIPTION,
  SameCluster,
} from "./support/sameClusters";

// One config file, one set of clusters (test/e2e/support/sameClusters.ts): declared in a program that `check` runs
// through the policy pack as `pulumi preview` would, and live in the fake Resource Manager that `audit` reads. Both
// must find the same clusters in breach of the same policies at the same levels, and exit alike. What this does not
// prove: that Azure returns these clusters in this shape (the fake serves the API's documented JSON), nor the verdict
// on what only one side can see (binding provisioning states live, unknown values in a preview: none here).

/** The cluster as Azure's list and binding list return it. */
function live(c: SameCluster): FakeCluster {
  return {
    resourceGroup: SAME_GROUP,
    name: c.name,
    location: SAME_LOCATION,
    identity: c.identity,
    bindings: c.bound
      ? [
          {
            name: "backup",
            roles: [BACKUP_OPERATOR],
            sourceResourceId: BACKUP_VAULT,
            provisioningState: "Succeeded",
          },
        ]
      : [],
    privateCluster: c.privateCluster,
    nodeOsUpgradeChannel: c.nodeOsChannel,
    nodePools: [{ name: "system", enableFips: c.fips }],
    ...(c.kms ? { kms: { networkAccess: "Private", vaultResourceId: true } } : {}),
    nodeOsWindowHours: c.windowHours,
    tags: c.tags,
  };
}

const ESTATE: FakeSubscription[] = [
  { id: SAME_SUBSCRIPTION, displayName: "Same", clusters: SAME_CLUSTERS.map(live) },
];

/** The policies `audit` applies: the pack's verdicts on the others (binding names, roles' rights) are not compared. */
const AUDITED = new Set(CHECKED_RULES.flatMap(policiesOf));

/** `cluster policy level` per breach, each once, sorted. */
type Breaches = string[];
const sorted = (lines: Iterable<string>): Breaches => [...new Set(lines)].sort();

async function packVerdict(
  config: string,
): Promise<{ breaches: Breaches; skipped: number; code: number | null }> {
  const { run, report } = await checkFixture("../../e2e/fixtures/same-clusters", [
    "--policy-pack",
    SHIPPED_PACK,
    "--policy-pack-config",
    config,
  ]);
  assert.ok(report, run.stderr);
  return {
    breaches: sorted(
      report.diagnostics
        .filter((d) => AUDITED.has(d.policy))
        .map((d) => `${d.resourceName ?? "(stack)"} ${d.policy} ${d.enforcementLevel}`),
    ),
    skipped: report.totals.skipped,
    code: run.code,
  };
}

async function auditVerdict(
  bench: Workbench,
  config: string,
): Promise<{ breaches: Breaches; code: number | null }> {
  const run = await runScenario(bench, { subscriptions: ESTATE, pageSize: 4 }, [
    "audit",
    "--subscription",
    SAME_SUBSCRIPTION,
    "--policy-config",
    config,
    "--output",
    "json",
  ]);
  assert.strictEqual(run.stderr, "");
  const report = JSON.parse(run.stdout) as {
    subscriptions: {
      clusters: { name: string; findings: { rule: AuditRule; enforcementLevel: string }[] }[];
    }[];
  };
  return {
    breaches: sorted(
      report.subscriptions[0].clusters.flatMap((c) =>
        c.findings.map((f) => `${c.name} ${AUDIT_RULES[f.rule].policy} ${f.enforcementLevel}`),
      ),
    ),
    code: run.code,
  };
}

describe("the pack (through check) and audit on one config and one set of clusters", function () {
  this.timeout(300_000);
  let bench: Workbench;
  before(() => (bench = makeWorkbench()));

  const configs: { name: string; config: object; breaches: Breaches; code: number }[] = [
    {
      name: "raises aks-private-cluster to mandatory, exempts by name and by tag, asks for the window, disables FIPS",
      config: {
        "aks-private-cluster": { enforcementLevel: "mandatory", exemptClusters: ["aks-lab"] },
        "aks-node-os-auto-upgrade": { requireMaintenanceWindow: true },
        "aks-kms-private-key-vault": { exemptTag: "kms-exempt" },
        "aks-node-pool-fips": "disabled",
      },
      breaches: [
        "aks-exempt aks-private-cluster mandatory",
        "aks-lab aks-kms-private-key-vault advisory",
        "aks-no-node-os aks-node-os-auto-upgrade advisory",
        "aks-public aks-private-cluster mandatory",
        "aks-short-window aks-node-os-auto-upgrade advisory",
        "aks-unbound aks-trusted-access-required mandatory",
        "aks-user-assigned aks-cluster-system-assigned-identity mandatory",
      ],
      code: 1,
    },
    {
      name: 'lowers everything to advisory with "all", keeping the default exemption tags',
      config: { all: "advisory" },
      breaches: [
        "aks-exempt aks-kms-private-key-vault advisory",
        "aks-exempt aks-private-cluster advisory",
        "aks-good aks-kms-private-key-vault advisory",
        "aks-lab aks-kms-private-key-vault advisory",
        "aks-lab aks-private-cluster advisory",
        "aks-no-fips aks-kms-private-key-vault advisory",
        "aks-no-fips aks-node-pool-fips advisory",
        "aks-no-node-os aks-kms-private-key-vault advisory",
        "aks-no-node-os aks-node-os-auto-upgrade advisory",
        "aks-public aks-kms-private-key-vault advisory",
        "aks-public aks-private-cluster advisory",
        "aks-short-window aks-kms-private-key-vault advisory",
        "aks-unbound aks-kms-private-key-vault advisory",
        "aks-unbound aks-trusted-access-required advisory",
        "aks-user-assigned aks-cluster-system-assigned-identity advisory",
      ],
      code: 0,
    },
  ];
  for (const c of configs) {
    it(`agrees when the config ${c.name}`, async () => {
      const file = join(bench.dir, "policy-config.json");
      writeFileSync(file, JSON.stringify(c.config));
      const [pack, audit] = await Promise.all([packVerdict(file), auditVerdict(bench, file)]);
      // Every value is known before deployment: the pack skipped nothing, so its verdicts are complete.
      assert.strictEqual(pack.skipped, 0);
      assert.deepStrictEqual(pack.breaches, c.breaches);
      assert.deepStrictEqual(audit.breaches, c.breaches);
      assert.deepStrictEqual([pack.code, audit.code], [c.code, c.code]);
    });
  }
});
