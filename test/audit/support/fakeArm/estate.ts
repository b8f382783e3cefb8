/** What the fake Resource Manager holds and how it misbehaves. Typed, so a misspelt field fails to compile. */

export type IdentityType = "SystemAssigned" | "UserAssigned" | "None";
/** Azure's values, and "Migrating", which stands for a value a newer API may add. */
export type ProvisioningState = "Succeeded" | "Failed" | "Updating" | "Deleting" | "Canceled" | "Migrating";

export interface FakeBinding {
  readonly name: string;
  readonly roles: readonly string[];
  readonly sourceResourceId: string;
  /** Absent: the response leaves it out, as Microsoft's own List and Get examples do. */
  readonly provisioningState?: ProvisioningState;
}

export type NodeOsChannel = "None" | "Unmanaged" | "NodeImage" | "SecurityPatch";

export interface FakeNodePool {
  readonly name: string;
  readonly enableFips: boolean;
  /** Linux when absent. */
  readonly osType?: "Linux" | "Windows";
  readonly osSku?: "Ubuntu" | "AzureLinux" | "Windows2019" | "Windows2022" | "Windows2025";
}

/** KMS etcd encryption as `securityProfile.azureKeyVaultKms` holds it. */
export interface FakeKms {
  readonly networkAccess: "Public" | "Private";
  /** Whether `keyVaultResourceId` is set (Azure requires it with Private). */
  readonly vaultResourceId: boolean;
}

export interface FakeCluster {
  readonly resourceGroup: string;
  readonly name: string;
  readonly location: string;
  /** Absent for a service principal cluster. */
  readonly identity?: IdentityType;
  readonly bindings: readonly FakeBinding[];
  /** `autoUpgradeProfile`; absent when neither is set. */
  readonly nodeOsUpgradeChannel?: NodeOsChannel;
  readonly upgradeChannel?: "none" | "patch" | "stable" | "rapid" | "node-image";
  /** `apiServerAccessProfile.enablePrivateCluster`; the profile is absent when this is. */
  readonly privateCluster?: boolean;
  /** One Linux pool "system" without FIPS when absent. */
  readonly nodePools?: readonly FakeNodePool[];
  /** Absent: KMS off (no `azureKeyVaultKms` block). */
  readonly kms?: FakeKms;
  /** Hours of its `aksManagedNodeOSUpgradeSchedule`; absent: it has none (404). */
  readonly nodeOsWindowHours?: number;
  /** Its Azure tags; absent: it has none. */
  readonly tags?: Readonly<Record<string, string>>;
}

/** An ARM error response. */
export interface FakeFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly retryAfterSeconds?: number;
}

export interface FakeSubscription {
  readonly id: string;
  readonly displayName: string;
  readonly clusters: readonly FakeCluster[];
}

/** Answers `times` requests to `path` (any case, no query) with `failure`, then lets requests through. */
export interface Fault {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly failure: FakeFailure;
  /** Omit for a failure that never ends. */
  readonly times?: number;
}

export interface FakeRole {
  readonly sourceResourceType: string;
  readonly name: string;
  readonly rules: readonly {
    readonly apiGroups: readonly string[];
    readonly resources: readonly string[];
    readonly verbs: readonly string[];
  }[];
}

export interface FakeArmSetup {
  readonly subscriptions: readonly FakeSubscription[];
  /** Subscriptions the credential cannot see in `GET /subscriptions`; `GET /subscriptions/{id}` still finds them. */
  readonly hiddenSubscriptions?: readonly FakeSubscription[];
  readonly faults?: readonly Fault[];
  /** Trusted Access roles by location. */
  readonly roles?: Readonly<Record<string, readonly FakeRole[]>>;
  /** Subscriptions whose clusters Resource Graph has not indexed yet: it answers for them with no rows. */
  readonly graphLagging?: readonly string[];
  /** Items per page of every list; more items come through `nextLink` / `$skipToken`. */
  readonly pageSize: number;
  /** Added to every response, as a remote server's round trip would be. */
  readonly latencyMs?: number;
  /** The bearer token requests must carry. */
  readonly token: string;
}

export const clusterPath = (subscriptionId: string, c: { resourceGroup: string; name: string }): string =>
  `/subscriptions/${subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.ContainerService/` +
  `managedClusters/${c.name}`;

export const clusterListPath = (subscriptionId: string): string =>
  `/subscriptions/${subscriptionId}/providers/Microsoft.ContainerService/managedClusters`;

export const bindingListPath = (subscriptionId: string, c: { resourceGroup: string; name: string }): string =>
  `${clusterPath(subscriptionId, c)}/trustedAccessRoleBindings`;

export const maintenanceConfigurationPath = (
  subscriptionId: string,
  c: { resourceGroup: string; name: string },
  configName: string,
): string => `${clusterPath(subscriptionId, c)}/maintenanceConfigurations/${configName}`;
