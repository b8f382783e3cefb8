import { strict as assert } from "node:assert";
import type { Enforcement } from "../../cli/audit/enforcement";
import { loadEnforcement } from "../../cli/audit/policyConfig";
import type { RuleFlags } from "../../cli/audit/auditFlags";
import { selectRules } from "../../cli/audit/ruleSelection";
import { CHECKED_RULES } from "../../cli/audit/rules";
import { UsageError } from "../../cli/command/usageError";

const ALL: RuleFlags = { rules: CHECKED_RULES, rulesNamed: false, requireMaintenanceWindow: false };

describe("selectRules: the rules that run, as the pack's config leaves them", () => {
  let defaults: Enforcement;
  before(async () => (defaults = await loadEnforcement()));
  /** The pack's defaults with these levels, as a config file named config.json would set them. */
  const configured = (levels: Enforcement["levels"], requireMaintenanceWindow = false): Enforcement => ({
    ...defaults,
    configFile: "config.json",
    levels: { ...defaults.levels, ...levels },
    requireMaintenanceWindow,
  });
  const rulesOf = (flags: RuleFlags, enforcement: Enforcement) => selectRules(flags, enforcement).rules;

  it("runs every rule the flags select when the config disables none", () => {
    assert.deepEqual(rulesOf(ALL, defaults), CHECKED_RULES);
  });

  it("leaves out a rule whose policy the config disables when --rule does not name it", () => {
    assert.deepEqual(rulesOf(ALL, configured({ "aks-node-pool-fips": "disabled" })), [
      "trusted-access-missing",
      "node-os-auto-upgrade",
      "private-cluster",
      "kms-private-key-vault",
    ]);
  });

  it("runs the Trusted Access rule while one of its two policies is on", () => {
    const onlyIdentity = configured({ "aks-trusted-access-required": "disabled" });
    assert.deepEqual(rulesOf(ALL, onlyIdentity), CHECKED_RULES);
  });

  it("asks for the node OS window when the config's requireMaintenanceWindow does, and the rule runs", () => {
    assert.equal(selectRules(ALL, configured({}, true)).requireMaintenanceWindow, true);
    const other: RuleFlags = { ...ALL, rules: ["private-cluster"], rulesNamed: true };
    assert.equal(selectRules(other, configured({}, true)).requireMaintenanceWindow, false);
    assert.equal(
      selectRules({ ...ALL, requireMaintenanceWindow: true }, defaults).requireMaintenanceWindow,
      true,
    );
  });

  const refused: [string, RuleFlags, Enforcement["levels"], string][] = [
    [
      "a --rule whose policy the config disables",
      { ...ALL, rules: ["kms-private-key-vault"], rulesNamed: true },
      { "aks-kms-private-key-vault": "disabled" },
      '--rule kms-private-key-vault checks policy aks-kms-private-key-vault, which --policy-config config.json sets to "disabled": drop --rule kms-private-key-vault, or give the policy a level ("advisory" or "mandatory").',
    ],
    [
      "a --rule whose two policies the config disables",
      { ...ALL, rules: ["trusted-access-missing"], rulesNamed: true },
      { "aks-trusted-access-required": "disabled", "aks-cluster-system-assigned-identity": "disabled" },
      "--rule trusted-access-missing checks policies aks-trusted-access-required and aks-cluster-system-assigned-identity, " +
        'which --policy-config config.json sets to "disabled": drop --rule trusted-access-missing, or give them a level ("advisory" or "mandatory").',
    ],
    [
      "--require-maintenance-window when the config disables the node OS policy",
      { ...ALL, requireMaintenanceWindow: true },
      { "aks-node-os-auto-upgrade": "disabled" },
      '--require-maintenance-window belongs to policy aks-node-os-auto-upgrade, which --policy-config config.json sets to "disabled": drop --require-maintenance-window, or give the policy a level ("advisory" or "mandatory").',
    ],
  ];
  for (const [name, flags, levels, message] of refused) {
    it(`refuses ${name}, naming both`, () => {
      assert.throws(() => selectRules(flags, configured(levels)), new UsageError(message));
    });
  }
});
