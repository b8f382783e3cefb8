import {
  KMS_IDENTITY_CONFLICT,
  NodeOsWindowFields,
  RuleVerdict,
  checkKmsPrivateVault,
  checkNodeOsUpgrade,
  checkNodeOsWindow,
  checkNodePoolFips,
  checkPrivateCluster,
  isSystemAssigned,
} from "../../policypack/domain";
import type { ClusterRef, ClusterSettings, RuleFinding } from "./report";
import { AuditRule } from "./rules";

/**
 * A rule's outcome on one live cluster: its findings (none: passed), and why part of it could not be read, if so.
 * A rule with findings fails even when another part could not be read: what was read already decides it.
 */
export interface RuleOutcome {
  readonly findings: readonly RuleFinding[];
  readonly unreadable?: string;
}

/** Field names as Azure Resource Manager's JSON spells them, for the findings' messages. */
export const FIELD = {
  nodeOsChannel: "autoUpgradeProfile.nodeOSUpgradeChannel",
  upgradeChannel: "autoUpgradeProfile.upgradeChannel",
  privateCluster: "apiServerAccessProfile.enablePrivateCluster",
  fips: "enableFIPS",
  kms: "securityProfile.azureKeyVaultKms",
} as const;

/** The verdicts of one rule as an outcome; a value the domain cannot judge (never in live data) is unreadable. */
function outcome(
  rule: AuditRule,
  verdicts: readonly { verdict: RuleVerdict; nodePool?: string }[],
): RuleOutcome {
  const findings = verdicts.flatMap(({ verdict, nodePool }): RuleFinding[] =>
    verdict.status === "fail"
      ? [{ rule, message: `${verdict.problem}.`, ...(nodePool === undefined ? {} : { nodePool }) }]
      : [],
  );
  const unknown = verdicts.map((v) => v.verdict).find((v) => v.status === "unknown");
  return unknown?.status === "unknown"
    ? { findings, unreadable: `Azure gave no value of ${unknown.field}` }
    : { findings };
}

/**
 * The node OS rule: channel NodeImage or SecurityPatch, and, when `window` is given (`--require-maintenance-window`),
 * an `aksManagedNodeOSUpgradeSchedule` of at least 4 hours (`found: undefined`: the cluster has none), or why it
 * could not be read.
 */
export function assessNodeOs(
  settings: ClusterSettings,
  window?: { readonly found: NodeOsWindowFields | undefined } | { readonly unreadable: string },
): RuleOutcome {
  const channel = outcome(AuditRule.NodeOsAutoUpgrade, [
    {
      verdict: checkNodeOsUpgrade({
        nodeOsChannel: settings.nodeOsUpgradeChannel,
        nodeOsChannelField: FIELD.nodeOsChannel,
        upgradeChannel: settings.upgradeChannel,
        upgradeChannelField: FIELD.upgradeChannel,
      }),
    },
  ]);
  if (window === undefined) return channel;
  const schedule: RuleOutcome =
    "unreadable" in window
      ? { findings: [], unreadable: window.unreadable }
      : outcome(AuditRule.NodeOsMaintenanceWindow, [{ verdict: checkNodeOsWindow(window.found) }]);
  return combine(channel, schedule);
}

export function assessPrivateCluster(settings: ClusterSettings): RuleOutcome {
  return outcome(AuditRule.PrivateCluster, [
    { verdict: checkPrivateCluster(settings.enablePrivateCluster, FIELD.privateCluster) },
  ]);
}

/** Every node pool of the cluster's list entry (`agentPoolProfiles`, which holds all its pools); one finding each. */
export function assessNodePoolFips(settings: ClusterSettings): RuleOutcome {
  return outcome(
    AuditRule.NodePoolFips,
    settings.nodePools.map((p) => ({
      nodePool: p.name,
      verdict: checkNodePoolFips({
        pool: `node pool ${JSON.stringify(p.name)}`,
        enableFips: p.enableFips,
        enableFipsField: FIELD.fips,
        osType: p.osType,
        osSku: p.osSku,
      }),
    })),
  );
}

/**
 * KMS with a private key vault. A cluster with the system-assigned identity the Trusted Access rule asks for cannot
 * have KMS (Azure refuses it): its finding says so, and what choice that leaves, in place of a fix Azure refuses.
 */
export function assessKms(cluster: Pick<ClusterRef, "identityType" | "settings">): RuleOutcome {
  const kms = cluster.settings.kms;
  const verdict = checkKmsPrivateVault({
    enabled: kms?.enabled,
    enabledField: `${FIELD.kms}.enabled`,
    keyId: kms?.keyId,
    keyIdField: `${FIELD.kms}.keyId`,
    networkAccess: kms?.keyVaultNetworkAccess,
    networkAccessField: `${FIELD.kms}.keyVaultNetworkAccess`,
    vaultResourceId: kms?.keyVaultResourceId,
    vaultResourceIdField: `${FIELD.kms}.keyVaultResourceId`,
  });
  const found = outcome(AuditRule.KmsPrivateKeyVault, [{ verdict }]);
  if (verdict.status !== "fail" || !isSystemAssigned(cluster.identityType)) return found;
  return {
    findings: [
      { rule: AuditRule.KmsPrivateKeyVault, message: `${verdict.problem}: ${KMS_IDENTITY_CONFLICT}.` },
    ],
  };
}

/** Two parts of one rule as one outcome: the findings of both, and what either could not read. */
export function combine(a: RuleOutcome, b: RuleOutcome): RuleOutcome {
  const unreadable = [a.unreadable, b.unreadable].filter((u): u is string => u !== undefined);
  const findings = [...a.findings, ...b.findings];
  return unreadable.length === 0 ? { findings } : { findings, unreadable: unreadable.join("; ") };
}
