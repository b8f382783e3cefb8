import type { EnforcementLevel } from "../packHost";
import type { AuditRule, CheckedRule } from "./rules";

/** One Trusted Access role binding as Azure reports it. */
export interface AuditedBinding {
  readonly name: string;
  readonly roles: readonly string[];
  readonly sourceResourceId: string;
  /**
   * As Azure gives it: Canceled, Deleting, Failed, Succeeded or Updating, or a value a newer API adds. Absent when
   * Azure gave none: the property is read-only and not required in a response.
   */
  readonly provisioningState?: string;
}

/**
 * What the cluster rules read of a cluster: its `properties` as the cluster list gives them (Resource Manager's
 * SDK model or Resource Graph's ARM JSON; each rule reads its fields with `armValue`, which ignores case). Values
 * are Azure's JSON, checked by the rules, never trusted to have a type.
 */
export type ClusterSettings = Readonly<Record<string, unknown>>;

/** A cluster as the cluster list reports it. */
export interface LiveCluster {
  readonly id: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
  /** `SystemAssigned`, `UserAssigned`, or `None` (a service principal cluster). */
  readonly identityType: string;
  /** Its Azure tags (an exemption tag among them exempts it from that tag's policy). */
  readonly tags: Readonly<Record<string, string>>;
  readonly settings: ClusterSettings;
}

/**
 * What a finding weighs: a mandatory one fails the audit (exit 1), an advisory one is reported with its fix. The
 * pack reports a policy at level `remediate` as mandatory (it cannot remediate a stack policy), and so does audit.
 */
export type FindingLevel = "mandatory" | "advisory";

/** What a rule finds wrong with a cluster. */
export interface RuleFinding {
  readonly rule: AuditRule;
  /** A verb phrase whose subject is the cluster, e.g. `has no Trusted Access role bindings ...`. */
  readonly message: string;
  /** The binding the finding is about, when it is about one. */
  readonly binding?: string;
  /** The node pool the finding is about, when it is about one. */
  readonly nodePool?: string;
}

/** A finding as reported: at the level of its policy, with its own fix. */
export interface Finding extends RuleFinding {
  readonly enforcementLevel: FindingLevel;
  /** The fix of this finding alone; the cluster's `remediation` gathers those of all its findings. */
  readonly remediation: Remediation;
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
  /**
   * `fail` when what was read already fails the rule, even if a part of it could not be read; `exempt` when the
   * cluster is exempt from the rule's policy and nothing else of the rule failed.
   */
  readonly result: "pass" | "fail" | "unreadable" | "exempt";
  /** The strongest level its policies apply to this cluster at; absent when the cluster is exempt from all. */
  readonly enforcementLevel?: FindingLevel;
  /** Azure's reason for the read that failed: always set when `unreadable`, and on a `fail` whose part failed. */
  readonly reason?: string;
  /** Which of the rule's policies the cluster is exempt from, and why (the tag and its value, or the list). */
  readonly exemption?: string;
}

export interface ClusterResult {
  /**
   * `non-compliant` when it has a mandatory finding (even when a rule could not be read), else `unreadable` when a
   * rule could not be read in full, else `advisory` when it has advisory findings, else `compliant`.
   */
  readonly status: "compliant" | "advisory" | "non-compliant" | "unreadable";
  readonly cluster: LiveCluster;
  /** One entry per checked rule, in the order of `CHECKED_RULES`. */
  readonly checks: readonly RuleCheck[];
  /** Undefined when the Trusted Access rule is not checked or its bindings could not be read. */
  readonly bindings: readonly AuditedBinding[] | undefined;
  readonly findings: readonly Finding[];
  readonly warnings: readonly string[];
  /** What the audit saw that is no finding: a binding's change in progress, a state Azure's API does not define. */
  readonly notices: readonly string[];
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
  /** Whether the node OS rule also asked for a maintenance window (the flag, or the config's setting). */
  readonly requireMaintenanceWindow: boolean;
  /** `--policy-config`, as given, when there was one. */
  readonly policyConfig?: string;
  /** The level of each of the pack's policies that audit applies, by name, after `--policy-config`. */
  readonly enforcementLevels: Readonly<Record<string, EnforcementLevel>>;
  /** Sorted by name, then id; clusters by resource group, then name. */
  readonly subscriptions: readonly SubscriptionResult[];
}
