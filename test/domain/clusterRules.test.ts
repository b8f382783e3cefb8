import * as assert from "assert";
import {
  CLUSTER_RULES,
  KMS_IDENTITY_CONFLICT,
  KmsFields,
  NodePoolFipsFields,
  RuleVerdict,
  UNKNOWN,
  checkKmsPrivateVault,
  checkNodeOsUpgrade,
  checkNodeOsWindow,
  checkNodePoolFips,
  checkPrivateCluster,
  nodeOsWindowAzureCli,
} from "../../domain";

const PASS: RuleVerdict = { status: "pass" };
const fail = (problem: string): RuleVerdict => ({ status: "fail", problem });
const unknown = (field: string): RuleVerdict => ({ status: "unknown", field });

interface Case<T> {
  readonly name: string;
  readonly input: T;
  readonly expected: RuleVerdict;
}

function table<T>(title: string, check: (input: T) => RuleVerdict, cases: readonly Case<T>[]): void {
  describe(title, () => {
    for (const c of cases) it(c.name, () => assert.deepStrictEqual(check(c.input), c.expected));
  });
}

const CHANNEL = "autoUpgradeProfile.nodeOSUpgradeChannel";
const UPGRADE = "autoUpgradeProfile.upgradeChannel";
const upgrade = (nodeOsChannel: unknown, upgradeChannel?: unknown) => ({
  nodeOsChannel,
  nodeOsChannelField: CHANNEL,
  upgradeChannel,
  upgradeChannelField: UPGRADE,
});

table("checkNodeOsUpgrade", checkNodeOsUpgrade, [
  { name: "passes NodeImage", input: upgrade("NodeImage"), expected: PASS },
  { name: "passes SecurityPatch, ignoring case", input: upgrade("securitypatch"), expected: PASS },
  {
    name: "passes any node OS channel when the cluster channel is node-image",
    input: upgrade("None", "node-image"),
    expected: PASS,
  },
  {
    name: "fails a missing channel",
    input: upgrade(undefined, "stable"),
    expected: fail(`sets no ${CHANNEL}, so its nodes' OS is not updated automatically`),
  },
  {
    name: "fails None",
    input: upgrade("None"),
    expected: fail(`has ${CHANNEL} "None", which does not keep its nodes' OS patched`),
  },
  {
    name: "fails Unmanaged",
    input: upgrade("Unmanaged", "patch"),
    expected: fail(`has ${CHANNEL} "Unmanaged", which does not keep its nodes' OS patched`),
  },
  {
    name: "fails a malformed channel without throwing",
    input: upgrade({ channel: 1 }),
    expected: fail(`has ${CHANNEL} {"channel":1}, which does not keep its nodes' OS patched`),
  },
  { name: "gives no verdict on an unknown channel", input: upgrade(UNKNOWN), expected: unknown(CHANNEL) },
  {
    name: "gives no verdict on None when the cluster channel is unknown (it may be node-image)",
    input: upgrade("None", UNKNOWN),
    expected: unknown(UPGRADE),
  },
]);

const window = (durationHours: unknown) => ({
  durationHours,
  durationField: "maintenanceWindow.durationHours",
});
table("checkNodeOsWindow", checkNodeOsWindow, [
  { name: "passes a 4-hour window", input: window(4), expected: PASS },
  { name: "passes a 24-hour window", input: window(24), expected: PASS },
  {
    name: "fails a cluster without the schedule",
    input: undefined,
    expected: fail(
      "has no aksManagedNodeOSUpgradeSchedule maintenance configuration, so node OS upgrades may start at any time",
    ),
  },
  {
    name: "fails a 3-hour window",
    input: window(3),
    expected: fail(
      "has a node OS maintenance window whose maintenanceWindow.durationHours is 3, not whole hours from 4 to 24",
    ),
  },
  {
    name: "fails a 100-hour window, longer than AKS accepts",
    input: window(100),
    expected: fail(
      "has a node OS maintenance window whose maintenanceWindow.durationHours is 100, not whole hours from 4 to 24",
    ),
  },
  {
    name: "fails a fractional window, which AKS does not accept",
    input: window(4.5),
    expected: fail(
      "has a node OS maintenance window whose maintenanceWindow.durationHours is 4.5, not whole hours from 4 to 24",
    ),
  },
  {
    name: "fails a duration that is not a number",
    input: window("4"),
    expected: fail(
      'has a node OS maintenance window whose maintenanceWindow.durationHours is "4", not whole hours from 4 to 24',
    ),
  },
  {
    name: "gives no verdict on an unknown duration",
    input: window(UNKNOWN),
    expected: unknown("maintenanceWindow.durationHours"),
  },
]);

const PRIVATE = "apiServerAccessProfile.enablePrivateCluster";
table("checkPrivateCluster", (v: unknown) => checkPrivateCluster(v, PRIVATE), [
  { name: "passes true", input: true, expected: PASS },
  { name: "fails false", input: false, expected: fail(`has a public API server (${PRIVATE} is false)`) },
  {
    name: "fails unset",
    input: undefined,
    expected: fail(`has a public API server (${PRIVATE} is undefined)`),
  },
  {
    name: "fails null as unset",
    input: null,
    expected: fail(`has a public API server (${PRIVATE} is undefined)`),
  },
  { name: 'fails the string "true"', input: "true", expected: fail(`has ${PRIVATE} "true", not true`) },
  { name: "gives no verdict when unknown", input: UNKNOWN, expected: unknown(PRIVATE) },
]);

const pool = (fields: Partial<NodePoolFipsFields>): NodePoolFipsFields => ({
  pool: 'node pool "user"',
  enableFips: undefined,
  enableFipsField: "enableFIPS",
  osType: undefined,
  osSku: undefined,
  ...fields,
});
table("checkNodePoolFips", checkNodePoolFips, [
  {
    name: "passes a Linux pool with FIPS",
    input: pool({ enableFips: true, osType: "Linux" }),
    expected: PASS,
  },
  {
    name: "fails a pool without FIPS (Linux by default)",
    input: pool({}),
    expected: fail('has node pool "user" without a FIPS-enabled OS (enableFIPS is undefined)'),
  },
  {
    name: "fails a Linux pool with FIPS off",
    input: pool({ enableFips: false, osType: "Linux", osSku: "AzureLinux" }),
    expected: fail('has node pool "user" without a FIPS-enabled OS (enableFIPS is false)'),
  },
  {
    name: "passes a Windows 2025 pool, which Azure keeps FIPS-enabled",
    input: pool({ osType: "Windows", osSku: "Windows2025" }),
    expected: PASS,
  },
  {
    name: "fails a Windows 2022 pool without FIPS (not FIPS by default)",
    input: pool({ osType: "Windows", osSku: "Windows2022" }),
    expected: fail('has node pool "user" without a FIPS-enabled OS (enableFIPS is undefined)'),
  },
  {
    name: "fails a Windows pool of the default SKU without FIPS",
    input: pool({ osType: "windows" }),
    expected: fail('has node pool "user" without a FIPS-enabled OS (enableFIPS is undefined)'),
  },
  {
    name: "fails a Windows 2019 pool without FIPS",
    input: pool({ osType: "Windows", osSku: "Windows2019", enableFips: false }),
    expected: fail('has node pool "user" without a FIPS-enabled OS (enableFIPS is false)'),
  },
  {
    name: "fails a malformed enableFIPS without throwing",
    input: pool({ enableFips: "yes" }),
    expected: fail('has node pool "user" with enableFIPS "yes", not true'),
  },
  {
    name: "gives no verdict when FIPS is unknown",
    input: pool({ enableFips: UNKNOWN }),
    expected: unknown("enableFIPS"),
  },
  {
    name: "gives no verdict when the OS type is unknown (a Windows pool may be FIPS by default)",
    input: pool({ osType: UNKNOWN }),
    expected: unknown("osType"),
  },
  {
    name: "gives no verdict when a Windows pool's SKU is unknown",
    input: pool({ osType: "Windows", osSku: UNKNOWN }),
    expected: unknown("osSku"),
  },
]);

const P = "securityProfile.azureKeyVaultKms";
const kms = (fields: Partial<KmsFields>): KmsFields => ({
  enabled: true,
  enabledField: `${P}.enabled`,
  keyId: "https://vault.vault.azure.net/keys/etcd/0123",
  keyIdField: `${P}.keyId`,
  networkAccess: "Private",
  networkAccessField: `${P}.keyVaultNetworkAccess`,
  vaultResourceId: "/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/vault",
  vaultResourceIdField: `${P}.keyVaultResourceId`,
  ...fields,
});
table("checkKmsPrivateVault", checkKmsPrivateVault, [
  { name: "passes KMS with a private vault and its id", input: kms({}), expected: PASS },
  {
    name: "passes a provider without a vault id field (classic)",
    input: kms({ vaultResourceId: undefined, vaultResourceIdField: undefined }),
    expected: PASS,
  },
  {
    name: "fails KMS off",
    input: kms({ enabled: undefined }),
    expected: fail(`does not encrypt etcd with KMS (${P}.enabled is undefined)`),
  },
  {
    name: "fails KMS without a key",
    input: kms({ keyId: "" }),
    expected: fail(`turns KMS on without a key (${P}.keyId is "")`),
  },
  {
    name: "fails a public vault (Public when unset)",
    input: kms({ networkAccess: undefined }),
    expected: fail(
      `keeps its KMS key in a public key vault (${P}.keyVaultNetworkAccess is "Public", not "Private")`,
    ),
  },
  {
    name: "fails a private vault without its id",
    input: kms({ vaultResourceId: undefined }),
    expected: fail(
      `uses a private key vault without its resource id (${P}.keyVaultResourceId is undefined), which Azure ` +
        'requires with "Private"',
    ),
  },
  {
    name: "gives no verdict when enabled is unknown",
    input: kms({ enabled: UNKNOWN }),
    expected: unknown(`${P}.enabled`),
  },
  {
    name: "fails a public vault even while the key id is unknown",
    input: kms({ keyId: UNKNOWN, networkAccess: "Public" }),
    expected: fail(
      `keeps its KMS key in a public key vault (${P}.keyVaultNetworkAccess is "Public", not "Private")`,
    ),
  },
  {
    name: "gives no verdict when the vault id is unknown",
    input: kms({ vaultResourceId: UNKNOWN }),
    expected: unknown(`${P}.keyVaultResourceId`),
  },
]);

describe("CLUSTER_RULES", () => {
  it("names five rules, each with its own policy and audit rule id", () => {
    const rules = Object.values(CLUSTER_RULES);
    assert.strictEqual(rules.length, 5);
    assert.strictEqual(new Set(rules.map((r) => r.policy)).size, 5);
    assert.strictEqual(new Set(rules.map((r) => r.auditRule)).size, 5);
  });
});

describe("the texts the policies and audit share", () => {
  it("adds the node OS window with the one name AKS knows and the shortest length it accepts", () => {
    assert.strictEqual(
      nodeOsWindowAzureCli("add"),
      "az aks maintenanceconfiguration add --resource-group <group> --cluster-name <cluster> --name " +
        "aksManagedNodeOSUpgradeSchedule --schedule-type Weekly --day-of-week Sunday --interval-weeks 1 " +
        "--start-time 00:00 --duration 4",
    );
  });

  it("states the KMS conflict as a choice between the two rules, not as two rules a cluster can meet", () => {
    assert.match(KMS_IDENTITY_CONFLICT, /so no cluster passes both: choose the rule/);
    assert.match(KMS_IDENTITY_CONFLICT, /user-assigned for KMS/);
    assert.doesNotMatch(KMS_IDENTITY_CONFLICT, /meets both rules/);
  });
});
