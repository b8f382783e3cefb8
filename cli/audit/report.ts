import type { AuditRule } from "./rules";

/** One Trusted Access role binding as Azure reports it. */
export interface AuditedBinding {
  readonly name: string;
  readonly roles: readonly string[];
  readonly sourceResourceId: string;
  /** `Succeeded`, `Failed`, `Updating`, ...; `Unknown` when Azure gave none. */
  readonly provisioningState: string;
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
}

export interface Finding {
  readonly rule: AuditRule;
  /** A verb phrase whose subject is the cluster, e.g. `has no Trusted Access role bindings ...`. */
  readonly message: string;
  /** The binding the finding is about, when it is about one. */
  readonly binding?: string;
}

/** How to fix a non-compliant cluster: Azure CLI commands, and a Pulumi snippet when bindings are missing. */
export interface Remediation {
  readonly azureCli: readonly string[];
  readonly pulumi?: string;
}

export type ClusterResult =
  | {
      readonly status: "compliant" | "non-compliant";
      readonly cluster: ClusterRef;
      readonly bindings: readonly AuditedBinding[];
      readonly findings: readonly Finding[];
      readonly warnings: readonly string[];
      readonly remediation: Remediation;
    }
  | { readonly status: "unreadable"; readonly cluster: ClusterRef; readonly reason: string };

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
  /** Sorted by name, then id; clusters by resource group, then name. */
  readonly subscriptions: readonly SubscriptionResult[];
}
