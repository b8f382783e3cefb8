import type { AuditRule, CheckedRule } from "./rules";

/** One Trusted Access role binding as Azure reports it. */
export interface AuditedBinding {
  readonly name: string;
  readonly roles: readonly string[];
  readonly sourceResourceId: string;
  /** `Succeeded`, `Failed`, `Updating`, ...; `Unknown` when Azure gave none. */
  readonly provisioningState: string;
}

/** One node pool of a cluster, as the cluster list reports it (`properties.agentPoolProfiles[]`). */
export interface NodePoolSettings {
  readonly name: string;
  readonly enableFips: unknown;
  readonly osType: unknown;
  readonly osSku: unknown;
}

/** A cluster's KMS settings (`properties.securityProfile.azureKeyVaultKms`); `undefined` when the block is absent. */
export interface KmsSettings {
  readonly enabled: unknown;
  readonly keyId: unknown;
  readonly keyVaultNetworkAccess: unknown;
  readonly keyVaultResourceId: unknown;
}

/**
 * What the cluster rules read of a cluster, as the cluster list gives it (Resource Manager and Resource Graph alike).
 * Values are `unknown`: they are Azure's JSON, checked by the rules, never trusted to have a type.
 */
export interface ClusterSettings {
  readonly nodeOsUpgradeChannel: unknown;
  readonly upgradeChannel: unknown;
  readonly enablePrivateCluster: unknown;
  readonly nodePools: readonly NodePoolSettings[];
  readonly kms: KmsSettings | undefined;
}

/** A cluster as the cluster list reports it. */
export interface ClusterRef {
  readonly id: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
  /** `SystemAssigned`, `UserAssigned`, or `None` (a service principal cluster). */
  readonly identityType: string;
  readonly settings: ClusterSettings;
}

export interface Finding {
  readonly rule: AuditRule;
  /** A verb phrase whose subject is the cluster, e.g. `has no Trusted Access role bindings ...`. */
  readonly message: string;
  /** The binding the finding is about, when it is about one. */
  readonly binding?: string;
  /** The node pool the finding is about, when it is about one. */
  readonly nodePool?: string;
  /** The fix of this finding alone; the cluster's `remediation` gathers those of all its findings. */
  readonly remediation?: Remediation;
}

/** How to fix a non-compliant cluster: Azure CLI commands, and what to set in a Pulumi stack. */
export interface Remediation {
  readonly azureCli: readonly string[];
  /** A `TrustedAccessBindings` snippet, when bindings are missing. */
  readonly pulumi?: string;
  /** The `AksCluster` arguments that fix the findings, one line per rule. */
  readonly component?: readonly string[];
  /** What the commands cannot solve alone (the KMS and system-assigned identity conflict). */
  readonly notes?: readonly string[];
}

/** One checked rule on one cluster: its verdict, and why a read it needs failed, if one did. */
export interface RuleCheck {
  readonly rule: CheckedRule;
  /** `fail` when what was read already fails the rule, even if a part of it could not be read. */
  readonly result: "pass" | "fail" | "unreadable";
  /** Azure's reason for the read that failed: always set when `unreadable`, and on a `fail` whose part failed. */
  readonly reason?: string;
}

export interface ClusterResult {
  /**
   * `non-compliant` when a checked rule fails (even when another could not be read), else `unreadable` when a
   * rule could not be read, else `compliant`.
   */
  readonly status: "compliant" | "non-compliant" | "unreadable";
  readonly cluster: ClusterRef;
  /** One entry per checked rule, in the order of `CHECKED_RULES`. */
  readonly checks: readonly RuleCheck[];
  /** Undefined when the Trusted Access rule is not checked or its bindings could not be read. */
  readonly bindings: readonly AuditedBinding[] | undefined;
  readonly findings: readonly Finding[];
  readonly warnings: readonly string[];
  readonly remediation: Remediation;
}

export type SubscriptionResult =
  | {
      readonly status: "read";
      readonly id: string;
      readonly name: string;
      readonly clusters: readonly ClusterResult[];
    }
  | { readonly status: "unreadable"; readonly id: string; readonly name: string; readonly reason: string };

/** Where the cluster lists came from. */
export type ClusterSource = "resource-manager" | "resource-graph";

export interface AuditReport {
  readonly clusterSource: ClusterSource;
  /** The rules checked on every cluster, in the order of `CHECKED_RULES`. */
  readonly rules: readonly CheckedRule[];
  /** Whether the node OS rule also asked for a maintenance window (`--require-maintenance-window`). */
  readonly requireMaintenanceWindow: boolean;
  /** Sorted by name, then id; clusters by resource group, then name. */
  readonly subscriptions: readonly SubscriptionResult[];
}
