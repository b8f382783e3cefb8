import { strict as assert } from "node:assert";
import { RuleOutcome, assessNodeOs, assessRule } from "../../cli/audit/assessSettings";
import type { ClusterSettings, RuleFinding } from "../../cli/audit/report";
import { KMS_IDENTITY_CONFLICT } from "../../domain";
import { RuleFields, someSettings } from "./support/clusters";

// The verdicts themselves are the domain's (test/domain/clusterRules.test.ts); these tests prove the audit maps
// the live cluster's fields onto them, names the fields as Azure spells them, and keeps one finding per pool.

interface Case {
  readonly name: string;
  readonly assess: (s: ClusterSettings) => RuleOutcome;
  readonly settings: ClusterSettings;
  readonly findings: readonly RuleFinding[];
}

const PASS: readonly RuleFinding[] = [];
const onCluster = (settings: ClusterSettings) => ({ identityType: "SystemAssigned", settings });
const assessNodeOsChannel = (s: ClusterSettings): RuleOutcome => assessNodeOs(onCluster(s));
const assessPrivateCluster = (s: ClusterSettings): RuleOutcome => assessRule("private-cluster", onCluster(s));
const assessNodePoolFips = (s: ClusterSettings): RuleOutcome => assessRule("node-pool-fips", onCluster(s));
/** KMS on a cluster whose identity allows it: the conflict with Trusted Access does not apply. */
const userAssignedKms = (settings: ClusterSettings): RuleOutcome =>
  assessRule("kms-private-key-vault", { identityType: "UserAssigned", settings });
const KMS = "securityProfile.azureKeyVaultKms";
const pool = (name: string, enableFips: unknown, osType = "Linux", osSku?: string) => ({
  name,
  enableFips,
  osType,
  osSku,
});
const kms = (change: Partial<NonNullable<RuleFields["kms"]>> = {}): RuleFields["kms"] => ({
  enabled: true,
  keyId: "https://kv.vault.azure.net/keys/etcd/1",
  keyVaultNetworkAccess: "Private",
  keyVaultResourceId: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
  ...change,
});

const cases: Case[] = [
  {
    name: "passes node OS channel NodeImage",
    assess: assessNodeOsChannel,
    settings: someSettings(),
    findings: PASS,
  },
  {
    name: "passes node OS channel Unmanaged under cluster channel node-image",
    assess: assessNodeOsChannel,
    settings: someSettings({ nodeOsUpgradeChannel: "Unmanaged", upgradeChannel: "node-image" }),
    findings: PASS,
  },
  {
    name: "fails a cluster without a node OS channel, naming the ARM field",
    assess: assessNodeOsChannel,
    settings: someSettings({ nodeOsUpgradeChannel: undefined }),
    findings: [
      {
        rule: "node-os-auto-upgrade",
        message:
          "sets no autoUpgradeProfile.nodeOSUpgradeChannel, so its nodes' OS is not updated automatically.",
      },
    ],
  },
  {
    name: "fails node OS channel None",
    assess: assessNodeOsChannel,
    settings: someSettings({ nodeOsUpgradeChannel: "None" }),
    findings: [
      {
        rule: "node-os-auto-upgrade",
        message:
          'has autoUpgradeProfile.nodeOSUpgradeChannel "None", which does not keep its nodes\' OS patched.',
      },
    ],
  },
  {
    name: "passes a private API server",
    assess: assessPrivateCluster,
    settings: someSettings(),
    findings: PASS,
  },
  {
    name: "fails a public API server",
    assess: assessPrivateCluster,
    settings: someSettings({ enablePrivateCluster: false }),
    findings: [
      {
        rule: "private-cluster",
        message: "has a public API server (apiServerAccessProfile.enablePrivateCluster is false).",
      },
    ],
  },
  {
    name: "fails a cluster without apiServerAccessProfile as public",
    assess: assessPrivateCluster,
    settings: someSettings({ enablePrivateCluster: undefined }),
    findings: [
      {
        rule: "private-cluster",
        message: "has a public API server (apiServerAccessProfile.enablePrivateCluster is undefined).",
      },
    ],
  },
  {
    name: "finds each pool without FIPS, one finding per pool (Windows 2022 too), and passes Windows 2025 without the flag",
    assess: assessNodePoolFips,
    settings: someSettings({
      nodePools: [
        pool("system", true),
        pool("user", false),
        pool("win22", false, "Windows", "Windows2022"),
        pool("win25", undefined, "Windows", "Windows2025"),
        pool("win19", undefined, "Windows", "Windows2019"),
      ],
    }),
    findings: [
      {
        rule: "node-pool-fips",
        nodePool: "user",
        message: 'has node pool "user" without a FIPS-enabled OS (enableFIPS is false).',
      },
      {
        rule: "node-pool-fips",
        nodePool: "win22",
        message: 'has node pool "win22" without a FIPS-enabled OS (enableFIPS is false).',
      },
      {
        rule: "node-pool-fips",
        nodePool: "win19",
        message: 'has node pool "win19" without a FIPS-enabled OS (enableFIPS is undefined).',
      },
    ],
  },
  {
    name: "passes KMS with a private vault and its id",
    assess: userAssignedKms,
    settings: someSettings({ kms: kms() }),
    findings: PASS,
  },
  {
    name: "fails a user-assigned cluster without KMS, where KMS is possible",
    assess: userAssignedKms,
    settings: someSettings({ kms: undefined }),
    findings: [
      {
        rule: "kms-private-key-vault",
        message: `does not encrypt etcd with KMS (${KMS}.enabled is undefined).`,
      },
    ],
  },
  {
    name: "fails a system-assigned cluster without KMS by saying why it cannot pass, and what choice is left",
    assess: (settings) => assessRule("kms-private-key-vault", { identityType: "SystemAssigned", settings }),
    settings: someSettings({ kms: undefined }),
    findings: [
      {
        rule: "kms-private-key-vault",
        message: `does not encrypt etcd with KMS (${KMS}.enabled is undefined): ${KMS_IDENTITY_CONFLICT}.`,
      },
    ],
  },
  {
    name: "fails KMS in a public vault",
    assess: userAssignedKms,
    settings: someSettings({ kms: kms({ keyVaultNetworkAccess: "Public", keyVaultResourceId: undefined }) }),
    findings: [
      {
        rule: "kms-private-key-vault",
        message: `keeps its KMS key in a public key vault (${KMS}.keyVaultNetworkAccess is "Public", not "Private").`,
      },
    ],
  },
  {
    name: "fails KMS Private without the vault's id",
    assess: userAssignedKms,
    settings: someSettings({ kms: kms({ keyVaultResourceId: undefined }) }),
    findings: [
      {
        rule: "kms-private-key-vault",
        message:
          `uses a private key vault without its resource id (${KMS}.keyVaultResourceId is undefined), which ` +
          'Azure requires with "Private".',
      },
    ],
  },
];

describe("the four related rules on a live cluster's settings", () => {
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(c.assess(c.settings), { findings: c.findings }));
  }
});

describe("assessNodeOs with --require-maintenance-window", () => {
  const field = "aksManagedNodeOSUpgradeSchedule.maintenanceWindow.durationHours";
  it("passes a window of 4 hours", () => {
    const found = { durationHours: 4, durationField: field };
    assert.deepEqual(assessNodeOs(onCluster(someSettings()), { found }), { findings: [] });
  });

  it("fails a cluster without a window, beside a failing channel", () => {
    assert.deepEqual(
      assessNodeOs(onCluster(someSettings({ nodeOsUpgradeChannel: "None" })), { found: undefined }),
      {
        findings: [
          {
            rule: "node-os-auto-upgrade",
            message:
              'has autoUpgradeProfile.nodeOSUpgradeChannel "None", which does not keep its nodes\' OS patched.',
          },
          {
            rule: "node-os-maintenance-window",
            message:
              "has no aksManagedNodeOSUpgradeSchedule maintenance configuration, so node OS upgrades may start at any time.",
          },
        ],
      },
    );
  });

  it("fails a window of 2 hours", () => {
    const found = { durationHours: 2, durationField: field };
    assert.deepEqual(assessNodeOs(onCluster(someSettings()), { found }).findings, [
      {
        rule: "node-os-maintenance-window",
        message: `has a node OS maintenance window whose ${field} is 2, not whole hours from 4 to 24.`,
      },
    ]);
  });

  it("keeps the read failure of the window as the rule's unreadable part, without a finding", () => {
    assert.deepEqual(
      assessNodeOs(onCluster(someSettings()), { unreadable: "HTTP 403 AuthorizationFailed: no" }),
      {
        findings: [],
        unreadable: "HTTP 403 AuthorizationFailed: no",
      },
    );
  });

  it("fails the rule on a bad channel even when the window could not be read, keeping why", () => {
    const outcome = assessNodeOs(onCluster(someSettings({ nodeOsUpgradeChannel: "None" })), {
      unreadable: "HTTP 403",
    });
    assert.deepEqual(
      outcome.findings.map((f) => f.rule),
      ["node-os-auto-upgrade"],
    );
    assert.equal(outcome.unreadable, "HTTP 403");
  });
});
